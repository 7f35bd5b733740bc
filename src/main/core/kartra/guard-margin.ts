// The rate limiter's guard margin: how much longer than Kartra's window to space starts, learned from how much the
// round trips of requests one window apart differ, so that requests sent a window apart cannot arrive closer.

/**
 * Kartra counts a request when it arrives, somewhere between our send and its answer. A start waits for the one
 * `allowed` starts earlier (the same place in the previous window) to leave the window, so what matters is how much
 * later that one may have arrived than this one will: the spread of the *difference* of their upstream trips. Only
 * round trips are observable, so the samples are differences of round trips one window apart; this cancels what
 * both share (a server that answers a burst in turn, a slower route) and keeps what varies between them. For
 * independent, alike, uniformly spread legs, the upstream difference reaches √3 of the round-trip difference's
 * root mean square; taken with a tenth more for safety. A network whose jitter is all upstream is under-covered by
 * up to √2; the 429 back-off (aimd.ts) handles that.
 */
export const SPREAD_FACTOR = 1.9;
/** Differences remembered: enough for a stable estimate, few enough to follow a network that changes. */
export const SAMPLE_SIZE = 64;

export class GuardMargin {
  private readonly samples: number[] = [];
  private next = 0;
  private sumSquares = 0;

  /**
   * @param baseMs always added (clock granularity, local scheduling); the learned part comes on top.
   * @param capMs the most the margin may grow to (one window: beyond it, spacing is the 429 back-off's job).
   */
  constructor(
    private readonly baseMs: number,
    private readonly capMs: number,
  ) {}

  /** One observed difference, in ms: a round trip minus that of the request one window before it. */
  add(differenceMs: number): void {
    if (!Number.isFinite(differenceMs)) return;
    if (this.samples.length < SAMPLE_SIZE) this.samples.push(differenceMs);
    else {
      const old = this.samples[this.next]!;
      this.sumSquares -= old * old;
      this.samples[this.next] = differenceMs;
    }
    this.next = (this.next + 1) % SAMPLE_SIZE;
    this.sumSquares += differenceMs * differenceMs;
  }

  /** Root mean square of the remembered differences (0 without any). */
  get deviationMs(): number {
    const n = this.samples.length;
    return n === 0 ? 0 : Math.sqrt(Math.max(0, this.sumSquares / n));
  }

  get sampleCount(): number {
    return this.samples.length;
  }

  /** The margin to add to the window now. */
  get ms(): number {
    return Math.min(this.capMs, this.baseMs + SPREAD_FACTOR * this.deviationMs);
  }
}
