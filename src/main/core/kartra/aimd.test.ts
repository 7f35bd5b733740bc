// The 429 back-off: multiplicative decrease per 429, one step up per clean window, and patience next to a level
// that failed.
import { describe, expect, it } from 'vitest';
import { AimdRate, DECREASE, FIRST_HOLD_WINDOWS } from './aimd';

/** Answers `windows` clean windows of requests started at `at`. */
function cleanWindows(rate: AimdRate, windows: number, at: number): void {
  for (let w = 0; w < windows; w++) {
    const n = rate.allowed;
    for (let i = 0; i < n; i++) rate.answered(at);
  }
}

describe('AimdRate', () => {
  it('starts at the full limit and stays there while nothing is refused', () => {
    const rate = new AimdRate(20);
    cleanWindows(rate, 50, 0);
    expect(rate.allowed).toBe(20);
  });

  it('cuts by DECREASE per 429, so a burst of refusals cuts by about the refused share', () => {
    const rate = new AimdRate(20);
    expect(rate.rejected(0, 100)).toBe(true); // 19
    expect(rate.allowed).toBe(19);
    for (let i = 0; i < 9; i++) rate.rejected(0, 100); // ten refused of a burst of twenty
    expect(rate.allowed).toBe(Math.floor(20 * DECREASE ** 10)); // 11: about the half that got through
    const floor = new AimdRate(2);
    for (let i = 0; i < 100; i++) floor.rejected(0, 1);
    expect(floor.allowed).toBe(1); // never below one start a window
  });

  it('climbs one step per clean window while far below the level that failed, then waits before trying it', () => {
    const rate = new AimdRate(20);
    for (let i = 0; i < 10; i++) rate.rejected(0, 100); // failed at 20 → 11
    cleanWindows(rate, 1, 50); // answers to requests sent before the cut are old news
    expect(rate.allowed).toBe(11);
    cleanWindows(rate, 8, 200);
    expect(rate.allowed).toBe(19); // 11 → 19 one per window
    cleanWindows(rate, FIRST_HOLD_WINDOWS - 1, 200);
    expect(rate.allowed).toBe(19); // next to 20, which drew the 429: hold
    cleanWindows(rate, 1, 200);
    expect(rate.allowed).toBe(20); // the probe
  });

  it('waits twice as long after a failed probe, and grows freely once a probe holds for a window', () => {
    const rate = new AimdRate(20);
    rate.rejected(0, 0); // failed at 20 → 19
    cleanWindows(rate, FIRST_HOLD_WINDOWS, 10);
    expect(rate.allowed).toBe(20); // first probe after 8 windows
    rate.rejected(20, 30); // it failed again
    expect(rate.allowed).toBe(19);
    cleanWindows(rate, FIRST_HOLD_WINDOWS, 40);
    expect(rate.allowed).toBe(19); // now 16 windows
    cleanWindows(rate, FIRST_HOLD_WINDOWS, 40);
    expect(rate.allowed).toBe(20);
    cleanWindows(rate, 1, 40); // a clean window at 20: the memory is cleared
    rate.rejected(50, 60); // a new failure starts over at the first hold
    cleanWindows(rate, FIRST_HOLD_WINDOWS, 70);
    expect(rate.allowed).toBe(20);
  });
});
