// The guard margin learned from round-trip differences one window apart: base alone while they agree, a robust
// 95th percentile of their size on top (a few scheduling stalls do not move it), capped.
import { describe, expect, it } from 'vitest';
import { GuardMargin, SAMPLE_SIZE } from './guard-margin';
import { rng } from './rate-limiter.testkit';

describe('GuardMargin', () => {
  it('is the base margin while round trips one window apart agree (a server answering a burst in turn included)', () => {
    const margin = new GuardMargin(5, 1000);
    expect(margin.ms).toBe(5);
    // Position i of each burst always takes 2·i ms longer: the same in every window, so no difference.
    for (let w = 0; w < 3; w++) for (let i = 0; i < 20; i++) margin.add(250 + 2 * i - (250 + 2 * i));
    expect(margin.spreadMs).toBe(0);
    expect(margin.ms).toBe(5);
  });

  it('covers the upstream difference of a symmetric jittery network: 2·j·u for u = 125 ms ± 20 %', () => {
    const random = rng(3);
    const margin = new GuardMargin(5, 1000);
    const roundTrip = () => 125 * (0.8 + 0.4 * random()) + 125 * (0.8 + 0.4 * random());
    for (let i = 0; i < 500; i++) margin.add(roundTrip() - roundTrip());
    const upstreamSpread = 2 * 0.2 * 125; // two upstream trips of 100..150 ms differ by at most 50
    expect(margin.ms - 5).toBeGreaterThanOrEqual(upstreamSpread * 0.9);
    expect(margin.ms - 5).toBeLessThanOrEqual(upstreamSpread * 1.4);
  });

  it('on loopback, ignores a few scheduling stalls that a root mean square would multiply', () => {
    const random = rng(5);
    const margin = new GuardMargin(5, 1000);
    // 1–3 ms of noise, and 3 stalls of 150–300 ms in the last 64 samples (a busy event loop answering late).
    for (let i = 0; i < SAMPLE_SIZE; i++) margin.add(i % 21 === 20 ? 150 + 150 * random() : (random() - 0.5) * 4);
    expect(margin.ms).toBeLessThan(5 + 3); // RMS × 1.9 of the same samples would be ≈ 78 ms
  });

  it('forgets old differences: only the last SAMPLE_SIZE count, so a calmer network narrows it again', () => {
    const margin = new GuardMargin(0, 1000);
    for (let i = 0; i < SAMPLE_SIZE; i++) margin.add(i % 2 ? 100 : -100);
    expect(margin.spreadMs).toBe(100);
    for (let i = 0; i < SAMPLE_SIZE; i++) margin.add(i % 2 ? 1 : -1);
    expect(margin.sampleCount).toBe(SAMPLE_SIZE);
    expect(margin.spreadMs).toBe(1);
  });

  it('never exceeds its cap and ignores impossible samples', () => {
    const margin = new GuardMargin(5, 1000);
    margin.add(Number.NaN);
    margin.add(Infinity);
    expect(margin.sampleCount).toBe(0);
    for (let i = 0; i < 10; i++) margin.add(i % 2 ? 5000 : -5000);
    expect(margin.ms).toBe(1000);
  });
});
