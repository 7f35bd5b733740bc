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
 * except through 429s, and which client meets the 429 is not fair: a client already filling the window re-sends
 * into each slot its own answer frees, one guard margin later, so a newcomer's requests mostly arrive at a full
 * window and the incumbent only meets a 429 when a newcomer slips into one of those gaps. A per-429 cut (the
 * earlier design) therefore starved the late client (shares 0.04 / 0.96). So:
 * - the cut is per *event* (429s to requests started before the last cut are old news: the burst they belong to
 *   was already answered by the cut) and proportional to the share held: rate × (1 − CUT·share). The rare 429 of a
 *   client holding most of the budget gives half of it away, the frequent ones of a small client cost it little;
 *   like TCP's AIMD, equal additive steps and a share-proportional cut converge to equal shares;
 * - the share has a floor, so a starved client keeps a few starts a window landing in the incumbent's gaps,
 *   which is the only way the incumbent can learn that it has company. Those gaps are the guard margin: behind a
 *   jittery network (50 ms at 125 ms ± 20 %) they are wide and a newcomer gets in within a few windows; on
 *   loopback (5 ms) they are not, and a late client stays starved (a known limit; a periodic yield by the
 *   incumbent fixed it in simulation but cost a lone client 3 % of its rate);
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
    this.rate = Math.max(this.floor, this.rate * (1 - (CUT * this.rate) / this.max));
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
