// The durable outbox of the current account: queue changes, report them, and let the user retry, edit,
// discard or settle conflicts. Architecture rule 4: every lead write of the app goes through here.
import type { LeadAction } from '../../../shared/domain/actions';
import type { LeadRef } from '../../../shared/domain/lead';
import type { EditLeadData } from '../../../shared/domain/lead-input';
import type { OutboxChange, OutboxItemView, OutboxState, OutboxStatus } from '../../../shared/domain/outbox';
import type { ConnectionService } from '../connection/connection-service';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { LeadCacheRepo } from '../store/lead-cache-repo';
import { isEmptyEdit, withoutFields } from './conflicts';
import { Connectivity } from '../connection/connectivity';
import { OutboxDispatcher } from './lead-dispatcher';
import type { NewChange, OutboxItem, OutboxRepo, StoredStatus } from './write-repo';
import { projectChange } from './project-change';
import { toView } from './item-view';

export interface OutboxServiceDeps {
  repo: OutboxRepo;
  connection: ConnectionService;
  cache: LeadCacheRepo;
  log: Logger;
  onItem: (view: OutboxItemView) => void;
  onState: (state: OutboxState) => void;
  onLeadUpdated: (accountId: string, leadId: string) => void;
  concurrency?: number;
  probeBackoffMs?: readonly number[];
}

type Waiter = { ids: Set<number>; settled: Map<number, OutboxItemView>; resolve: () => void };

const FINAL: ReadonlySet<OutboxStatus> = new Set(['done', 'failed', 'conflict']);

