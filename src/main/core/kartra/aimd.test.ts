// The 429 back-off: one share-proportional cut per 429 event, a step back after a failed step up to at most half,
// a floor, one step up per clean window, patience next to a level that failed.
import { describe, expect, it } from 'vitest';
import { AimdRate, CUT, FIRST_HOLD_WINDOWS } from './aimd';

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
    expect(rate.sharing).toBe(false);
  });

  it('cuts once per event, in proportion to the share held: a full share halves, a small one barely moves', () => {
    const full = new AimdRate(20);
    expect(full.rejected(0, 100)).toBe(true);
    expect(full.allowed).toBe(20 * (1 - CUT)); // 10
    for (let i = 0; i < 9; i++) expect(full.rejected(50, 100)).toBe(false); // the rest of that burst: old news
    expect(full.allowed).toBe(10);
    full.rejected(200, 300); // a new event at share 0.5: × 0.75
    expect(full.allowed).toBe(7);
    expect(full.sharing).toBe(true);
    const small = new AimdRate(20);
    for (let t = 0; t < 4; t++) small.rejected(t * 10, t * 10); // 20 → 10 → 7.5 → 6.09 → 5.16
    const before = small.allowed;
    small.rejected(100, 100);
    expect(small.allowed).toBeGreaterThanOrEqual(before - 1); // at a quarter share a cut takes at most one start
  });

  it('never goes below the floor (a tenth of the budget, at least one start)', () => {
    const rate = new AimdRate(20);
    for (let t = 0; t < 100; t++) rate.rejected(t, t);
    expect(rate.allowed).toBe(2);
    const tiny = new AimdRate(3);
    for (let t = 0; t < 100; t++) tiny.rejected(t, t);
    expect(tiny.allowed).toBe(1);
  });

  it('climbs one step per clean window while far below the level that failed, then waits before trying it', () => {
    const rate = new AimdRate(20);
    rate.rejected(0, 100); // failed at 20 → 10
    cleanWindows(rate, 1, 50); // answers to requests sent before the cut are old news
    expect(rate.allowed).toBe(10);
    cleanWindows(rate, 9, 200);
    expect(rate.allowed).toBe(19); // 10 → 19 one per window
    cleanWindows(rate, FIRST_HOLD_WINDOWS - 1, 200);
    expect(rate.allowed).toBe(19); // next to 20, which drew the 429: hold
    cleanWindows(rate, 1, 200);
    expect(rate.allowed).toBe(20); // the probe
  });

  it('waits twice as long after a failed probe, and grows freely once a probe holds for a window', () => {
    const rate = new AimdRate(4);
    rate.rejected(0, 0); // failed at 4 → 2
    cleanWindows(rate, 1, 10); // 3
    cleanWindows(rate, FIRST_HOLD_WINDOWS, 10);
    expect(rate.allowed).toBe(4); // first probe after the hold
    rate.rejected(20, 30); // it failed again: 4 → 2
    cleanWindows(rate, 1, 40);
    cleanWindows(rate, FIRST_HOLD_WINDOWS, 40);
    expect(rate.allowed).toBe(3); // now twice the hold
    cleanWindows(rate, FIRST_HOLD_WINDOWS, 40);
    expect(rate.allowed).toBe(4);
    cleanWindows(rate, 1, 40); // a clean window at 4: the memory is cleared
    rate.rejected(50, 60); // a new failure starts over at the first hold
    cleanWindows(rate, 1 + FIRST_HOLD_WINDOWS, 70);
    expect(rate.allowed).toBe(4);
  });

  it('steps back to the level a clean window proved when the step above it draws a 429, up to half the budget', () => {
    const rate = new AimdRate(20);
    rate.rejected(0, 100); // nothing proven yet: 20 → 10
    cleanWindows(rate, 1, 200); // 10 proven, → 11
    expect(rate.allowed).toBe(11);
    expect(rate.rejected(300, 400)).toBe(true);
    expect(rate.allowed).toBe(10); // not 11 × (1 − 0.5 · 0.55) = 7.98: the budget ends between 10 and 11
    cleanWindows(rate, FIRST_HOLD_WINDOWS - 1, 500);
    expect(rate.allowed).toBe(10); // and it waits before trying 11 again
    // At the proven level itself a 429 means another client's demand grew: the share cut applies.
    rate.rejected(600, 700);
    expect(rate.allowed).toBe(7); // 10 × 0.75
  });

  it('cuts a failed step by the share held when the proven level is above half the budget, so two clients even out', () => {
    const rate = new AimdRate(20);
    rate.rejected(0, 100); // 20 → 10
    cleanWindows(rate, 2, 200); // 10 and 11 proven, → 12
    expect(rate.allowed).toBe(12);
    rate.rejected(300, 400);
    expect(rate.allowed).toBe(8); // 12 × (1 − 0.5 · 0.6) = 8.4, not back to 11
  });
});
