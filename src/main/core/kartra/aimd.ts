// The rate limiter's share of Kartra's per-App budget: additive increase, multiplicative decrease on 429, so two
// clients of one App ID (the desktop app and the CLI, or other installs) settle on splitting the 20 calls/s.

/** A 429 event at a share s of the budget multiplies the rate by 1 − CUT·s: a full share halves, a small one barely moves. */
export const CUT = 0.5;
/** The share never goes below this: a client must keep claiming room, or an incumbent never learns it is there. */
export const FLOOR_SHARE = 0.1;
/** Clean windows at one step below a level that drew a 429 before trying it again; doubles per failed try. */
export const FIRST_HOLD_WINDOWS = 16;
export const MAX_HOLD_WINDOWS = 64;

/**
 * Starts allowed per window, between max·FLOOR_SHARE (at least 1) and `max`. Another client's calls are invisible
 * except through 429s, and which client meets a 429 is chance: whoever's request arrives at a full window. The
 * limiter spreads a bulk job's first window (rate-limiter.ts), whose slots later starts keep, so that room left by
 * one client is spread too and a newcomer finds it; a client filling the window in bursts left room only in a few
 * ms per second, so the newcomer met nearly every 429 and starved. Here:
 * - the cut is per *event* (429s to requests started before the last cut are old news: the burst they belong to
 *   was already answered by the cut) and proportional to the share held: rate × (1 − CUT·share). The rare 429 of a
 *   client holding most of the budget gives half of it away, the frequent ones of a small client cost it little;
 *   like TCP's AIMD, equal additive steps and a share-proportional cut converge to equal shares;
 * - but a 429 to a step above the highest level a clean window has proven (since the last cut) only steps back to
 *   that level, while that level is at most half the budget: the budget ends between the two, and a full cut
 *   there (11 → 8) gave away over a quarter of the rate to learn one start's worth. Above half the step is cut by
 *   the share anyway, or two clients would stay split where chance put them (shares 0.26 / 0.74 in simulation);
 * - the share has a floor, so a starved client keeps a few starts a window, which is how an incumbent learns that
 *   it has company;
 * - each window of clean answers adds 1, but next to a level that drew a 429 the rate waits first (16, 32, 64
 *   clean windows after each failed try), so two clients sharing the budget probe rarely: every probe that fails
 *   costs a 429 and a pause. A probe that survives a clean window clears the memory and growth is free again.
 */
export class AimdRate {
  private rate: number;
  private readonly floor: number;
  /** The level that drew the last 429, until a window at it passes cleanly. */
  private failedAt: number | null = null;
  private failures = 0;
  private cleanAnswers = 0;
  private heldWindows = 0;
  private changedAt = -Infinity;
  /** The highest level a clean window passed at since the last multiplicative cut (null: none yet). */
  private provenAt: number | null = null;

  constructor(private readonly max: number) {
    this.rate = max;
    this.floor = Math.max(1, Math.floor(max * FLOOR_SHARE));
  }

  /** Whole starts allowed in one window now. */
  get allowed(): number {
    return Math.max(this.floor, Math.floor(this.rate));
  }

  /**
   * Below the full budget: another client was met, so starts are paced (one every window/allowed) rather than
   * sent in bursts. After a 1 s pause a burst of `allowed` meets the other client's full window at one instant and
   * draws as many 429s; paced starts land at different phases of its slots, so some find one of its gaps.
   */
  get sharing(): boolean {
    return this.allowed < this.max;
  }

  /** A request started at `startedAt` was answered (not 429). */
  answered(startedAt: number): void {
    if (startedAt < this.changedAt) return;
    if (++this.cleanAnswers < this.allowed) return;
    this.cleanAnswers = 0;
    this.cleanWindow();
  }

  /** A request started at `startedAt` came back 429 at `now`. Returns true when the allowed rate went down. */
  rejected(startedAt: number, now: number): boolean {
    if (startedAt < this.changedAt) return false; // old news: the cut for its burst is made
    const before = this.allowed;
    this.failedAt = before;
    this.failures = Math.min(this.failures + 1, 8);
    if (this.provenAt !== null && before > this.provenAt && this.provenAt <= this.max / 2) {
      // A step above the level proven clean drew it: the budget ends between the two, so back to the proven one.
      this.rate = this.provenAt;
    } else {
      // At a level that was clean: someone else's demand grew (or nothing is proven yet). Cut by the share held.
      this.rate = Math.max(this.floor, this.rate * (1 - (CUT * this.rate) / this.max));
      this.provenAt = null;
    }
    this.cleanAnswers = 0;
    this.heldWindows = 0;
    this.changedAt = now;
    return this.allowed < before;
  }

  private cleanWindow(): void {
    const level = this.allowed;
    this.provenAt = Math.max(this.provenAt ?? 0, level);
    if (this.failedAt !== null && level >= this.failedAt) {
      // A whole window at the level that failed went through: the competitor has gone or made room.
      this.failedAt = null;
      this.failures = 0;
    }
    if (level >= this.max) return;
    if (this.failedAt !== null && level + 1 >= this.failedAt) {
      const hold = Math.min(MAX_HOLD_WINDOWS, FIRST_HOLD_WINDOWS * 2 ** (this.failures - 1));
      if (++this.heldWindows < hold) return;
    }
    this.heldWindows = 0;
    this.rate = Math.min(this.max, Math.floor(this.rate) + 1);
  }
}
