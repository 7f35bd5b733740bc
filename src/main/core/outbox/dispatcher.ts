// Sends the current account's queued changes: one call per lead at a time (order kept per lead), many
// leads in parallel (the rate limiter paces them), checks conflicts and crashes before sending again.
import type { Lead, LeadRef } from '../../../shared/domain/lead';
import type { AppErrorData } from '../../../shared/ipc/envelope';
import type { Session } from '../connection/connection-service';
import { toAppError } from '../api/to-app-error';
import { KartraApiError, TransportError } from '../kartra/errors';
import { UncertainWriteError } from '../kartra/uncertain-write-error';
import type { Logger } from '../log';
import { buildBatch, isNoop, type Batch } from './batch';
import { findConflicts } from './conflicts';
import { isNotSent, isOfflineError, type Connectivity } from './connectivity';
import type { OutboxItem, OutboxRepo } from './outbox-repo';
import { planRecovery } from './recovery';

/**
 * An edit that did not go out at once (offline, or it waited in the queue across a restart) may meet a
 * value someone changed in Kartra meanwhile: past this age it is checked against Kartra first.
 */
export const CONFLICT_CHECK_AFTER_MS = 3_000;

export interface DispatcherDeps {
  repo: OutboxRepo;
  session: () => Session | undefined;
  connectivity: Connectivity;
  log: Logger;
  /** Status changes of items (done items are reported before they are removed). */
  onItems: (items: OutboxItem[], status: OutboxItem['status'] | 'done') => void;
  /** Kartra confirmed a change; the lead id it applies to (for cache refresh). */
  onConfirmed: (accountId: string, leadId: string) => void;
  /** How many leads may have a call in flight at once. */
  concurrency?: number;
}

