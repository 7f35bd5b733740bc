// `lead …` commands through the app's core: reads with leads.find, writes with leads.create/edit/applyActions — durable
// in the data folder's write queue, answered when Kartra confirmed, or reported as queued when it cannot be reached.
import type { LeadAction } from '../../shared/domain/actions';
import type { CustomFieldInput } from '../../shared/domain/lead-input';
import type { WriteReceipt } from '../../shared/ipc/contract';
import { AppError } from '../../main/core/errors';
import { bool, int, parseFlags, required, str, UsageError, type FlagValues, type OptionSpec } from '../args';
import type { CliContext, Command } from '../context';
import { CORE_OPTIONS, unwrap, withCore, type CliSession } from '../core-session';
import { PartialFailure, type Doc } from '../output';
import { resolveCustomFields } from './custom-options';
import { chainedActions, checkEmail, leadRef, names, PROFILE_OPTIONS, profileFrom, REF_OPTIONS } from './lead-flags';

interface Sub {
  options: OptionSpec;
  run(values: FlagValues, session: CliSession, command: string, ctx: CliContext): Promise<Doc>;
  /** Checks the flags before any account setting is looked at, so input mistakes are reported first. */
  check?(values: FlagValues, command: string): void;
}

const actionSub = (flag: 'tag' | 'list', cmd: (name: string) => LeadAction): Sub => ({
  options: { ...REF_OPTIONS, [flag]: { type: 'string', multiple: true } },
  check(values, command) {
    leadRef(values, command);
    if (names(values, flag).length === 0) throw new UsageError(`"${command}" needs --${flag} (repeat it for several)`, `--${flag}`);
  },
  run: (values, session, command, ctx) => runActions(session, ctx, values, command, names(values, flag).map(cmd)),
});

const refQuery = (values: FlagValues, command: string) => {
  const ref = leadRef(values, command);
  return ref.id ?? ref.email ?? '';
};

const SUBCOMMANDS: Record<string, Sub> = {
  get: {
    options: REF_OPTIONS,
    check: (values, command) => void leadRef(values, command),
    run: async (values, { api }, command) => ({ lead: unwrap(await api.leads.find({ query: refQuery(values, command) })) }),
  },
  search: {
    options: REF_OPTIONS,
    check: (values, command) => void leadRef(values, command),
    async run(values, { api }, command) {
      const reply = await api.leads.find({ query: refQuery(values, command) });
      if (!reply.ok && reply.error.code === 'not_found') return { found: false, id: null };
      return { found: true, id: unwrap(reply).id };
    },
  },
  create: {
    options: { email: { type: 'string' }, ...PROFILE_OPTIONS },
    check(values, command) {
      checkEmail(required(values, 'email', command), '--email');
      profileFrom(values);
      chainedActions(values);
    },
    async run(values, session, _command, ctx) {
      const email = checkEmail(str(values, 'email') ?? '', '--email');
      const profile = await withOptionIds(session, profileFrom(values));
      const receipt = unwrap(await session.api.leads.create({ lead: { email, ...profile }, actions: chainedActions(values), source: 'cli' }));
      return settle(session, ctx, receipt, email);
    },
  },
  edit: {
    options: { ...REF_OPTIONS, 'new-email': { type: 'string' }, ...PROFILE_OPTIONS },
    check(values, command) {
      leadRef(values, command);
      const changes = editChanges(values);
      if (Object.keys(changes).length === 0 && chainedActions(values).length === 0) {
        throw new UsageError(`"${command}" needs something to change: --new-email, --first-name, --last-name, --field, --custom, --tag or --list`);
      }
    },
    async run(values, session, command, ctx) {
      const changes = await withOptionIds(session, editChanges(values));
      const ref = leadRef(values, command);
      const receipt = unwrap(await session.api.leads.edit({ lead: ref, changes, actions: chainedActions(values), source: 'cli' }));
      return settle(session, ctx, receipt, changes.new_email ?? ref.id ?? ref.email);
    },
  },
  tag: actionSub('tag', (tag_name) => ({ cmd: 'assign_tag', tag_name })),
  untag: actionSub('tag', (tag_name) => ({ cmd: 'unassign_tag', tag_name })),
  list: actionSub('list', (list_name) => ({ cmd: 'subscribe_lead_to_list', list_name })),
  unlist: actionSub('list', (list_name) => ({ cmd: 'unsubscribe_lead_from_list', list_name })),
  sequence: {
    options: { ...REF_OPTIONS, sequence: { type: 'string' }, step: { type: 'string' }, unsubscribe: { type: 'boolean' } },
    check: (values, command) => void sequenceAction(values, command),
    run: (values, session, command, ctx) => runActions(session, ctx, values, command, [sequenceAction(values, command)]),
  },
  points: {
    options: { ...REF_OPTIONS, give: { type: 'string' }, remove: { type: 'string' }, expiration: { type: 'string' } },
    check: (values, command) => void pointsAction(values, command),
    run: (values, session, command, ctx) => runActions(session, ctx, values, command, [pointsAction(values, command)]),
  },
};

export const LEAD_SUBCOMMANDS = Object.keys(SUBCOMMANDS);

