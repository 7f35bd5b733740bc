// The rate limiter's guard margin: how much longer than Kartra's window to space starts, learned from the spread
// of recent round trips, so that requests sent a window apart cannot arrive less than a window apart.

/**
 * Kartra counts a request when it arrives, somewhere between our send and its answer. Two requests sent a window
 * apart arrive up to (slowest upstream − fastest upstream) closer together, so the window must be widened by the
 * spread of the upstream leg. Only round trips are observable; assuming the jitter of the two legs is independent
 * and alike, the upstream leg's standard deviation is the round trip's over √2, and a uniformly spread leg spans
 * 2·√3 of its standard deviations: √6 ≈ 2.45 round-trip deviations, taken with a tenth more for safety. A
 * network whose jitter is all upstream is under-covered by up to √2; the 429 back-off (aimd.ts) handles that.
 */
export const SPREAD_FACTOR = 2.7;
/** Round trips remembered: enough for a stable deviation, few enough to follow a network that changes. */
export const SAMPLE_SIZE = 64;

export class GuardMargin {
  private readonly samples: number[] = [];
  private next = 0;
  private sum = 0;
  private sumSquares = 0;

  /**
   * @param baseMs always added (clock granularity, local scheduling); the learned part comes on top.
   * @param capMs the most the margin may grow to (one window: beyond it, spacing is the 429 back-off's job).
   */
  constructor(
    private readonly baseMs: number,
    private readonly capMs: number,
  ) {}

  /** One observed round trip (send to answer), in ms. */
  add(roundTripMs: number): void {
    if (!Number.isFinite(roundTripMs) || roundTripMs < 0) return;
    if (this.samples.length < SAMPLE_SIZE) this.samples.push(roundTripMs);
    else {
      const old = this.samples[this.next]!;
      this.sum -= old;
      this.sumSquares -= old * old;
      this.samples[this.next] = roundTripMs;
    }
    this.next = (this.next + 1) % SAMPLE_SIZE;
    this.sum += roundTripMs;
    this.sumSquares += roundTripMs * roundTripMs;
  }

  /** Standard deviation of the remembered round trips (0 with fewer than two). */
  get deviationMs(): number {
    const n = this.samples.length;
    if (n < 2) return 0;
    const mean = this.sum / n;
    return Math.sqrt(Math.max(0, (this.sumSquares - n * mean * mean) / (n - 1)));
  }

  get sampleCount(): number {
    return this.samples.length;
  }

  /** The margin to add to the window now. */
  get ms(): number {
    return Math.min(this.capMs, this.baseMs + SPREAD_FACTOR * this.deviationMs);
  }
}
