// An in-memory fake of the app core behind a Transport: it answers envelopes per command and emits events.
// It fakes the core (the far side of window.api), never a UI part: the renderer under test is the real one.
import type {
  AppStatus,
  CommandInput,
  CommandName,
  CommandOutput,
  EventName,
  EventPayload,
} from '../../../shared/ipc/contract';
import type { AppErrorData, Envelope } from '../../../shared/ipc/envelope';
import type { Transport } from '../../../shared/ipc/make-api';
import type { AccountInfo } from '../../../shared/domain/account';
import type { Lead } from '../../../shared/domain/lead';
import { makeSandboxAccount } from './fixtures';

export type Handler<K extends CommandName> = (input: CommandInput<K>) => Envelope<CommandOutput<K>> | Promise<Envelope<CommandOutput<K>>>;

export interface FakeCoreOptions {
  status?: Partial<AppStatus>;
  leads?: Lead[];
  tags?: string[];
  /** Known accounts besides the connected one (status.account is always listed). */
  accounts?: AccountInfo[];
  /** The account marked current when none is connected (e.g. its credentials are missing). */
  currentId?: string | null;
}

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (
  code: AppErrorData['code'],
  message: string,
  retryable = false,
  details?: AppErrorData['details'],
): Envelope<never> => ({
  ok: false,
  error: { code, message, retryable, ...(details ? { details } : {}) },
});

export class FakeCore implements Transport {
  status: AppStatus;
  leads: Lead[];
  tags: string[];
  accounts: AccountInfo[];
  currentId: string | null;
  /** Per account id: changes not yet confirmed (accounts.list's `pending`). */
  pending: Record<string, number> = {};
  readonly calls: { command: CommandName; input: unknown }[] = [];
  private readonly handlers = new Map<CommandName, (input: unknown) => unknown>();
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  constructor(options: FakeCoreOptions = {}) {
    this.status = {
      version: '0.1.0-test',
      account: null,
      online: true,
      defaultAppId: null,
      keychain: { available: true, problem: null },
      ...options.status,
    };
    this.leads = structuredClone(options.leads ?? []);
    this.tags = [...(options.tags ?? [])];
    // Copies: a test's fixtures must not change when the fake renames or forgets an account.
    const connected = this.status.account;
    this.accounts = structuredClone(options.accounts ?? []);
    if (connected && !this.accounts.some((a) => a.id === connected.id)) this.accounts.unshift(structuredClone(connected));
    this.currentId = connected?.id ?? options.currentId ?? null;
    this.answer('app.status', () => ok(this.status));
    this.answer('sandbox.connect', () => {
      const account = this.accounts.find((a) => a.kind === 'sandbox') ?? makeSandboxAccount();
      if (!this.accounts.includes(account)) this.accounts.push(account);
      return ok(this.makeCurrent(account));
    });
    installAccountCommands(this);
    this.answer('leads.find', ({ query }) => {
      const q = query.trim().toLowerCase();
      const lead = this.leads.find((l) => l.id === q || l.email.toLowerCase() === q);
      return lead ? ok(structuredClone(lead)) : fail('not_found', `No lead with the email or id “${query.trim()}”.`);
    });
    this.answer('leads.applyActions', ({ lead: ref, actions }) => {
      const lead = this.leads.find((l) => (ref.id ? l.id === ref.id : l.email === ref.email));
      if (!lead) return fail('not_found', 'That lead does not exist any more.');
      if (actions.some((action) => action.cmd !== 'assign_tag')) return fail('internal', 'The fake core only assigns tags.');
      for (const action of actions) if (action.cmd === 'assign_tag' && !lead.tags.includes(action.tag_name)) lead.tags.push(action.tag_name);
      // Confirmed at once, as the core answers when Kartra confirms within its wait (WriteReceipt).
      return ok({ changes: [], confirmed: true, lead: structuredClone(lead) });
    });
    // What the lead workspace reads when it opens: the local search, a profile, the account's lists, the outbox.
    this.answer('leads.search', ({ offset = 0, limit = 100 }) => {
      const rows = this.leads.map((l) => ({
        id: l.id,
        email: l.email,
        name: [l.first_name, l.last_name].filter(Boolean).join(' '),
        company: l.company,
        country: l.country,
        tags: [...l.tags],
        score: l.score,
        seenAt: 1_700_000_000_000,
      }));
      return ok({ rows: rows.slice(offset, offset + limit), total: rows.length, tookMs: 1, newestSeenAt: rows.length ? 1_700_000_000_000 : null });
    });
    this.answer('leads.profile', ({ id }) => {
      const lead = this.leads.find((l) => l.id === id);
      if (!lead) return fail('not_found', `No lead with id ${id} in this Kartra account.`);
      return ok({ lead: structuredClone(lead), fromCache: false, seenAt: Date.now(), transactions: [], subscriptions: [], pending: [] });
    });
    this.answer('account.lists', () => {
      const at = <T>(items: T[]) => ({ items, fetchedAt: 1_700_000_000_000 });
      return ok({ tags: at([...this.tags]), lists: at([]), sequences: at([]), pages: at([]), custom_fields: at([]), stale: false });
    });
    this.answer('outbox.list', () =>
      ok({ items: [], state: { accountId: this.status.account?.id ?? null, online: this.status.online, counts: { pending: 0, inFlight: 0, failed: 0, conflict: 0 }, nextProbeAt: null } }),
    );
    this.answer('history.list', () => ok({ entries: [], nextBeforeId: null }));
    this.answer('account.tags', () => ok({ items: [...this.tags], fetchedAt: 1_700_000_000_000, stale: false }));
    // Views: the table reads through views.filter; here it answers what this fake's leads.search answers
    // for the words (conditions are the real core's business, tested there: src/main/core/views).
    this.answer('views.filter', async ({ filter, offset = 0, limit = 100 }) => {
      const reply = (await this.invoke('leads.search', { query: filter.text ?? '', offset, limit })) as Envelope<CommandOutput<'leads.search'>>;
      if (!reply.ok) return reply;
      // Search rows lack the view's extra values; the table shows those cells empty.
      return ok({ capped: false, ...reply.value, rows: reply.value.rows.map((r) => ({ city: '', phone: '', lists: [], sequences: [], joined: '', source: '', gdpr: '', fields: {}, ...r })) });
    });
    this.answer('views.list', () => ok({ views: [] }));
    this.answer('views.layout', () => ok({ layout: null }));
    this.answer('views.saveLayout', ({ layout }) => ok({ layout }));
    this.answer('views.counts', () => ok({ total: this.leads.length, tags: {}, lists: {}, sequences: {} }));
    this.answer('views.resolveSelection', ({ selection }) => ok({ ids: selection.kind === 'ids' ? [...selection.ids] : this.leads.map((l) => l.id) }));
  }

