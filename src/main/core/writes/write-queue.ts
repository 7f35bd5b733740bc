// THE write queue of the core: every Kartra write (profile and table edits, the CLI, replays of offline changes,
// import and recipe rows through the bulk lane) is written durably first, then dispatched through one set of lane
// slots (interactive > replay > bulk, one write at a time per lead), one outcome rule and one verifier, and kept in
// History. Shaped after Signal Desktop's JobQueue: an injected store (WriteRepo), jobs re-parsed when loaded,
// capped attempts with retry-later, pause/resume, drain on shutdown. Architecture rule 4.
import type { LeadAction } from '../../../shared/domain/actions';
import type { Lead, LeadRef } from '../../../shared/domain/lead';
import type { EditLeadData } from '../../../shared/domain/lead-input';
import type { HistoryEntry, HistorySource } from '../../../shared/domain/history';
import type { OutboxChange, OutboxItemView, OutboxState } from '../../../shared/domain/outbox';
import type { Connectivity } from '../connection/connectivity';
import type { ConnectionService } from '../connection/connection-service';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { LeadCacheRepo } from '../store/lead-cache-repo';
import { CacheSync } from './cache-sync';
import { isEmptyEdit, withoutFields } from './conflicts';
import type { HistoryRepo } from './history-repo';
import { fieldChanges, HistoryRecorder } from './history-recorder';
import { toView } from './item-view';
import { WriteWaiters } from './write-waiters';
import type { LaneSlots } from './lane-slots';
import { LeadDispatcher, type ItemEvent } from './lead-dispatcher';
import type { NewChange, OutboxItem, StoredStatus, WriteRepo } from './write-repo';

export interface WriteQueueDeps {
  repo: WriteRepo;
  history: HistoryRepo;
  slots: LaneSlots;
  connectivity: Connectivity;
  connection: ConnectionService;
  cache: LeadCacheRepo;
  log: Logger;
  onItem: (view: OutboxItemView) => void;
  onState: (state: OutboxState) => void;
  onHistory: (entry: HistoryEntry) => void;
  onLeadUpdated: (accountId: string, lead: Lead) => void;
  concurrency?: number;
}


export class WriteQueue {
  readonly history: HistoryRecorder;
  readonly cacheSync: CacheSync;
  private readonly dispatcher: LeadDispatcher;
  private readonly waiters: WriteWaiters;
  private stateTimer: NodeJS.Timeout | undefined;
  private paused = false;

  constructor(private readonly deps: WriteQueueDeps) {
    this.history = new HistoryRecorder(deps.history, deps.onHistory);
    this.cacheSync = new CacheSync(deps.cache);
    this.waiters = new WriteWaiters(deps.repo, deps.connectivity);
    this.dispatcher = new LeadDispatcher({
      repo: deps.repo,
      slots: deps.slots,
      session: () => (this.paused ? undefined : deps.connection.current()),
      connectivity: deps.connectivity,
      log: deps.log,
      concurrency: deps.concurrency,
      onItems: (items, event) => this.onItems(items, event),
      onLeadRead: (accountId, lead) => {
        this.cacheSync.read(accountId, lead);
        deps.onLeadUpdated(accountId, lead);
      },
    });
  }

  get connectivity(): Connectivity {
    return this.deps.connectivity;
  }

  /** Connectivity changed: send what waits when back online, answer waiting commands "queued" when not. */
  onConnectivityChange(): void {
    this.emitState();
    if (this.deps.connectivity.isOnline()) this.dispatcher.kick();
    else this.waiters.releaseSoon();
  }

  /** The account changed (or the app started): send what waits for it. */
  resume(): void {
    this.paused = false;
    this.deps.slots.resume();
    this.emitState();
    this.dispatcher.kick();
  }

  /** No new write starts until resume(); those on their way finish. */
  pause(): void {
    this.paused = true;
    this.deps.slots.pause();
  }

