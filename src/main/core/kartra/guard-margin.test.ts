// The guard margin learned from round trips: base alone until there is a spread, √6·1.1 deviations on top, capped.
import { describe, expect, it } from 'vitest';
import { GuardMargin, SAMPLE_SIZE, SPREAD_FACTOR } from './guard-margin';
import { rng } from './rate-limiter.testkit';

describe('GuardMargin', () => {
  it('is the base margin while round trips do not vary', () => {
    const margin = new GuardMargin(5, 1000);
    expect(margin.ms).toBe(5);
    for (let i = 0; i < 50; i++) margin.add(250);
    expect(margin.deviationMs).toBe(0);
    expect(margin.ms).toBe(5);
  });

  it('covers the upstream spread of a symmetric jittery network: 2·j·u for u = 125 ms ± 20 %', () => {
    const random = rng(3);
    const margin = new GuardMargin(5, 1000);
    // Round trip = upstream + downstream, each 125 ms ± 20 % uniform: the upstream spans 100..150 ms.
    for (let i = 0; i < 500; i++) margin.add(125 * (0.8 + 0.4 * random()) + 125 * (0.8 + 0.4 * random()));
    const upstreamSpread = 2 * 0.2 * 125;
    expect(margin.ms - 5).toBeGreaterThanOrEqual(upstreamSpread * 0.95);
    expect(margin.ms - 5).toBeLessThanOrEqual(upstreamSpread * 1.3);
    expect(margin.ms).toBeCloseTo(5 + SPREAD_FACTOR * margin.deviationMs, 9);
  });

  it('forgets old round trips: only the last SAMPLE_SIZE count, so a calmer network narrows it again', () => {
    const margin = new GuardMargin(0, 1000);
    for (let i = 0; i < SAMPLE_SIZE; i++) margin.add(i % 2 ? 100 : 300);
    expect(margin.deviationMs).toBeGreaterThan(90);
    for (let i = 0; i < SAMPLE_SIZE; i++) margin.add(i % 2 ? 200 : 202);
    expect(margin.sampleCount).toBe(SAMPLE_SIZE);
    expect(margin.deviationMs).toBeCloseTo(1.008, 2);
  });

  it('never exceeds its cap and ignores impossible samples', () => {
    const margin = new GuardMargin(5, 1000);
    margin.add(Number.NaN);
    margin.add(-3);
    expect(margin.sampleCount).toBe(0);
    for (let i = 0; i < 10; i++) margin.add(i % 2 ? 0 : 10_000);
    expect(margin.ms).toBe(1000);
  });
});
