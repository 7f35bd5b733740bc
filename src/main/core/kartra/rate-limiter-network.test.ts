// The limiter against a simulated Kartra behind a jittery network, in fake time: full speed under the zero-429
// ceiling for one client, a polite and fair split without losses for two clients of one App ID, also when one
// starts long after the other has filled the window.
import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';
import { zero429Ceiling } from '../sandbox/arrival-rate';
import { FakeClock, simulatedKartra, sustainedRate } from './rate-limiter.testkit';

const ceiling = (upstreamMs: number, jitter: number) => zero429Ceiling(20, upstreamMs, jitter);

/** Each client queues `calls` at its own start time (ms); the measures count only while all of them send. */
async function run(startAt: number[], calls: number, upstreamMs: number, jitter: number, seed: number, downstreamMs = upstreamMs) {
  const clock = new FakeClock();
  const kartra = simulatedKartra(clock, { upstreamMs, downstreamMs, jitter, seed });
  const limiters = startAt.map(() => new RateLimiter({ appId: 'one-app', clock }));
  const outcomes: Promise<number>[] = [];
  limiters.forEach((limiter, c) =>
    clock.setTimeout(() => {
      for (let i = 0; i < calls; i++) outcomes.push(limiter.schedule('bulk', () => kartra.call(`c${c}`).then(() => i)));
    }, startAt[c]!),
  );
  await clock.advance(Math.max(...startAt) + 1);
  let settled = 0;
  for (const p of outcomes) p.then(() => settled++, () => settled++);
  while (settled < outcomes.length) await clock.advance(1000);
  const results = await Promise.allSettled(outcomes);
  const times = (c: number) => kartra.arrivals.filter((a) => a.client === `c${c}`).map((a) => a.at);
  // A client alone (before the other starts, after the other ends) is a single client: count while all send.
  const from = Math.max(...limiters.map((_, c) => Math.min(...times(c))));
  const to = Math.min(...limiters.map((_, c) => Math.max(...times(c))));
  const both = kartra.arrivals.filter((a) => a.accepted && a.at >= from && a.at <= to);
  // Shares after the late client has had 20 windows to claim its part.
  const settledPart = both.filter((a) => a.at >= from + 20_000);
  return {
    ratio: sustainedRate(both.map((a) => a.at)) / ceiling(upstreamMs, jitter),
    shares: limiters.map((_, c) => settledPart.filter((a) => a.client === `c${c}`).length / settledPart.length),
    count429: kartra.arrivals.filter((a) => !a.accepted).length,
    fulfilled: results.filter((r) => r.status === 'fulfilled').length,
    limiters,
  };
}

describe('RateLimiter behind a jittery network', () => {
  it.each([
    [0, 0.2],
    [50, 0.2],
    [125, 0.2],
    [250, 0.2],
    [125, 0.05],
  ])('one client at %i ms each way ± %d: no 429, at least 0.97 of the ceiling', async (upstreamMs, jitter) => {
    const { ratio, count429, fulfilled, limiters } = await run([0], 800, upstreamMs, jitter, 11);
    expect(count429).toBe(0);
    expect(fulfilled).toBe(800);
    expect(ratio).toBeGreaterThanOrEqual(0.97);
    expect(limiters[0]!.guardMs).toBeGreaterThanOrEqual(5 + 2 * jitter * upstreamMs * 0.9); // learned, not guessed
  });

  it('never waits longer past a start than its own round trip: answers that jitter alone do not slow the window', async () => {
    // Kartra counts on arrival; with no upstream delay every arrival is at its send, however late the answer.
    // The learned margin sees round trips of 0–200 ms differ and grows to about 150 ms; the cap keeps each wait at
    // the awaited start's own round trip (100 ms on average), not the margin.
    const { ratio, count429, limiters } = await run([0], 800, 0, 1, 4, 100);
    expect(count429).toBe(0);
    // Waiting W + 5 + ~100 ms per slot gives ≈ 0.90; the learned margin alone (W + 5 + ~150) would give < 0.88.
    const marginAlone = 1000 / (1000 + 5 + limiters[0]!.guardMs);
    expect(marginAlone).toBeLessThan(0.88);
    expect(ratio).toBeGreaterThan(0.88);
  });

  // Fairness costs some of the combined rate: each 429 pauses its client 1 s and cuts a large share (aimd.ts).
  // The goal is 0.92 of the ceiling; these cases reach 0.93–0.96 with 0.5–1 % 429s (0.89–0.95 before a bulk
  // job's first window was spread and a failed step went back to the proven level).
  it.each([
    [1, 0],
    [2, 0],
    [1, 70], // as in bench:rate, two processes started together: one's first burst lands just before the other's
    [2, 70],
    [1, 3_000],
    [2, 3_000],
    [1, 20_000],
    [2, 20_000],
  ])('two clients of one App (seed %i, the second %i ms later) at 125 ms ± 20 %: comparable shares, under 2 percent 429s, nothing lost', async (seed, lateMs) => {
    const { ratio, shares, count429, fulfilled } = await run([0, lateMs], 1200, 125, 0.2, seed);
    expect(fulfilled).toBe(2400); // every 429 was retried
    expect(count429 / 2400).toBeLessThan(0.02);
    for (const share of shares) expect(share).toBeGreaterThanOrEqual(0.3);
    expect(ratio).toBeGreaterThanOrEqual(0.9);
  });
});
