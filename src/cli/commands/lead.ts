// `lead …` commands: get, search, create, edit and the single-lead actions through the real client, actions chained in one call.
import type { LeadAction } from '../../shared/domain/actions';
import type { KartraClient } from '../../main/core/kartra/client';
import { KartraApiError } from '../../main/core/kartra/errors';
import type { CustomFieldInput } from '../../main/core/kartra/lead-input';
import type { LeadWriteResult } from '../../main/core/kartra/lead-writes';
import { bool, int, parseFlags, required, str, UsageError, type FlagValues, type OptionSpec } from '../args';
import { ACCOUNT_OPTIONS, withClient } from '../account-flags';
import type { Command } from '../context';
import { PartialFailure, type Doc } from '../output';
import { resolveCustomFields } from './custom-options';
import { chainedActions, checkEmail, leadRef, names, PROFILE_OPTIONS, profileFrom, REF_OPTIONS } from './lead-flags';

interface Sub {
  options: OptionSpec;
  run(values: FlagValues, client: KartraClient, command: string): Promise<Doc>;
  /** Checks the flags before any account setting is looked at, so input mistakes are reported first. */
  check?(values: FlagValues, command: string): void;
}

const actionSub = (flag: 'tag' | 'list', cmd: (name: string) => LeadAction): Sub => ({
  options: { ...REF_OPTIONS, [flag]: { type: 'string', multiple: true } },
  check(values, command) {
    leadRef(values, command);
    if (names(values, flag).length === 0) throw new UsageError(`"${command}" needs --${flag} (repeat it for several)`, `--${flag}`);
  },
  run: (values, client, command) => runActions(client, leadRef(values, command), names(values, flag).map(cmd)),
});

const SUBCOMMANDS: Record<string, Sub> = {
  get: {
    options: REF_OPTIONS,
    check: (values, command) => void leadRef(values, command),
    run: async (values, client, command) => ({ lead: await client.getLead(leadRef(values, command)) }),
  },
  search: {
    options: REF_OPTIONS,
    check: (values, command) => void leadRef(values, command),
    async run(values, client, command) {
      const found = await client.searchLead(leadRef(values, command));
      return { found: found !== null, id: found?.id ?? null };
    },
  },
  create: {
    options: { email: { type: 'string' }, ...PROFILE_OPTIONS },
    check(values, command) {
      checkEmail(required(values, 'email', command), '--email');
      profileFrom(values);
      chainedActions(values);
    },
    async run(values, client) {
      const email = checkEmail(str(values, 'email') ?? '', '--email');
      const profile = await withOptionIds(client, profileFrom(values));
      const chained = chainedActions(values);
      return settle(await client.createLead({ email, ...profile }, chained), chained);
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
    async run(values, client, command) {
      const changes = await withOptionIds(client, editChanges(values));
      const chained = chainedActions(values);
      return settle(await client.editLead(leadRef(values, command), changes, chained), chained);
    },
  },
  tag: actionSub('tag', (tag_name) => ({ cmd: 'assign_tag', tag_name })),
  untag: actionSub('tag', (tag_name) => ({ cmd: 'unassign_tag', tag_name })),
  list: actionSub('list', (list_name) => ({ cmd: 'subscribe_lead_to_list', list_name })),
  unlist: actionSub('list', (list_name) => ({ cmd: 'unsubscribe_lead_from_list', list_name })),
  sequence: {
    options: { ...REF_OPTIONS, sequence: { type: 'string' }, step: { type: 'string' }, unsubscribe: { type: 'boolean' } },
    check: (values, command) => void sequenceAction(values, command),
    run: (values, client, command) => runActions(client, leadRef(values, command), [sequenceAction(values, command)]),
  },
  points: {
    options: { ...REF_OPTIONS, give: { type: 'string' }, remove: { type: 'string' }, expiration: { type: 'string' } },
    check: (values, command) => void pointsAction(values, command),
    run: (values, client, command) => runActions(client, leadRef(values, command), [pointsAction(values, command)]),
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
  const values = parseFlags(rest, { ...sub.options, ...ACCOUNT_OPTIONS }, command);
  sub.check?.(values, command);
  return withClient(values, ctx, (client) => sub.run(values, client, command));
};

/** --custom values checked against the account's fields and shaped for Kartra (one retrieve_custom_fields read). */
async function withOptionIds<T extends { custom_fields?: CustomFieldInput[] | undefined }>(client: KartraClient, changes: T): Promise<T> {
  const custom = changes.custom_fields;
  if (!custom || custom.length === 0) return changes;
  return { ...changes, custom_fields: resolveCustomFields(custom, await client.retrieveCustomFields()) };
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

async function runActions(client: KartraClient, ref: ReturnType<typeof leadRef>, actions: LeadAction[]): Promise<Doc> {
  return settle(await client.runActions(ref, actions), actions);
}

/** Every action applied → the result; one refused → a failure that still reports what was done. */
function settle(outcome: LeadWriteResult, sent: readonly LeadAction[] = []): Doc {
  const doc: Doc = { leadId: outcome.leadId, results: outcome.results };
  const at = outcome.results.findIndex((r) => !r.ok);
  const failed = outcome.results[at];
  // The action itself goes with the error so that a 230 names the step and the sequence.
  if (failed) throw new PartialFailure(new KartraApiError(failed.kartraType ?? '', failed.message, failed.cmd, sent[at]), doc);
  return doc;
}