  /**
   * Writes the changes durably first (with their History entry), then lets the dispatcher send them.
   * `source`: where the write came from (History); changes made while Kartra cannot be reached are replays.
   */
  enqueue(ref: LeadRef | { email: string }, changes: NewChange[], source: HistorySource = 'edit', jobId: string | null = null): OutboxItemView[] {
    const { account } = this.deps.connection.require();
    const offline = !this.deps.connectivity.isOnline();
    const leadId = 'id' in ref && ref.id ? ref.id : null;
    const cached = this.deps.cache.get(account.id, leadId ? { id: leadId } : { email: ref.email })?.lead;
    const fields = changes.flatMap((c) =>
      c.change.kind === 'create' ? fieldChanges(c.change.lead as EditLeadData, undefined) : c.change.kind === 'edit' ? fieldChanges(c.change.changes as EditLeadData, cached, c.seen ?? {}) : [],
    );
    const entry = this.history.begin({
      accountId: account.id,
      leadId: leadId ?? cached?.id ?? null,
      leadEmail: ref.email ?? cached?.email ?? null,
      source: offline && (source === 'edit' || source === 'table') ? 'replay' : source,
      changes: changes.map((c) => c.change),
      fields,
      jobId,
    });
    const withHistory = changes.map((c, slot) => ({ ...c, history: { id: entry.id, slot } }));
    const items = this.deps.repo.enqueue(account.id, ref, withHistory, offline, source);
    const views = items.map((i) => toView(i));
    views.forEach((v) => this.deps.onItem(v));
    this.emitState();
    this.dispatcher.kick();
    return views;
  }

  /** An import or recipe row left a part that needs the user's check: it joins the outbox as needs_check. */
  holdForCheck(accountId: string, lead: { id: string | null; email: string | null }, change: OutboxChange, check: { sent: string; kartraShows: string }, source: HistorySource, history: { id: number; slot: number }): void {
    const ref = { ...(lead.id ? { id: lead.id } : {}), ...(lead.email ? { email: lead.email } : {}) };
    const item = this.deps.repo.hold(accountId, ref, change, check, source, history);
    this.deps.onItem(toView(item));
    this.scheduleState();
  }

  /** Waits until each item is done, failed, in conflict or needs a check, or the time is up; returns the latest views. */
  waitFor(views: OutboxItemView[], timeoutMs: number): Promise<OutboxItemView[]> {
    return this.waiters.waitFor(views, timeoutMs);
  }

