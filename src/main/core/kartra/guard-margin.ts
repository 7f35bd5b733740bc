// The rate limiter's guard margin: how much longer than Kartra's window to space starts, learned from how much the
// round trips of requests one window apart differ, so that requests sent a window apart cannot arrive closer.

/**
 * Kartra counts a request when it arrives, somewhere between our send and its answer. A start waits for the one
 * `allowed` starts earlier (the same place in the previous window) to leave the window, so what matters is how much
 * later that one may have arrived than this one will: the spread of the *difference* of their upstream trips. Only
 * round trips are observable, so the samples are differences of round trips one window apart; this cancels what
 * both share (a server that answers a burst in turn, a slower route) and keeps what varies between them.
 *
 * The margin is a high percentile of |difference|, not a multiple of its root mean square (the earlier design):
 * on a loaded machine the differences are mostly scheduling noise with a heavy tail, and a few stalls of 100 ms
 * inflated RMS × 1.9 to 73 ms on loopback, 19 % of the rate. The 95th percentile ignores the worst 3 of 64
 * samples. For independent, alike, uniformly spread legs of u ± j, a round-trip difference is a sum of four
 * uniform terms (σ = 1.15·j·u) and its 95th percentile is ≈ 2.26·j·u, just above the 2·j·u the upstream
 * difference can reach. A network whose jitter is all upstream is under-covered (≈ 1.55·j·u); the 429 back-off
 * (aimd.ts) handles that. The limiter also never waits more than the awaited request's own round trip
 * (rate-limiter.ts): its upstream trip cannot have been longer.
 */
export const PERCENTILE = 0.95;
/** Differences remembered: enough for a stable estimate, few enough to follow a network that changes (≈ 3 s). */
export const SAMPLE_SIZE = 64;

export class GuardMargin {
  private readonly samples: number[] = [];
  private next = 0;
  private cached: number | null = 0;
  private readonly roundTrips: number[] = [];
  private nextRoundTrip = 0;
  private typicalCached: number | null = null;

  /**
   * @param baseMs always added (clock granularity, local scheduling); the learned part comes on top.
   * @param capMs the most the margin may grow to (one window: beyond it, spacing is the 429 back-off's job).
   */
  constructor(
    readonly baseMs: number,
    private readonly capMs: number,
  ) {}

  /** One observed difference, in ms: a round trip minus that of the request one window before it. */
  add(differenceMs: number): void {
    if (!Number.isFinite(differenceMs)) return;
    const size = Math.abs(differenceMs);
    if (this.samples.length < SAMPLE_SIZE) this.samples.push(size);
    else this.samples[this.next] = size;
    this.next = (this.next + 1) % SAMPLE_SIZE;
    this.cached = null;
  }

  /** One observed round trip, in ms, for the typical round trip a stall is told apart from. */
  addRoundTrip(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    if (this.roundTrips.length < SAMPLE_SIZE) this.roundTrips.push(ms);
    else this.roundTrips[this.nextRoundTrip] = ms;
    this.nextRoundTrip = (this.nextRoundTrip + 1) % SAMPLE_SIZE;
    this.typicalCached = null;
  }

  /** The median of the remembered round trips (null without any). */
  get typicalRoundTripMs(): number | null {
    if (this.roundTrips.length === 0) return null;
    if (this.typicalCached === null) {
      const sorted = [...this.roundTrips].sort((a, b) => a - b);
      this.typicalCached = sorted[Math.floor((sorted.length - 1) / 2)]!;
    }
    return this.typicalCached;
  }

  /**
   * Whether a request `elapsedMs` after its send (answered or not) lies outside what the learned margin covers:
   * its upstream trip may then exceed a typical one by more than the margin (a stalled event loop on either side,
   * a connection opened again), so only its answer bounds its arrival.
   */
  isStall(elapsedMs: number): boolean {
    const typical = this.typicalRoundTripMs;
    return typical === null || elapsedMs > typical + this.ms;
  }

  /** The PERCENTILE of the remembered |differences| (0 without any). */
  get spreadMs(): number {
    if (this.cached === null) {
      const sorted = [...this.samples].sort((a, b) => a - b);
      this.cached = sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(PERCENTILE * sorted.length) - 1)]!;
    }
    return this.cached;
  }

  get sampleCount(): number {
    return this.samples.length;
  }

  /** The margin to add to the window now. */
  get ms(): number {
    return Math.min(this.capMs, this.baseMs + this.spreadMs);
  }
}
