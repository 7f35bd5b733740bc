// Sends the current account's queued changes: one call per lead at a time (order kept per lead), many leads in
// parallel (the lane slots and the rate limiter pace them). Each action ends done, failed or unknown; unknown
// ones are settled by reading the lead (verifier.ts) before anything is sent again.
import type { Lead, LeadRef } from '../../../shared/domain/lead';
import type { AppErrorData } from '../../../shared/ipc/envelope';
import { toAppError } from '../api/to-app-error';
import { isNotSent, isOfflineError, type Connectivity } from '../connection/connectivity';
import type { Session } from '../connection/connection-service';
import { sendActions, sendCreate, sendEdit, type ChainOutcome } from '../kartra/chain';
import { readLeadState } from '../kartra/commands-lead';
import { KartraApiError, RateLimitedError, TransportError } from '../kartra/errors';
import type { LeadState } from '../kartra/verify';
import type { Logger } from '../log';
import { buildBatch, isNoop, type Batch, type BatchAction } from './batch';
import { findConflicts } from './conflicts';
import { describeChange } from './item-view';
import { LIMITER_LANE, leadKey, type LaneSlots } from './lane-slots';
import { paymentCheck, sendPayment } from './payment-sender';
import { verifyWrite, type PartOutcome, type Verdict } from './verifier';
import type { OutboxItem, WriteRepo } from './write-repo';

/**
 * An edit that did not go out at once (offline, or it waited in the queue across a restart) may meet a
 * value someone changed in Kartra meanwhile: past this age it is checked against Kartra first.
 */
export const CONFLICT_CHECK_AFTER_MS = 3_000;
/** Sends of one change after which it is failed rather than sent again (each was verified first). */
export const MAX_ATTEMPTS = 5;
const RETRY_LATER_MS = [0, 1_000, 4_000, 15_000, 60_000] as const;

export type ItemEvent =
  | { status: 'done'; lead: Lead | null; kartraId?: string; message?: string }
  | { status: 'failed'; error: AppErrorData }
  | { status: 'needs_check'; check: { sent: string; kartraShows: string } }
  | { status: 'pending' | 'in_flight' | 'conflict'; unknown?: boolean };

export interface DispatcherDeps {
  repo: WriteRepo;
  slots: LaneSlots;
  session: () => Session | undefined;
  connectivity: Connectivity;
  log: Logger;
  /** Status changes of items (done items are reported before they are removed); `lead` is Kartra's copy when read. */
  onItems: (items: OutboxItem[], event: ItemEvent) => void;
  /** Kartra's current copy of a lead was read (to verify or check conflicts): the cache keeps it. */
  onLeadRead: (accountId: string, lead: Lead) => void;
  /** How many leads may have a call in flight at once. */
  concurrency?: number;
}

type Outcomes = { head: PartOutcome; actions: PartOutcome[] };

