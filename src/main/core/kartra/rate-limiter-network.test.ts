// The limiter against a simulated Kartra behind a jittery network, in fake time: full speed under the zero-429
// ceiling for one client, a polite split without losses for two clients of one App ID.
import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';
import { zero429Ceiling } from '../sandbox/arrival-rate';
import { FakeClock, simulatedKartra, sustainedRate } from './rate-limiter.testkit';

const ceiling = (upstreamMs: number, jitter: number) => zero429Ceiling(20, upstreamMs, jitter);

async function run(clients: number, calls: number, upstreamMs: number, jitter: number, seed: number) {
  const clock = new FakeClock();
  const kartra = simulatedKartra(clock, { upstreamMs, downstreamMs: upstreamMs, jitter, seed });
  const limiters = Array.from({ length: clients }, () => new RateLimiter({ appId: 'one-app', clock }));
  const outcomes = limiters.flatMap((limiter, c) =>
    Array.from({ length: calls }, (_, i) => limiter.schedule('bulk', () => kartra.call(`c${c}`).then(() => i))),
  );
  let settled = 0;
  for (const p of outcomes) p.then(() => settled++, () => settled++);
  while (settled < outcomes.length) await clock.advance(1000);
  const results = await Promise.allSettled(outcomes);
  // The combined rate counts while every client is still sending (a client left alone is a single client).
  const lastOfEach = limiters.map((_, c) => Math.max(...kartra.arrivals.filter((a) => a.client === `c${c}`).map((a) => a.at)));
  const end = Math.min(...lastOfEach);
  const rate = sustainedRate(kartra.arrivals.filter((a) => a.accepted && a.at <= end).map((a) => a.at));
  return {
    ratio: rate / ceiling(upstreamMs, jitter),
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
    const { ratio, count429, fulfilled, limiters } = await run(1, 800, upstreamMs, jitter, 11);
    expect(count429).toBe(0);
    expect(fulfilled).toBe(800);
    expect(ratio).toBeGreaterThanOrEqual(0.97);
    expect(limiters[0]!.guardMs).toBeGreaterThanOrEqual(5 + 2 * jitter * upstreamMs * 0.9); // learned, not guessed
  });

  it.each([1, 2, 3])('two clients of one App (seed %i): split the budget, ≥ 0.92 of the ceiling, under 2 percent 429s, nothing lost', async (seed) => {
    const { ratio, count429, fulfilled, limiters } = await run(2, 1200, 125, 0.2, seed);
    expect(fulfilled).toBe(2400); // every 429 was retried
    expect(count429 / 2400).toBeLessThan(0.02);
    expect(ratio).toBeGreaterThanOrEqual(0.92);
    for (const limiter of limiters) expect(limiter.state().count429).toBeGreaterThan(0);
  });
});
