// The rate limiter's share of Kartra's per-App budget: additive increase, multiplicative decrease on 429, so two
// clients of one App ID (the desktop app and the CLI, or other installs) settle on splitting the 20 calls/s.

/** Each 429 multiplies the allowed rate by this: a burst of n rejections cuts it by about n/20, the overshoot. */
export const DECREASE = 0.95;
/** Clean windows at one step below a level that drew a 429 before trying it again; doubles per failed try. */
export const FIRST_HOLD_WINDOWS = 8;
export const MAX_HOLD_WINDOWS = 32;

/**
 * Starts allowed per window, between 1 and `max`. Another client's calls are invisible except through 429s, so:
 * - every 429 multiplies the rate by DECREASE (several 429s of one burst add up to the share that was refused);
 * - each window of clean answers adds 1, but next to a level that drew a 429 the rate waits first (8, 16, 32
 *   clean windows after each failed try), so two clients sharing the budget probe rarely: every probe that fails
 *   costs a 429 and a pause. A probe that survives a clean window clears the memory and growth is free again.
 * Only answers to requests started after the last change count, so old news does not move the rate twice.
 */
export class AimdRate {
  private rate: number;
  /** The level that drew the last 429, until a window at it passes cleanly. */
  private failedAt: number | null = null;
  private failures = 0;
  private cleanAnswers = 0;
  private heldWindows = 0;
  private changedAt = -Infinity;

  constructor(private readonly max: number) {
    this.rate = max;
  }

  /** Whole starts allowed in one window now. */
  get allowed(): number {
    return Math.max(1, Math.floor(this.rate));
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
    const before = this.allowed;
    const newEvent = startedAt >= this.changedAt;
    if (newEvent) {
      this.failedAt = before;
      this.failures = Math.min(this.failures + 1, 8);
    }
    this.rate = Math.max(1, this.rate * DECREASE);
    this.cleanAnswers = 0;
    this.heldWindows = 0;
    this.changedAt = now;
    return this.allowed < before;
  }

  private cleanWindow(): void {
    const level = this.allowed;
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