export class LeadDispatcher {
  private readonly active = new Set<number>();
  private scheduled = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly deps: DispatcherDeps) {}

  /** Look for work soon (after an enqueue, a retry, coming online, an account switch). */
  kick(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }

  /** Resolves when nothing is in flight (used on shutdown and by tests). */
  idle(): Promise<void> {
    return this.active.size === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    if (this.stopped) return;
    const session = this.deps.session();
    if (!session || !this.deps.connectivity.isOnline()) return;
    const room = (this.deps.concurrency ?? 24) - this.active.size;
    if (room <= 0) return;
    for (const leadLocalId of this.deps.repo.readyLeads(session.account.id, this.active, room)) {
      this.active.add(leadLocalId);
      void this.processLead(session, leadLocalId)
        .catch((error) => this.deps.log.error('write dispatch failed', { error }))
        .finally(() => {
          this.active.delete(leadLocalId);
          if (this.active.size === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
          this.kick();
        });
    }
    // Retry-later items wake the dispatcher when their time comes.
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.kick(), 1_000);
    this.retryTimer.unref?.();
  }

  private async processLead(session: Session, leadLocalId: number): Promise<void> {
    const queue = this.deps.repo.queueOf(leadLocalId);
    const broken = queue.filter((i) => i.invalid && i.status !== 'failed');
    if (broken.length > 0) {
      this.fail(broken, { code: 'invalid_input', message: broken[0]!.invalid!, retryable: false });
      return;
    }
    const batch = buildBatch(queue);
    if (!batch) return;
    const first = batch.items[0]!;
    const lane = first.madeOffline ? 'replay' : 'interactive';
    const release = await this.deps.slots.acquire(lane, leadKey({ id: first.lead.kartraId, email: first.lead.email }));
    try {
      if (batch.head.kind === 'payment') {
        await this.pay(session, batch.head, lane);
        return;
      }
      if (batch.items.some((i) => i.status === 'in_flight')) {
        // Left in flight by a crash or a lost answer: read the lead, then settle (never a blind resend).
        await this.verify(session, buildBatch(batch.items.filter((i) => i.status === 'in_flight')) ?? batch, null, lane);
        return;
      }
      await this.send(session, batch, lane);
    } finally {
      release();
    }
  }

  private async send(session: Session, batch: Batch, lane: 'interactive' | 'replay'): Promise<void> {
    const lead = batch.items[0]!.lead;
    const ref: LeadRef = lead.kartraId ? { id: lead.kartraId } : { email: lead.email };
    // Kartra's current copy is needed to detect conflicts with edits made offline, and to know the score
    // before points are sent (so a lost answer can be told apart from "not applied").
    const waited = (i: OutboxItem) => i.madeOffline || Date.now() - i.createdAt > CONFLICT_CHECK_AFTER_MS;
    const needsConflictCheck = batch.head.kind === 'edit' && batch.head.items.some(waited) && Object.keys(batch.head.seen).length > 0;
    const hasPoints = batch.actions.some((a) => a.action.cmd === 'give_points_to_lead' || a.action.cmd === 'remove_points_from_lead');
    let scoreBefore: number | undefined = batch.head.kind === 'create' ? 0 : undefined;
    if ((needsConflictCheck || hasPoints) && batch.head.kind !== 'create') {
      const read = await this.read(session, ref, lane);
      if (read === 'offline') {
        this.deps.repo.markMadeOffline(batch.items.map((i) => i.id));
        return;
      }
      scoreBefore = read?.lead.score;
      if (needsConflictCheck && read && batch.head.kind === 'edit') {
        const conflicts = findConflicts(read.lead, batch.head.changes, batch.head.seen);
        if (conflicts.length > 0) {
          this.deps.repo.setStatus(batch.head.items.map((i) => i.id), 'conflict', { conflict: conflicts });
          this.report(batch.head.items, { status: 'conflict' });
          return;
        }
      }
    }

    const noops = batch.actions.filter(isNoop);
    if (noops.length > 0) this.settle(noops.flatMap((a) => a.items), lead.localId, null, {});
    const actions = batch.actions.filter((a) => !isNoop(a));
    const sending: Batch = { ...batch, actions };
    const sentItems = [...(batch.head.kind === 'actions' ? [] : batch.head.items), ...actions.flatMap((a) => a.items)];
    if (sentItems.length === 0) return;
    const verify = new Map<number, OutboxItem['verify']>(sentItems.map((i) => [i.id, scoreBefore === undefined ? null : { scoreBefore }]));
    this.deps.repo.markInFlight(sentItems.map((i) => i.id), verify);
    this.report(sentItems, { status: 'in_flight' });

    let outcome: ChainOutcome;
    try {
      const wire = actions.map((a) => a.action);
      const limiterLane = LIMITER_LANE[lane];
      outcome =
        batch.head.kind === 'create'
          ? await sendCreate(session.client, limiterLane, batch.head.lead, wire)
          : batch.head.kind === 'edit'
            ? await sendEdit(session.client, limiterLane, ref, batch.head.changes, wire)
            : await sendActions(session.client, limiterLane, ref, wire);
      this.deps.connectivity.reportSuccess();
    } catch (error) {
      await this.afterError(session, sending, sentItems, error, lane, scoreBefore);
      return;
    }

    const leadId = outcome.leadId ?? lead.kartraId ?? undefined;
    const newEmail = batch.head.kind === 'edit' ? batch.head.changes.new_email : batch.head.kind === 'create' ? batch.head.lead.email : undefined;
    const outcomes: Outcomes = {
      head: batch.head.kind === 'actions' ? 'done' : outcome.head?.unknown ? 'unknown' : 'done',
      actions: actions.map((_, i) => {
        const r = outcome.results[i];
        return !r || r.unknown ? 'unknown' : r.ok ? 'done' : 'failed';
      }),
    };
    if (batch.head.kind !== 'actions' && outcomes.head === 'done') this.settle(batch.head.items, lead.localId, null, { kartraId: leadId, email: newEmail });
    actions.forEach((entry, index) => {
      const result = outcome.results[index];
      if (outcomes.actions[index] === 'done') this.settle(entry.items, lead.localId, null, { kartraId: leadId }, result?.message);
      else if (outcomes.actions[index] === 'failed') {
        const error = toAppError(new KartraApiError(result?.kartraType ?? '', result?.message ?? 'Kartra refused this change', entry.action.cmd, entry.action)).toData();
        // The change that was sent failed; changes it had superseded go back to the queue on their own.
        const sent = entry.merged ? entry.items : entry.items.slice(-1);
        this.fail(sent, error, result?.kartraType ?? null);
        this.requeue(entry.items.filter((i) => !sent.includes(i)));
      }
    });
    if (outcomes.head === 'unknown' || outcomes.actions.includes('unknown')) {
      const unknownItems = [...(outcomes.head === 'unknown' && batch.head.kind !== 'actions' ? batch.head.items : []), ...actions.filter((_, i) => outcomes.actions[i] === 'unknown').flatMap((a) => a.items)];
      this.report(unknownItems, { status: 'in_flight', unknown: true });
      await this.verify(session, sending, outcomes, lane, leadId, scoreBefore);
    }
  }

  /**
   * A money write: sent on its own; an unknown outcome (a lost answer, or found in flight after a crash) is
   * never re-sent or verified into a re-send: it becomes needs_check with what Kartra shows.
   */
  private async pay(session: Session, head: Extract<Batch['head'], { kind: 'payment' }>, lane: 'interactive' | 'replay'): Promise<void> {
    const limiterLane = LIMITER_LANE[lane];
    const localId = head.items[0]!.lead.localId;
    const outcome = head.items[0]!.status === 'in_flight' ? ({ kind: 'unknown', error: null } as const) : await this.sendPaymentNow(session, head, limiterLane);
    if (outcome.kind === 'done') return this.settle(head.items, localId, null, {}, outcome.message);
    if (outcome.kind === 'failed') return this.fail(head.items, toAppError(outcome.error).toData(), outcome.error.type);
    if (outcome.kind === 'rate_limited') return this.requeue(head.items, true);
    if (outcome.kind === 'not_sent') {
      this.deps.connectivity.reportFailure(outcome.error);
      this.deps.repo.markMadeOffline(head.items.map((i) => i.id));
      return this.requeue(head.items);
    }
    this.report(head.items, { status: 'in_flight', unknown: true });
    const check = await paymentCheck(session.client, limiterLane, head.payment);
    this.deps.repo.setStatus(head.items.map((i) => i.id), 'needs_check', { check });
    this.report(head.items, { status: 'needs_check', check });
  }

  private async sendPaymentNow(session: Session, head: Extract<Batch['head'], { kind: 'payment' }>, lane: (typeof LIMITER_LANE)[keyof typeof LIMITER_LANE]) {
    this.deps.repo.markInFlight(head.items.map((i) => i.id), new Map(head.items.map((i) => [i.id, null])));
    this.report(head.items, { status: 'in_flight' });
    const outcome = await sendPayment(session.client, lane, head.payment);
    if (outcome.kind === 'done' || outcome.kind === 'failed') this.deps.connectivity.reportSuccess();
    return outcome;
  }

  private async afterError(session: Session, batch: Batch, items: OutboxItem[], error: unknown, lane: 'interactive' | 'replay', scoreBefore?: number): Promise<void> {
    if (isNotSent(error)) {
      this.deps.connectivity.reportFailure(error);
      this.deps.repo.markMadeOffline(items.map((i) => i.id));
      this.requeue(items);
      return;
    }
    if (error instanceof RateLimitedError) {
      // Kartra said "too many requests": nothing was applied; retry later.
      this.requeue(items, true);
      return;
    }
    if (error instanceof KartraApiError) {
      // The create/edit at actions[0] (or the lone action) was refused: nothing in the call was applied.
      this.fail(items, toAppError(withFailingAction(error, items)).toData(), error.type);
      return;
    }
    if (error instanceof TransportError && error.sent) {
      // A timeout or reset after sending: every part is unknown. Left in flight; read the lead now if Kartra
      // still answers, else when it is back (the next round finds them in flight).
      this.deps.connectivity.reportFailure(error);
      this.report(items, { status: 'in_flight', unknown: true });
      if (!isOfflineError(error)) await this.verify(session, batch, null, lane, undefined, scoreBefore);
      return;
    }
    this.fail(items, toAppError(error).toData());
  }

  /**
   * Reads the lead and settles the parts of `batch` whose outcome is unknown (`outcomes` null: all of them):
   * applied → done, shown not applied → sent again, cannot be read back → needs_check.
   */
  private async verify(session: Session, batch: Batch, outcomes: Outcomes | null, lane: 'interactive' | 'replay', knownId?: string, scoreBefore?: number): Promise<void> {
    const first = batch.items[0]!;
    const create = batch.head.kind === 'create' ? batch.head.lead : undefined;
    const kartraId = knownId ?? first.lead.kartraId;
    const ref: LeadRef = kartraId ? { id: kartraId } : { email: create?.email ?? first.lead.email };
    const read = await this.read(session, ref, lane);
    const all: Outcomes = outcomes ?? { head: 'unknown', actions: batch.actions.map(() => 'unknown') };
    if (read === 'offline') {
      // Left in flight; read again a little later (or when Kartra is back), never sent before that read.
      this.deps.repo.setStatus(this.unknownItems(batch, all).map((i) => i.id), 'in_flight', { notBefore: Date.now() + 2_000 });
      return;
    }
    const result = verifyWrite({
      lead: read,
      head: batch.head.kind === 'create' ? { kind: 'create' } : batch.head.kind === 'edit' ? { kind: 'edit', changes: batch.head.changes } : null,
      headOutcome: batch.head.kind === 'actions' ? 'done' : all.head,
      actions: batch.actions.map((a, i) => ({ action: a.action, outcome: all.actions[i] ?? 'unknown' })),
      scoreBefore: scoreBefore ?? first.verify?.scoreBefore ?? (batch.head.kind === 'create' ? 0 : undefined),
    });
    const localId = first.lead.localId;
    const leadId = result.leadId ?? undefined;
    if (result.missing && batch.head.kind !== 'create') {
      const error = toAppError(new KartraApiError('243', `No lead ${ref.id ? `with id ${ref.id}` : ref.email} in Kartra`, batch.actions[0]?.action.cmd)).toData();
      this.fail(this.unknownItems(batch, all), error, '243');
      return;
    }
    if ((batch.head.kind === 'create' || batch.head.kind === 'edit') && result.head) this.apply(batch.head.items, result.head, localId, read?.lead ?? null, { kartraId: leadId, email: batch.head.kind === 'create' ? batch.head.lead.email : batch.head.changes.new_email });
    batch.actions.forEach((entry, i) => {
      const verdict = result.actions[i];
      if (verdict) this.apply(entry.items, verdict, localId, read?.lead ?? null, { kartraId: leadId }, entry);
    });
  }

  private unknownItems(batch: Batch, all: Outcomes): OutboxItem[] {
    return [...(all.head === 'unknown' && batch.head.kind !== 'actions' ? batch.head.items : []), ...batch.actions.filter((_, i) => all.actions[i] === 'unknown').flatMap((a) => a.items)];
  }

  private apply(items: OutboxItem[], verdict: Verdict, localId: number, lead: Lead | null, known: { kartraId?: string; email?: string }, entry?: BatchAction): void {
    if (verdict.kind === 'applied') this.settle(items, localId, lead, known, 'Applied (confirmed by reading the lead)');
    else if (verdict.kind === 'not_applied') {
      const spent = items.filter((i) => i.attempts >= MAX_ATTEMPTS);
      if (spent.length > 0) {
        this.fail(spent, { code: 'kartra_error', message: `Sent ${MAX_ATTEMPTS} times and still not applied in Kartra; check the lead, then retry or discard.`, retryable: true });
      }
      this.requeue(items.filter((i) => !spent.includes(i)), true);
    } else {
      const sent = entry ? describeChange({ kind: 'action', action: entry.action }) : describeChange(items[0]!.change);
      const check = { sent: `${sent} was sent, and Kartra's answer did not say whether it was applied.`, kartraShows: verdict.kartraShows };
      this.deps.repo.setStatus(items.map((i) => i.id), 'needs_check', { check });
      this.report(items, { status: 'needs_check', check });
    }
  }

  /** Kartra's copy of the lead, null when it has none, 'offline' when it cannot be asked now. */
  private async read(session: Session, ref: LeadRef, lane: 'interactive' | 'replay'): Promise<LeadState | null | 'offline'> {
    try {
      const state = await readLeadState(session.client, ref, LIMITER_LANE[lane]);
      this.deps.connectivity.reportSuccess();
      if (state) this.deps.onLeadRead(session.account.id, state.lead);
      return state;
    } catch (error) {
      this.deps.connectivity.reportFailure(error);
      if (isOfflineError(error) || isNotSent(error) || error instanceof TransportError) return 'offline';
      throw error;
    }
  }

  private settle(items: OutboxItem[], localId: number, lead: Lead | null, known: { kartraId?: string; email?: string }, message?: string): void {
    if (items.length === 0) return;
    this.report(items, { status: 'done', lead, kartraId: known.kartraId }, message);
    this.deps.repo.complete(items.map((i) => i.id), { localId, ...known });
  }

  private fail(items: OutboxItem[], error: AppErrorData, kartraType: string | null = null): void {
    if (items.length === 0) return;
    this.deps.repo.setStatus(items.map((i) => i.id), 'failed', { error });
    this.report(items, { status: 'failed', error: kartraType ? { ...error, details: { ...error.details, kartraType } } : error });
  }

  /** Back to pending; `later` spaces out re-sends of the same change (retry-later with backoff). */
  private requeue(items: OutboxItem[], later = false): void {
    if (items.length === 0) return;
    const wait = (i: OutboxItem) => (later ? RETRY_LATER_MS[Math.min(i.attempts, RETRY_LATER_MS.length - 1)]! : 0);
    for (const item of items) this.deps.repo.setStatus([item.id], 'pending', { notBefore: Date.now() + wait(item) });
    this.report(items, { status: 'pending' });
  }

  private report(items: OutboxItem[], event: ItemEvent, message?: string): void {
    const fresh = event.status === 'done' ? items : items.map((i) => this.deps.repo.get(i.id) ?? i);
    this.deps.onItems(fresh, message && event.status === 'done' ? { ...event, message } : event);
  }
}

/** The error with the sent action it names, so that its message can say what it was about (230: step, sequence). */
function withFailingAction(error: KartraApiError, items: readonly OutboxItem[]): KartraApiError {
  if (error.action || !error.cmd) return error;
  const change = items.map((i) => i.change).find((c) => c.kind === 'action' && c.action.cmd === error.cmd);
  return change?.kind === 'action' ? new KartraApiError(error.type, error.kartraMessage, error.cmd, change.action) : error;
}
