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
import type { Lead } from '../../../shared/domain/lead';
import { makeSandboxAccount } from './fixtures';

export type Handler<K extends CommandName> = (input: CommandInput<K>) => Envelope<CommandOutput<K>> | Promise<Envelope<CommandOutput<K>>>;

export interface FakeCoreOptions {
  status?: Partial<AppStatus>;
  leads?: Lead[];
  tags?: string[];
}

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (code: AppErrorData['code'], message: string, retryable = false): Envelope<never> => ({
  ok: false,
  error: { code, message, retryable },
});

export class FakeCore implements Transport {
  status: AppStatus;
  leads: Lead[];
  tags: string[];
  readonly calls: { command: CommandName; input: unknown }[] = [];
  private readonly handlers = new Map<CommandName, (input: unknown) => unknown>();
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  constructor(options: FakeCoreOptions = {}) {
    this.status = { version: '0.1.0-test', account: null, online: true, ...options.status };
    this.leads = structuredClone(options.leads ?? []);
    this.tags = [...(options.tags ?? [])];
    this.answer('app.status', () => ok(this.status));
    this.answer('sandbox.connect', () => {
      const account = makeSandboxAccount();
      this.status = { ...this.status, account };
      this.emit('app.status', this.status);
      return ok(account);
    });
    this.answer('leads.find', ({ query }) => {
      const q = query.trim().toLowerCase();
      const lead = this.leads.find((l) => l.id === q || l.email.toLowerCase() === q);
      return lead ? ok(structuredClone(lead)) : fail('not_found', `No lead with the email or id “${query.trim()}”.`);
    });
    this.answer('leads.applyActions', ({ lead: ref, actions }) => {
      const lead = this.leads.find((l) => (ref.id ? l.id === ref.id : l.email === ref.email));
      if (!lead) return fail('not_found', 'That lead does not exist any more.');
      const results = actions.map((action) => {
        if (action.cmd !== 'assign_tag') return { cmd: action.cmd, ok: false, message: 'not supported by the fake core' };
        if (!lead.tags.includes(action.tag_name)) lead.tags.push(action.tag_name);
        return { cmd: action.cmd, ok: true, message: 'Tag added to lead', kartraType: '103' };
      });
      return ok({ lead: structuredClone(lead), results });
    });
    this.answer('account.tags', () => ok({ items: [...this.tags], fetchedAt: 1_700_000_000_000, stale: false }));
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