export class OutboxService {
  readonly connectivity: Connectivity;
  private readonly dispatcher: OutboxDispatcher;
  private readonly waiters = new Set<Waiter>();
  private stateTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: OutboxServiceDeps) {
    this.connectivity = new Connectivity({
      probe: async () => {
        const session = deps.connection.current();
        if (!session) return;
        await session.client.retrieveAccountTags({ lane: 'outbox' });
      },
      onChange: () => {
        this.emitState();
        if (this.connectivity.isOnline()) this.dispatcher.kick();
        else this.releaseWaiters();
      },
      backoffMs: deps.probeBackoffMs,
    });
    this.dispatcher = new OutboxDispatcher({
      repo: deps.repo,
      session: () => deps.connection.current(),
      connectivity: this.connectivity,
      log: deps.log,
      concurrency: deps.concurrency,
      onItems: (items, status) => this.onItems(items, status),
      onConfirmed: (accountId, leadId) => deps.onLeadUpdated(accountId, leadId),
    });
  }

  /** The account changed (or the app started): send what waits for it. */
  resume(): void {
    this.emitState();
    this.dispatcher.kick();
  }

  /** Writes the changes durably first, then lets the dispatcher send them. */
  enqueue(ref: LeadRef | { email: string }, changes: NewChange[]): OutboxItemView[] {
    const { account } = this.deps.connection.require();
    const items = this.deps.repo.enqueue(account.id, ref, changes, !this.connectivity.isOnline());
    const views = items.map((i) => toView(i));
    views.forEach((v) => this.deps.onItem(v));
    this.emitState();
    this.dispatcher.kick();
    return views;
  }

  /** Waits until each item is done, failed or in conflict, or the time is up; returns the latest views. */
  async waitFor(views: OutboxItemView[], timeoutMs: number): Promise<OutboxItemView[]> {
    const waiter: Waiter = { ids: new Set(views.map((v) => v.id)), settled: new Map(), resolve: () => undefined };
    const done = new Promise<void>((resolve) => (waiter.resolve = resolve));
    this.waiters.add(waiter);
    // Items may have settled between enqueue and now.
    for (const view of views) {
      const stored = this.deps.repo.get(view.id);
      if (!stored) waiter.settled.set(view.id, { ...view, status: 'done' });
      else if (FINAL.has(stored.status)) waiter.settled.set(view.id, toView(stored));
    }
    // Offline nothing settles until the network returns: the user gets "queued" at once, not after the timeout.
    if (waiter.settled.size < waiter.ids.size && this.connectivity.isOnline()) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([done, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    }
    this.waiters.delete(waiter);
    return views.map((v) => {
      const settled = waiter.settled.get(v.id);
      if (settled) return settled;
      const stored = this.deps.repo.get(v.id);
      return stored ? toView(stored) : { ...v, status: 'done' };
    });
  }

  state(): OutboxState {
    const accountId = this.deps.connection.current()?.account.id ?? null;
    const counts = accountId ? this.deps.repo.counts(accountId) : { pending: 0, in_flight: 0, failed: 0, conflict: 0, needs_check: 0 };
    return {
      accountId,
      online: this.connectivity.isOnline(),
      counts: { pending: counts.pending, inFlight: counts.in_flight, failed: counts.failed, conflict: counts.conflict, needsCheck: counts.needs_check },
      nextProbeAt: this.connectivity.nextProbeAt(),
    };
  }

  list(statuses: StoredStatus[], limit: number): OutboxItemView[] {
    const { account } = this.deps.connection.require();
    return this.deps.repo.list(account.id, statuses, limit).map((i) => toView(i));
  }

  /** Pending changes of one lead (for the profile). */
  forLead(leadId: string): OutboxItemView[] {
    const { account } = this.deps.connection.require();
    return this.deps.repo.forLead(account.id, leadId).map((i) => toView(i));
  }

  retry(ids: number[]): OutboxState {
    const items = this.pick(ids, ['failed', 'conflict']);
    this.deps.repo.setStatus(items.map((i) => i.id), 'pending', { error: null, conflict: null });
    items.forEach((i) => this.deps.onItem(toView(i, 'pending')));
    this.connectivity.probeSoon(0);
    this.dispatcher.kick();
    return this.emitState();
  }

  discard(ids: number[]): OutboxState {
    const items = this.pick(ids, ['pending', 'failed', 'conflict']);
    this.deps.repo.remove(items.map((i) => i.id));
    items.forEach((i) => this.deps.onItem({ ...toView(i), status: 'done', error: { code: 'invalid_input', message: 'Discarded', retryable: false } }));
    this.dispatcher.kick();
    return this.emitState();
  }

  edit(id: number, change: EditLeadData | LeadAction): OutboxItemView {
    const [item] = this.pick([id], ['pending', 'failed', 'conflict']);
    if (!item) throw new AppError('not_found', 'That change is no longer waiting (it was sent or discarded).', { details: { field: 'id' } });
    const next: OutboxChange = 'cmd' in change ? { kind: 'action', action: change } : { kind: 'edit', changes: change };
    if (next.kind !== item.change.kind) {
      throw new AppError('invalid_input', `This queued change is ${item.change.kind === 'action' ? 'an action' : `a ${item.change.kind}`}; it can only be replaced by the same kind.`, {
        details: { field: 'change' },
      });
    }
    this.deps.repo.replaceChange(id, next, undefined);
    const view = toView(this.deps.repo.get(id)!);
    this.deps.onItem(view);
    this.dispatcher.kick();
    this.emitState();
    return view;
  }

  /** Keep mine: send my values over Kartra's. Keep theirs: drop the conflicting fields (the rest still goes). */
  resolve(id: number, keep: 'mine' | 'theirs'): OutboxState {
    const [item] = this.pick([id], ['conflict']);
    if (!item || item.change.kind !== 'edit' || !item.conflict) throw new AppError('not_found', 'That change has no conflict to settle.', { details: { field: 'id' } });
    const fields = item.conflict.map((c) => c.field);
    if (keep === 'mine') {
      const seen = { ...(item.seen ?? {}) };
      for (const c of item.conflict) seen[c.field] = c.theirs;
      this.deps.repo.replaceChange(id, item.change, seen);
    } else {
      const rest = withoutFields(item.change.changes, fields);
      if (isEmptyEdit(rest)) {
        this.deps.repo.remove([id]);
        this.deps.onItem({ ...toView(item), status: 'done' });
      } else this.deps.repo.replaceChange(id, { kind: 'edit', changes: rest }, undefined);
    }
    const stored = this.deps.repo.get(id);
    if (stored) this.deps.onItem(toView(stored));
    this.dispatcher.kick();
    return this.emitState();
  }

  setOsOnline(online: boolean): void {
    this.connectivity.setOsOnline(online);
  }

  /** Resolves once nothing is in flight (tests, shutdown). */
  idle(): Promise<void> {
    return this.dispatcher.idle();
  }

  close(): void {
    this.dispatcher.stop();
    this.connectivity.close();
    clearTimeout(this.stateTimer);
  }

  /**
   * Kartra just became unreachable: waiting writes are answered "queued" instead of hanging until their timeout.
   * Deferred a turn, so the dispatcher first puts the items it was sending back to pending (made offline).
   */
  private releaseWaiters(): void {
    if (this.waiters.size === 0) return;
    const waiting = [...this.waiters];
    setTimeout(() => {
      if (this.connectivity.isOnline()) return;
      for (const waiter of waiting) waiter.resolve();
    }, 0);
  }

  private pick(ids: number[], statuses: StoredStatus[]): OutboxItem[] {
    const { account } = this.deps.connection.require();
    const all = this.deps.repo.list(account.id, statuses, 100_000);
    return ids.length === 0 ? all : all.filter((i) => ids.includes(i.id));
  }

  private onItems(items: OutboxItem[], status: StoredStatus | 'done'): void {
    for (const item of items) {
      const view = toView(item, status);
      if (status === 'done') this.applyToCache(item);
      this.deps.onItem(view);
      for (const waiter of this.waiters) {
        if (!waiter.ids.has(item.id) || !FINAL.has(status)) continue;
        waiter.settled.set(item.id, view);
        if (waiter.settled.size === waiter.ids.size) waiter.resolve();
      }
    }
    this.scheduleState();
  }

  /** A confirmed change is applied to the cached copy so local search and the offline profile stay right. */
  private applyToCache(item: OutboxItem): void {
    const leadId = item.lead.kartraId;
    if (!leadId) return;
    const cached = this.deps.cache.get(item.accountId, { id: leadId });
    if (cached) this.deps.cache.put(item.accountId, projectChange(cached.lead, item.change), cached.seenAt);
  }

  private scheduleState(): void {
    // Thousands of items settle during a replay: the status bar needs a few updates a second, not thousands.
    if (this.stateTimer) return;
    this.stateTimer = setTimeout(() => {
      this.stateTimer = undefined;
      this.emitState();
    }, 100);
    this.stateTimer.unref?.();
  }

  private emitState(): OutboxState {
    const state = this.state();
    this.deps.onState(state);
    return state;
  }
}
