// Test support for the rate limiter: a fake clock, a window checker, seeded randomness and a simulated Kartra
// (a sliding window behind an upstream and a downstream delay), so limiter tests run in fake time.
import { RateLimitedError } from './errors';
export { sustainedRate } from '../sandbox/arrival-rate';
import type { LimiterClock } from './rate-limiter';

/** Let every pending promise callback run (microtasks all drain before the check phase). */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

export class FakeClock implements LimiterClock {
  t = 0;
  created = 0;
  maxPending = 0;
  private nextId = 1;
  private timers: { id: number; at: number; fn: () => void }[] = [];

  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.created++;
    this.timers.push({ id, at: this.t + Math.max(0, ms), fn });
    this.maxPending = Math.max(this.maxPending, this.timers.length);
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }
  get pending(): number {
    return this.timers.length;
  }
  /** Fire due timers in time order, settling promises after each, up to `target`. */
  async advanceTo(target: number): Promise<void> {
    await flush();
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.t = due.at;
      due.fn();
      await flush();
    }
    this.t = Math.max(this.t, target);
    await flush();
  }
  advance(ms: number): Promise<void> {
    return this.advanceTo(this.t + ms);
  }
}

/** The most starts that fall in any half-open window [s, s + windowMs); windows anchored at a start cover every case. */
export function maxStartsInAnyWindow(log: readonly number[], windowMs: number): number {
  const sorted = [...log].sort((a, b) => a - b);
  let best = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (j < sorted.length && (sorted[j] ?? Infinity) < (sorted[i] ?? 0) + windowMs) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

/** Deterministic pseudo-random numbers (mulberry32) so the mixed-load test is reproducible. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimulatedKartraOptions {
  upstreamMs: number;
  downstreamMs: number;
  /** ± share of each delay, drawn uniformly. */
  jitter: number;
  limit?: number;
  windowMs?: number;
  seed?: number;
}

/**
 * Kartra as the limiter meets it, in fake time: a request reaches a strict sliding window after its upstream
 * delay (refused with RateLimitedError when the window already holds `limit` accepted arrivals) and is answered
 * after its downstream delay. Shared by several limiters, it is one App's budget.
 */
export function simulatedKartra(clock: FakeClock, options: SimulatedKartraOptions) {
  const random = rng(options.seed ?? 1);
  const limit = options.limit ?? 20;
  const windowMs = options.windowMs ?? 1000;
  const accepted: number[] = [];
  const arrivals: { at: number; accepted: boolean; client: string }[] = [];
  const draw = (ms: number) => ms * (1 + options.jitter * (2 * random() - 1));
  const call = (client: string) =>
    new Promise<void>((resolve, reject) => {
      clock.setTimeout(() => {
        const now = clock.now();
        const inWindow = accepted.filter((t) => t > now - windowMs).length;
        const ok = inWindow < limit;
        if (ok) accepted.push(now);
        arrivals.push({ at: now, accepted: ok, client });
        clock.setTimeout(() => (ok ? resolve() : reject(new RateLimitedError())), draw(options.downstreamMs));
      }, draw(options.upstreamMs));
    });
  return { call, arrivals };
}