export class OutboxDispatcher {
  private readonly active = new Set<number>();
  private scheduled = false;
  private stopped = false;
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
  }

  /** Resolves when nothing is in flight (used on shutdown and by tests). */
  idle(): Promise<void> {
    return this.active.size === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    if (this.stopped) return;
    const session = this.deps.session();
    if (!session || !this.deps.connectivity.isOnline()) return;
    const accountId = session.account.id;
    const room = (this.deps.concurrency ?? 24) - this.active.size;
    if (room <= 0) return;
    for (const leadLocalId of this.deps.repo.readyLeads(accountId, this.active, room)) {
      this.active.add(leadLocalId);
      void this.processLead(session, leadLocalId)
        .catch((error) => this.deps.log.error('outbox dispatch failed', { error }))
        .finally(() => {
          this.active.delete(leadLocalId);
          if (this.active.size === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
          this.kick();
        });
    }
  }

  private async processLead(session: Session, leadLocalId: number): Promise<void> {
    const batch = buildBatch(this.deps.repo.queueOf(leadLocalId));
    if (!batch) return;
    if (batch.items.some((i) => i.status === 'in_flight')) {
      await this.recover(session, batch.items.filter((i) => i.status === 'in_flight'));
      return; // the next pump rebuilds the batch from what is left
    }
    const lead = batch.items[0]!.lead;
    const ref: LeadRef = lead.kartraId ? { id: lead.kartraId } : { email: lead.email };

    // Kartra's current copy is needed to detect conflicts with edits made offline, and to know the score
    // before points are sent (so a crash mid-call can be told apart from "not applied").
    const waited = (i: OutboxItem) => i.madeOffline || Date.now() - i.createdAt > CONFLICT_CHECK_AFTER_MS;
    const needsConflictCheck = batch.head.kind === 'edit' && batch.head.items.some(waited) && Object.keys(batch.head.seen).length > 0;
    const hasPoints = batch.actions.some((a) => a.action.cmd === 'give_points_to_lead' || a.action.cmd === 'remove_points_from_lead');
    let current: Lead | undefined;
    if ((needsConflictCheck || hasPoints) && batch.head.kind !== 'create') {
      const read = await this.read(session, ref);
      if (read === 'offline') {
        this.deps.repo.markMadeOffline(batch.items.map((i) => i.id));
        return;
      }
      current = read ?? undefined;
    }
    if (needsConflictCheck && current && batch.head.kind === 'edit') {
      const conflicts = findConflicts(current, batch.head.changes, batch.head.seen);
      if (conflicts.length > 0) {
        this.deps.repo.setStatus(batch.head.items.map((i) => i.id), 'conflict', { conflict: conflicts });
        this.report(batch.head.items.map((i) => i.id), 'conflict');
        return;
      }
    }

    const noops = batch.actions.filter(isNoop);
    if (noops.length > 0) this.settle(noops.flatMap((a) => a.items), lead.localId, {});
    const actions = batch.actions.filter((a) => !isNoop(a));
    const verify = new Map<number, OutboxItem['verify']>();
    if (current) for (const a of actions) for (const item of a.items) verify.set(item.id, { scoreBefore: current.score });
    const sentItems = [...(batch.head.kind === 'actions' ? [] : batch.head.items), ...actions.flatMap((a) => a.items)];
    if (sentItems.length === 0) return;
    this.deps.repo.markInFlight(sentItems.map((i) => i.id), verify);
    this.report(sentItems.map((i) => i.id), 'in_flight');

    try {
      const wire = actions.map((a) => a.action);
      const outcome =
        batch.head.kind === 'create'
          ? await session.client.createLead(batch.head.lead, wire, { lane: 'outbox' })
          : batch.head.kind === 'edit'
            ? await session.client.editLead(ref, batch.head.changes, wire, { lane: 'outbox' })
            : await session.client.runActions(ref, wire, { lane: 'outbox' });
      this.deps.connectivity.reportSuccess();
      const leadId = outcome.leadId ?? lead.kartraId ?? undefined;
      const newEmail = batch.head.kind === 'edit' ? batch.head.changes.new_email : batch.head.kind === 'create' ? batch.head.lead.email : undefined;
      if (batch.head.kind !== 'actions') this.settle(batch.head.items, lead.localId, { kartraId: leadId, email: newEmail });
      actions.forEach((entry, index) => {
        const result = outcome.results[index];
        if (result?.ok) {
          this.settle(entry.items, lead.localId, { kartraId: leadId });
          return;
        }
        if (result?.notRun) {
          // An earlier action of the chain failed and Kartra stopped there: this one goes in the next call.
          this.requeue(entry.items);
          return;
        }
        const error = toAppError(new KartraApiError(result?.kartraType ?? '', result?.message ?? 'Kartra did not report on this change', entry.action.cmd, entry.action)).toData();
        // The change that was sent failed; changes it had superseded go back to the queue on their own.
        const sent = entry.merged ? entry.items : entry.items.slice(-1);
        this.fail(sent, error);
        this.requeue(entry.items.filter((i) => !sent.includes(i)));
      });
      if (leadId) this.deps.onConfirmed(session.account.id, leadId);
    } catch (error) {
      await this.handleFailure(session, sentItems, error);
    }
  }

  private async handleFailure(session: Session, items: OutboxItem[], error: unknown): Promise<void> {
    if (isNotSent(error)) {
      this.deps.connectivity.reportFailure(error);
      this.deps.repo.markMadeOffline(items.map((i) => i.id));
      this.requeue(items);
      return;
    }
    if (error instanceof KartraApiError) {
      // The create/edit/search at actions[0] failed: nothing in the call was applied.
      this.fail(items, toAppError(withFailingAction(error, items)).toData());
      return;
    }
    if (error instanceof UncertainWriteError || (error instanceof TransportError && error.sent)) {
      // Left in flight: the next round reads the lead and settles them (never a blind resend).
      this.deps.connectivity.reportFailure(error);
      if (!isOfflineError(error)) await this.recover(session, items.map((i) => ({ ...i, status: 'in_flight' as const })));
      return;
    }
    this.fail(items, toAppError(error).toData());
  }

  private async recover(session: Session, items: OutboxItem[]): Promise<void> {
    const lead = items[0]!.lead;
    const create = items.find((i) => i.change.kind === 'create');
    const ref: LeadRef = lead.kartraId ? { id: lead.kartraId } : { email: create && create.change.kind === 'create' ? create.change.lead.email : lead.email };
    const current = await this.read(session, ref);
    if (current === 'offline') return;
    const plan = planRecovery(current, items);
    if (plan.applied.length) this.settle(plan.applied, lead.localId, { kartraId: plan.kartraId });
    if (plan.resend.length) this.requeue(plan.resend);
    if (plan.unsure.items.length) this.fail(plan.unsure.items, plan.unsure.error);
  }

  /** Kartra's copy of the lead, null when it has none, 'offline' when it cannot be asked now. */
  private async read(session: Session, ref: LeadRef): Promise<Lead | null | 'offline'> {
    try {
      const lead = await session.client.getLead(ref, { lane: 'outbox' });
      this.deps.connectivity.reportSuccess();
      return lead;
    } catch (error) {
      if (error instanceof KartraApiError && ['234', '243', '245'].includes(error.type)) return null;
      this.deps.connectivity.reportFailure(error);
      if (isOfflineError(error) || isNotSent(error) || error instanceof TransportError) return 'offline';
      throw error;
    }
  }

  private settle(items: OutboxItem[], localId: number, lead: { kartraId?: string; email?: string }): void {
    if (items.length === 0) return;
    this.report(items.map((i) => i.id), 'done', items);
    this.deps.repo.complete(items.map((i) => i.id), { localId, ...lead });
  }

  private fail(items: OutboxItem[], error: AppErrorData): void {
    if (items.length === 0) return;
    this.deps.repo.setStatus(items.map((i) => i.id), 'failed', { error });
    this.report(items.map((i) => i.id), 'failed');
  }

  private requeue(items: OutboxItem[]): void {
    if (items.length === 0) return;
    this.deps.repo.setStatus(items.map((i) => i.id), 'pending');
    this.report(items.map((i) => i.id), 'pending');
  }

  private report(ids: number[], status: OutboxItem['status'] | 'done', before?: OutboxItem[]): void {
    const items = before ?? ids.map((id) => this.deps.repo.get(id)).filter((i): i is OutboxItem => i !== undefined);
    this.deps.onItems(items, status);
  }
}

/** The error with the sent action it names, so that its message can say what it was about (230: step, sequence). */
function withFailingAction(error: KartraApiError, items: readonly OutboxItem[]): KartraApiError {
  if (error.action || !error.cmd) return error;
  const change = items.map((i) => i.change).find((c) => c.kind === 'action' && c.action.cmd === error.cmd);
  return change?.kind === 'action' ? new KartraApiError(error.type, error.kartraMessage, error.cmd, change.action) : error;
}