  /** Connect an account as the core does: it becomes current and app.status is pushed. */
  makeCurrent(account: AccountInfo): AccountInfo {
    this.currentId = account.id;
    this.status = { ...this.status, account: structuredClone(account) };
    this.emit('app.status', this.status);
    return structuredClone(account);
  }

  /** Replace how one command is answered. */
  answer<K extends CommandName>(command: K, handler: Handler<K>): this {
    this.handlers.set(command, handler as (input: unknown) => unknown);
    return this;
  }

  /** Push an event to every subscriber, as the core does. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  callsOf<K extends CommandName>(command: K): CommandInput<K>[] {
    return this.calls.filter((call) => call.command === command).map((call) => call.input as CommandInput<K>);
  }

  async invoke(command: CommandName, input: unknown): Promise<unknown> {
    this.calls.push({ command, input });
    const handler = this.handlers.get(command);
    if (!handler) return fail('internal', `The fake core has no answer for ${command}.`);
    return handler(input);
  }

  subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }
}

/** A promise with its resolve exposed, to hold a reply until the test has looked at the pending state. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** accounts.* as the core answers them (accounts-service.ts), over the fake's in-memory account list. */
function installAccountCommands(core: FakeCore): void {
  let nextId = 1;
  const find = (id: string) => core.accounts.find((a) => a.id === id);
  const list = () => ok({ accounts: structuredClone(core.accounts), currentId: core.currentId, keychain: core.status.keychain, pending: { ...core.pending } });
  const gone = () => fail('not_found', 'That account is no longer known to Lead Desk.', false, { field: 'id' });

  core.answer('accounts.list', list);
  core.answer('accounts.connect', (input) => {
    if (!core.status.keychain.available && !input.sessionOnly) {
      return fail('keychain_unavailable', 'This computer has no system keychain, so Lead Desk cannot save your API key and password: keep them for this session only.');
    }
    const existing = input.accountId ? find(input.accountId) : undefined;
    if (input.accountId && !existing) return gone();
    const fields = {
      label: input.label.trim(),
      appId: input.appId.trim(),
      apiUrl: input.apiUrl ?? 'https://app.kartra.com/api',
      credentials: input.sessionOnly ? ('session' as const) : ('keychain' as const),
    };
    const account: AccountInfo = existing
      ? Object.assign(existing, fields)
      : { id: `acc-new-${nextId++}`, kind: 'kartra', testMode: false, ...fields };
    if (!existing) core.accounts.push(account);
    return ok(core.makeCurrent(account));
  });
  core.answer('accounts.switch', ({ id }) => {
    const account = find(id);
    if (!account) return gone();
    if (account.credentials === 'missing') {
      return fail('not_connected', `Enter the API key and password of "${account.label}" again to reconnect it.`);
    }
    return ok(core.makeCurrent(account));
  });
  core.answer('accounts.rename', ({ id, label }) => {
    const account = find(id);
    if (!account) return gone();
    account.label = label.trim();
    if (core.status.account?.id === id) core.makeCurrent(account);
    return ok(structuredClone(account));
  });
  core.answer('accounts.forget', ({ id, deleteLocalData }) => {
    const account = find(id);
    if (!account) return gone();
    if (core.currentId === id) core.currentId = null;
    if (core.status.account?.id === id) {
      core.status = { ...core.status, account: null };
      core.emit('app.status', core.status);
    }
    if (deleteLocalData || account.kind === 'sandbox') core.accounts = core.accounts.filter((a) => a !== account);
    else account.credentials = 'missing';
    return list();
  });
}