export const leadCommand: Command = async (argv, ctx) => {
  const [name, ...rest] = argv;
  const sub = name === undefined ? undefined : Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (!sub) {
    throw new UsageError(
      name === undefined ? `"lead" needs a subcommand: ${LEAD_SUBCOMMANDS.join(', ')}` : `unknown subcommand "lead ${name}" (known: ${LEAD_SUBCOMMANDS.join(', ')})`,
    );
  }
  const command = `lead ${name}`;
  const values = parseFlags(rest, { ...sub.options, ...CORE_OPTIONS }, command);
  sub.check?.(values, command);
  return withCore(values, ctx, (session) => sub.run(values, session, command, ctx));
};

/** --custom values checked against the account's fields and shaped for Kartra (its custom fields read fresh, offline cached). */
async function withOptionIds<T extends { custom_fields?: CustomFieldInput[] | undefined }>({ api }: CliSession, changes: T): Promise<T> {
  const custom = changes.custom_fields;
  if (!custom || custom.length === 0) return changes;
  const lists = unwrap(await api.account.lists({ refresh: ['custom_fields'] }));
  return { ...changes, custom_fields: resolveCustomFields(custom, lists.custom_fields.items) };
}

function editChanges(values: FlagValues) {
  const newEmail = str(values, 'new-email');
  return { ...(newEmail !== undefined ? { new_email: checkEmail(newEmail, '--new-email') } : {}), ...profileFrom(values) };
}

function sequenceAction(values: FlagValues, command: string): LeadAction {
  leadRef(values, command);
  const sequence_name = required(values, 'sequence', command).trim();
  const step = str(values, 'step');
  if (bool(values, 'unsubscribe')) {
    if (step !== undefined) throw new UsageError('--step and --unsubscribe cannot be combined', '--step');
    return { cmd: 'unsubscribe_lead_from_sequence', sequence_name };
  }
  if (step === undefined) throw new UsageError(`"${command}" needs --step S (or --unsubscribe)`, '--step');
  if (!/^[A-Za-z0-9]+$/.test(step.trim())) throw new UsageError(`--step must be alphanumeric, got "${step}"`, '--step');
  return { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name, step: step.trim() };
}

function pointsAction(values: FlagValues, command: string): LeadAction {
  leadRef(values, command);
  const give = str(values, 'give');
  const remove = str(values, 'remove');
  const expiration = str(values, 'expiration');
  if (give !== undefined && remove !== undefined) throw new UsageError('--give and --remove cannot be combined', '--remove');
  if (remove !== undefined) {
    if (expiration !== undefined) throw new UsageError('--expiration goes with --give only', '--expiration');
    return { cmd: 'remove_points_from_lead', points: int(remove, '--remove', 1, 1_000_000_000) };
  }
  if (give === undefined) throw new UsageError(`"${command}" needs --give N or --remove N`, '--give');
  return {
    cmd: 'give_points_to_lead',
    points: int(give, '--give', 1, 1_000_000_000),
    ...(expiration !== undefined ? { expiration: int(expiration, '--expiration', 0, 100_000) } : {}),
  };
}

async function runActions(session: CliSession, ctx: CliContext, values: FlagValues, command: string, actions: LeadAction[]): Promise<Doc> {
  const ref = leadRef(values, command);
  return settle(session, ctx, unwrap(await session.api.leads.applyActions({ lead: ref, actions, source: 'cli' })), ref.id ?? ref.email);
}

const WAITING = new Set(['pending', 'in_flight']);

/**
 * Confirmed → done. Some change refused (or in conflict, or needing a check by hand) → a failure that still reports
 * every change. Otherwise Kartra could not be reached: the changes are journaled in the data folder → "queued".
 */
async function settle({ api }: CliSession, ctx: CliContext, receipt: WriteReceipt, query: string | undefined): Promise<Doc> {
  const changes = receipt.changes.map((c) => ({ id: c.id, summary: c.summary, status: c.status, ...(c.error ? { error: c.error } : {}) }));
  const leadId = receipt.lead?.id ?? receipt.changes.find((c) => c.leadId)?.leadId ?? null;
  if (receipt.confirmed) {
    // The lead as Kartra has it now (which also puts it in the data folder's cache, for `search`).
    let lead = receipt.lead;
    const found = lead || !query ? undefined : await api.leads.find({ query: leadId ?? query });
    if (found?.ok) lead = found.value;
    else if (found) ctx.warn(`done, but the lead could not be read back: ${found.error.message}`);
    return { status: 'done', leadId: lead?.id ?? leadId, changes, lead };
  }
  const queued = receipt.changes.filter((c) => WAITING.has(c.status)).map((c) => c.id);
  const stuck = receipt.changes.find((c) => !WAITING.has(c.status) && c.status !== 'done');
  if (stuck) {
    const error =
      stuck.error ??
      new AppError(stuck.status === 'conflict' ? 'conflict' : 'kartra_error', `"${stuck.summary}" needs your decision in the app's outbox (${stuck.status.replace('_', ' ')}).`).toData();
    const cause = new AppError(error.code, error.message, { retryable: error.retryable, details: error.details });
    throw new PartialFailure(cause, { status: 'failed', leadId, changes, ...(queued.length > 0 ? { ids: queued } : {}) });
  }
  ctx.progress(`queued: Kartra cannot be reached; ${queued.length} change${queued.length === 1 ? ' is' : 's are'} saved in the data folder and sent by the next run on it`);
  return { status: 'queued', ids: queued, leadId, changes };
}
