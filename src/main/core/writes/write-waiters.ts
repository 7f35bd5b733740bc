// Write commands that wait for Kartra's confirmation (leads.create/edit/applyActions): resolved when every change
// they queued is settled, when the time is up, or at once when Kartra cannot be reached (they answer "queued").
import type { OutboxItemView, OutboxStatus } from '../../../shared/domain/outbox';
import type { Connectivity } from '../connection/connectivity';
import { toView } from './item-view';
import type { WriteRepo } from './write-repo';

type Waiter = { ids: Set<number>; settled: Map<number, OutboxItemView>; resolve: () => void };

/** Statuses a waiting command stops waiting at: nothing more happens without the user. */
const FINAL: ReadonlySet<OutboxStatus> = new Set(['done', 'failed', 'conflict', 'needs_check']);

export class WriteWaiters {
  private readonly waiters = new Set<Waiter>();

  constructor(
    private readonly repo: WriteRepo,
    private readonly connectivity: Pick<Connectivity, 'isOnline'>,
  ) {}

  async waitFor(views: OutboxItemView[], timeoutMs: number): Promise<OutboxItemView[]> {
    const waiter: Waiter = { ids: new Set(views.map((v) => v.id)), settled: new Map(), resolve: () => undefined };
    const done = new Promise<void>((resolve) => (waiter.resolve = resolve));
    this.waiters.add(waiter);
    // Items may have settled between enqueue and now.
    for (const view of views) {
      const stored = this.repo.get(view.id);
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
      const stored = this.repo.get(v.id);
      return stored ? toView(stored) : { ...v, status: 'done' };
    });
  }

  /** An item changed status. */
  settled(view: OutboxItemView): void {
    if (!FINAL.has(view.status)) return;
    for (const waiter of this.waiters) {
      if (!waiter.ids.has(view.id)) continue;
      waiter.settled.set(view.id, view);
      if (waiter.settled.size === waiter.ids.size) waiter.resolve();
    }
  }

  /**
   * Kartra just became unreachable: waiting writes are answered "queued" instead of hanging until their timeout.
   * Deferred a turn, so the dispatcher first puts the items it was sending back to pending (made offline).
   */
  releaseSoon(): void {
    if (this.waiters.size === 0) return;
    const waiting = [...this.waiters];
    setTimeout(() => {
      if (this.connectivity.isOnline()) return;
      for (const waiter of waiting) waiter.resolve();
    }, 0);
  }
}
