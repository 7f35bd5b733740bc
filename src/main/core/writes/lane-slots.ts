// The write queue's scheduler: how many lead writes are on their way at once, which lane goes first when a slot
// frees (interactive > replay > bulk), and one write at a time per lead (FIFO per lead across every source).
export const WRITE_LANES = ['interactive', 'replay', 'bulk'] as const;
export type WriteLane = (typeof WRITE_LANES)[number];

/** The rate limiter's lane for each write lane (the limiter has its own, coarser, names). */
export const LIMITER_LANE = { interactive: 'interactive', replay: 'outbox', bulk: 'bulk' } as const;

interface Waiter {
  lane: WriteLane;
  key: string;
  seq: number;
  grant: (release: () => void) => void;
}

export interface SlotLimits {
  /** Writes on their way at once, all lanes together. */
  total: number;
  /** At most this many of them bulk rows, so a click never waits behind a whole import's worth of calls. */
  bulk: number;
}

export class LaneSlots {
  private readonly busyKeys = new Set<string>();
  private readonly inUse: Record<WriteLane, number> = { interactive: 0, replay: 0, bulk: 0 };
  private waiting: Waiter[] = [];
  private seq = 0;
  private paused = false;

  constructor(private readonly limits: SlotLimits) {}

  /** Resolves with a release function once a slot of this lane is free and no other write of `key` is out. */
  acquire(lane: WriteLane, key: string): Promise<() => void> {
    return new Promise((grant) => {
      this.waiting.push({ lane, key, seq: this.seq++, grant });
      this.pump();
    });
  }

  /** Whether a write for this lead could start now (the dispatcher skips busy leads rather than wait on them). */
  isBusy(key: string): boolean {
    return this.busyKeys.has(key);
  }

  active(): number {
    return this.inUse.interactive + this.inUse.replay + this.inUse.bulk;
  }

  /** Pause: no new write starts (those on their way finish). */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.pump();
  }

  private pump(): void {
    if (this.paused) return;
    this.waiting.sort((a, b) => WRITE_LANES.indexOf(a.lane) - WRITE_LANES.indexOf(b.lane) || a.seq - b.seq);
    for (const waiter of [...this.waiting]) {
      if (this.active() >= this.limits.total) return;
      if (waiter.lane === 'bulk' && this.inUse.bulk >= this.limits.bulk) continue;
      if (this.busyKeys.has(waiter.key)) continue;
      this.waiting = this.waiting.filter((w) => w !== waiter);
      this.busyKeys.add(waiter.key);
      this.inUse[waiter.lane]++;
      let released = false;
      waiter.grant(() => {
        if (released) return;
        released = true;
        this.busyKeys.delete(waiter.key);
        this.inUse[waiter.lane]--;
        this.pump();
      });
    }
  }
}

/** One key per lead whatever the source knows of it: the email when known (imports know only that), else the id. */
export function leadKey(ref: { id?: string | null; email?: string | null }): string {
  return ref.email ? `email:${ref.email.trim().toLowerCase()}` : `id:${ref.id ?? ''}`;
}