  state(): OutboxState {
    const accountId = this.deps.connection.current()?.account.id ?? null;
    const counts = accountId ? this.deps.repo.counts(accountId) : { pending: 0, in_flight: 0, failed: 0, conflict: 0, needs_check: 0 };
    return {
      accountId,
      online: this.deps.connectivity.isOnline(),
      counts: { pending: counts.pending, inFlight: counts.in_flight, failed: counts.failed, conflict: counts.conflict, needsCheck: counts.needs_check },
      nextProbeAt: this.deps.connectivity.nextProbeAt(),
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
    this.recordOutcome(items, 'pending', null, 'Sent again by the user');
    this.deps.connectivity.probeSoon(0);
    this.dispatcher.kick();
    return this.emitState();
  }

  discard(ids: number[]): OutboxState {
    const items = this.pick(ids, ['pending', 'failed', 'conflict']);
    this.deps.repo.remove(items.map((i) => i.id));
    items.forEach((i) => this.deps.onItem({ ...toView(i), status: 'done', error: { code: 'invalid_input', message: 'Discarded', retryable: false } }));
    this.recordOutcome(items, 'skipped', null, 'Discarded by the user');
    this.dispatcher.kick();
    return this.emitState();
  }

  /**
   * A write whose outcome could not be read back: "Send again" queues it once more (the user checked Kartra),
   * "It's fine" accepts that Kartra has it. Nothing in needs_check is ever re-sent without this.
   */
  settleCheck(id: number, decision: 'send_again' | 'fine'): OutboxState {
    const [item] = this.pick([id], ['needs_check']);
    if (!item) throw new AppError('not_found', 'That change is not waiting for a check (it was settled or discarded).', { details: { field: 'id' } });
    if (decision === 'send_again') {
      this.deps.repo.setStatus([id], 'pending');
      this.deps.onItem(toView(this.deps.repo.get(id)!));
      this.recordOutcome([item], 'pending', null, 'Checked by the user: sent again');
      this.dispatcher.kick();
    } else {
      this.deps.repo.complete([id], { localId: item.lead.localId });
      this.deps.onItem({ ...toView(item), status: 'done', check: null });
      this.recordOutcome([item], 'done', null, "Checked by the user: it's fine as Kartra has it");
    }
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
        this.recordOutcome([item], 'skipped', null, "Kartra's values kept");
      } else this.deps.repo.replaceChange(id, { kind: 'edit', changes: rest }, undefined);
    }
    const stored = this.deps.repo.get(id);
    if (stored) this.deps.onItem(toView(stored));
    this.dispatcher.kick();
    return this.emitState();
  }

  /** Resolves once nothing is in flight (tests, shutdown). */
  idle(): Promise<void> {
    return this.dispatcher.idle();
  }

  /** Drain on shutdown: no new write starts; the ones on their way finish (or stay in flight, to be verified next start). */
  async close(): Promise<void> {
    this.dispatcher.stop();
    clearTimeout(this.stateTimer);
    await this.dispatcher.idle();
  }

  private pick(ids: number[], statuses: StoredStatus[]): OutboxItem[] {
    const { account } = this.deps.connection.require();
    const all = this.deps.repo.list(account.id, statuses, 100_000);
    return ids.length === 0 ? all : all.filter((i) => ids.includes(i.id));
  }

  private onItems(items: OutboxItem[], event: ItemEvent): void {
    const status = event.status;
    if (status === 'done') this.applyToCache(items, event);
    if (status === 'pending' && items.some((i) => i.madeOffline)) this.history.markReplay(items.filter((i) => i.madeOffline && i.historyId !== null).map((i) => i.historyId!));
    if (status === 'done') this.recordOutcome(items, 'done', null, event.message ?? null, event.kartraId);
    else if (status === 'failed') this.recordOutcome(items, 'failed', (event.error.details?.kartraType as string | undefined) ?? null, event.error.message);
    else if (status === 'needs_check') this.recordOutcome(items, 'needs_check', null, event.check.kartraShows);
    else if (status === 'in_flight' && event.unknown) this.recordOutcome(items, 'unknown', null, "Kartra's answer did not say; reading the lead to check");
    for (const item of items) {
      const view = { ...toView(item, status), ...(status === 'needs_check' ? { check: event.check } : {}) };
      // A confirmed create learns its Kartra id only now: the view (and the command's receipt) carries it.
      if (status === 'done' && view.leadId === null && event.kartraId) view.leadId = event.kartraId;
      this.deps.onItem(view);
      this.waiters.settled(view);
    }
    this.scheduleState();
  }

  private recordOutcome(items: OutboxItem[], outcome: Parameters<HistoryRecorder['settle']>[1][number]['outcome'], kartraType: string | null, message: string | null, leadId?: string): void {
    const byEntry = new Map<number, number[]>();
    for (const item of items) {
      if (item.historyId === null || item.historySlot === null) continue;
      byEntry.set(item.historyId, [...(byEntry.get(item.historyId) ?? []), item.historySlot]);
    }
    for (const [id, slots] of byEntry) this.history.settle(id, slots.map((slot) => ({ slot, outcome, kartraType, message })), { id: leadId ?? items[0]?.lead.kartraId ?? null });
  }

  /** A confirmed change updates the cached copy, so local search and the offline profile stay right. */
  private applyToCache(items: OutboxItem[], event: Extract<ItemEvent, { status: 'done' }>): void {
    const first = items[0];
    const leadId = event.lead?.id || event.kartraId || first?.lead.kartraId;
    if (!first || !leadId) return;
    const lead = event.lead ? (this.cacheSync.read(first.accountId, event.lead), event.lead) : this.cacheSync.confirmed(first.accountId, leadId, items.map((i) => i.change));
    if (lead) this.deps.onLeadUpdated(first.accountId, lead);
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
