// Tests for the sliding-window, laned, 429-retrying rate limiter, in fake time.
import { describe, expect, it } from 'vitest';
import type { Lane, LimiterState } from '../../../shared/domain/limiter';
import { KartraApiError, RateLimitedError } from './errors';
import { LimiterClosedError, RateLimiter, type RateLimiterOptions } from './rate-limiter';
import { FakeClock, flush, maxStartsInAnyWindow, rng } from './rate-limiter.testkit';

function setup(opts: Partial<RateLimiterOptions> = {}) {
  const clock = new FakeClock();
  const states: { at: number; state: LimiterState }[] = [];
  const limiter = new RateLimiter({ appId: 'app-1', clock, onState: (state) => states.push({ at: clock.t, state }), ...opts });
  const starts: { name: string; at: number }[] = [];
  /** A task that records its start and settles after `ms` of fake time (0 = right away). */
  const task =
    <T>(name: string, value: T, ms = 0, fail?: (attempt: number) => Error | undefined) =>
    () => {
      starts.push({ name, at: clock.t });
      const attempt = starts.filter((s) => s.name === name).length;
      return new Promise<T>((resolve, reject) => {
        const finish = () => {
          const error = fail?.(attempt);
          if (error) reject(error);
          else resolve(value);
        };
        if (ms === 0) finish();
        else clock.setTimeout(finish, ms);
      });
    };
  return { clock, limiter, states, starts, task };
}

describe('RateLimiter sliding window', () => {
  it('never lets more than `limit` starts into any window and runs at about `limit` per window', async () => {
    const { clock, limiter, starts, task } = setup({ onState: undefined });
    const results = Array.from({ length: 200 }, (_, i) => limiter.schedule('outbox', task(`t${i}`, i)));
    await clock.advanceTo(20_000);
    expect(await Promise.all(results)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const log = starts.map((s) => s.at);
    expect(maxStartsInAnyWindow(log, 1000)).toBe(20);
    // 200 tasks = 10 windows of 20; each next window opens 1000 ms + the 5 ms margin after the last.
    expect(new Set(log)).toEqual(new Set([0, 1005, 2010, 3015, 4020, 5025, 6030, 7035, 8040, 9045]));
    // One timer at a time, each set for exactly the next allowed start: 9 waits, no polling.
    expect(clock.maxPending).toBe(1);
    expect(clock.created).toBe(9);
    expect(clock.pending).toBe(0);
    limiter.close();
  });

  it('holds the window under a random mix of arrivals, durations and lanes', async () => {
    const { clock, limiter, starts, task } = setup({ limit: 7, windowMs: 500, safetyMarginMs: 0 });
    const random = rng(42);
    const lanes: Lane[] = ['interactive', 'outbox', 'bulk'];
    const results: Promise<number>[] = [];
    for (let i = 0; i < 300; i++) {
      const lane = lanes[Math.floor(random() * 3)] ?? 'bulk';
      results.push(limiter.schedule(lane, task(`r${i}`, i, Math.floor(random() * 900))));
      await clock.advance(Math.floor(random() * 40));
    }
    await clock.advance(60_000);
    expect((await Promise.all(results)).length).toBe(300);
    expect(maxStartsInAnyWindow(starts.map((s) => s.at), 500)).toBe(7);
    expect(limiter.state()).toMatchObject({ inFlight: 0, queued: { interactive: 0, outbox: 0, bulk: 0 }, startsLastSecond: 0 });
    limiter.close();
  });

  it('widens the window by the safety margin', async () => {
    const { clock, limiter, starts, task } = setup({ limit: 2, safetyMarginMs: 30 });
    const done = ['a', 'b', 'c'].map((name) => limiter.schedule('outbox', task(name, name)));
    await clock.advance(1029);
    expect(starts.map((s) => s.name)).toEqual(['a', 'b']);
    await clock.advance(1);
    expect(starts.at(-1)).toEqual({ name: 'c', at: 1030 });
    await Promise.all(done);
    limiter.close();
  });

  it('lets a task start again within one window after the wall clock steps backwards', async () => {
    const { clock, limiter, starts, task } = setup({ limit: 2 });
    clock.t = 50_000;
    await Promise.all([limiter.schedule('outbox', task('a', 1)), limiter.schedule('outbox', task('b', 2))]);
    clock.t = 10_000; // the system clock was corrected by 40 s
    const c = limiter.schedule('outbox', task('c', 3));
    await clock.advance(1005);
    await expect(c).resolves.toBe(3);
    expect(starts.at(-1)?.at).toBeLessThanOrEqual(11_005);
    limiter.close();
  });
});

describe('RateLimiter lanes', () => {
  it('starts interactive before outbox before bulk, FIFO within each lane', async () => {
    const { clock, limiter, starts, task } = setup({ limit: 2 });
    const all = [
      limiter.schedule('bulk', task('b1', 0)), // the window is empty
      limiter.schedule('bulk', task('b2', 0)), // a bulk job's first window is spread (0.9 × 1000/2 ms apart): b2 waits
      limiter.schedule('bulk', task('b3', 0)),
      limiter.schedule('outbox', task('o1', 0)),
      limiter.schedule('bulk', task('b4', 0)),
      limiter.schedule('outbox', task('o2', 0)),
      limiter.schedule('interactive', task('i1', 0)),
      limiter.schedule('interactive', task('i2', 0)),
      limiter.schedule('outbox', task('o3', 0)),
    ];
    await clock.advance(1500);
    // A click while outbox and bulk work is waiting jumps the queue.
    all.push(limiter.schedule('interactive', task('i3', 0)));
    await clock.advanceTo(10_000);
    await Promise.all(all);
    // o1 takes the window's second slot at once: a bulk start's pacing never holds back another lane.
    expect(starts.map((s) => s.name)).toEqual(['b1', 'o1', 'i1', 'i2', 'i3', 'o2', 'o3', 'b2', 'b3', 'b4']);
    expect(starts.map((s) => s.at)).toEqual([0, 0, 1005, 1005, 2010, 2010, 3015, 3015, 4020, 4020]);
    limiter.close();
  });

  it("spreads a bulk job's first window, whose slots later starts keep, and lets interactive and outbox work go at once", async () => {
    // A bulk backlog sent in bursts keeps its slots bunched, leaving another client of the App no room but a few ms
    // a second; spread, the room is spread too (aimd.ts). A click or a few edits should not wait for each other.
    const { clock, limiter, starts, task } = setup({ limit: 4 });
    const bulk = Array.from({ length: 8 }, (_, i) => limiter.schedule('bulk', task(`b${i}`, i)));
    await clock.advanceTo(3000);
    await Promise.all(bulk);
    // 0.9 × 1000/4 = 225 ms apart; then each start takes the slot of the one a window (1000 + 5 ms) before it.
    expect(starts.map((s) => s.at)).toEqual([0, 225, 450, 675, 1005, 1230, 1455, 1680]);
    expect(maxStartsInAnyWindow(starts.map((s) => s.at), 1000)).toBe(4);
    // After two idle windows the next bulk work is a new first window, spread again.
    starts.length = 0;
    await clock.advanceTo(5000);
    const again = [0, 1].map((i) => limiter.schedule('bulk', task(`c${i}`, i)));
    await clock.advance(1000);
    await Promise.all(again);
    expect(starts.map((s) => s.at)).toEqual([5000, 5225]);
    starts.length = 0;
    await clock.advanceTo(10_000); // idle: the window is empty again
    const now = [...['i1', 'i2'].map((n) => limiter.schedule('interactive', task(n, n))), ...['o1', 'o2'].map((n) => limiter.schedule('outbox', task(n, n)))];
    await Promise.all(now);
    expect(starts).toEqual([
      { name: 'i1', at: 10_000 },
      { name: 'i2', at: 10_000 },
      { name: 'o1', at: 10_000 },
      { name: 'o2', at: 10_000 },
    ]);
    limiter.close();
  });

  it('runs started tasks concurrently and times the window from send times, not answers', async () => {
    // Requests sent a window apart arrive a window apart (± the learned spread): a slow answer holds no slot.
    const { clock, limiter, starts, task } = setup({ limit: 3 });
    // An answer: connections are warm and starts count from sends. 5 s is this server's typical round trip.
    const warm = limiter.schedule('outbox', task('warm', 'warm', 5000));
    await clock.advance(5000);
    await warm;
    await clock.advance(1005); // idle for less than two windows: still warm (see the next test)
    const all = ['a', 'b', 'c', 'd'].map((name) => limiter.schedule('outbox', task(name, name, 5000)));
    expect(limiter.state().inFlight).toBe(3);
    await clock.advance(1004);
    expect(starts.map((s) => s.name)).toEqual(['warm', 'a', 'b', 'c']);
    await clock.advance(1); // 1000 ms window + the 5 ms base margin after a, b and c were sent; none has answered
    expect(starts.map((s) => s.name)).toEqual(['warm', 'a', 'b', 'c', 'd']);
    expect(limiter.state().inFlight).toBe(4);
    await clock.advance(6000);
    await Promise.all(all);
    expect(limiter.state().inFlight).toBe(0);
    limiter.close();
  });
});

describe('RateLimiter after an idle spell', () => {
  it('counts the first window of a burst after two windows of idleness from its answers', async () => {
    // The burst leaves the client one request after another, later than the sends it would be counted from: its
    // first window is timed from answers, as a cold start's is; the next one is warm again.
    const { clock, limiter, starts, task } = setup({ limit: 3 });
    await Promise.all([limiter.schedule('outbox', task('warm', 'warm', 300)), clock.advance(300)]);
    await clock.advance(2100);
    const all = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => limiter.schedule('outbox', task(name, name, 300)));
    await clock.advanceTo(3704);
    expect(starts.map((s) => s.name)).toEqual(['warm', 'a', 'b', 'c']); // sent at 2400, answered at 2700
    await clock.advanceTo(3705);
    expect(starts.slice(4)).toEqual([{ name: 'd', at: 3705 }, { name: 'e', at: 3705 }, { name: 'f', at: 3705 }]);
    await clock.advanceTo(4710); // warm again: g counts d's window from its send, 1000 ms + the 5 ms base margin
    expect(starts.slice(7)).toEqual([{ name: 'g', at: 4710 }]);
    await clock.advanceTo(7000);
    await Promise.all(all);
    limiter.close();
  });
});

describe('RateLimiter after a stall', () => {
  // Kartra counts a request when it arrives, somewhere between its send and its answer. A round trip far beyond
  // the typical one (a busy event loop on either side) says nothing of where in between: its answer is the bound.
  async function warmUp(clock: FakeClock, limiter: RateLimiter, task: ReturnType<typeof setup>['task']) {
    // Typical round trip 0 ms, and enough of them that the learned margin ignores two stalls (its 95th percentile).
    const warm = Array.from({ length: 60 }, (_, i) => limiter.schedule('outbox', task(`w${i}`, i)));
    await clock.advance(31 * 1005);
    await Promise.all(warm);
    expect(limiter.guardMs).toBe(5);
    await clock.advance(1005);
  }

  it('counts an answered stall from its answer, not from its send plus the learned margin', async () => {
    const { clock, limiter, starts, task } = setup({ limit: 2 });
    await warmUp(clock, limiter, task);
    const t0 = clock.t;
    const first = [limiter.schedule('outbox', task('a', 'a', 400)), limiter.schedule('outbox', task('b', 'b', 400))];
    const next = limiter.schedule('outbox', task('c', 'c'));
    await clock.advance(400);
    await Promise.all(first);
    await clock.advance(605); // send + window + margin: enough for a typical request, not for a 400 ms stall
    expect(starts.map((s) => s.name)).not.toContain('c');
    await clock.advance(400); // answer + window + margin
    expect(starts.find((s) => s.name === 'c')?.at).toBe(t0 + 400 + 1005);
    await next;
    limiter.close();
  });

  it('holds the slot of a request that is still unanswered long past the typical round trip, until it answers', async () => {
    const { clock, limiter, starts, task } = setup({ limit: 2 });
    await warmUp(clock, limiter, task);
    const t0 = clock.t;
    const stalled = [limiter.schedule('outbox', task('a', 'a', 3000)), limiter.schedule('outbox', task('b', 'b', 3000))];
    const next = limiter.schedule('outbox', task('c', 'c'));
    await clock.advance(2999);
    expect(starts.map((s) => s.name)).not.toContain('c');
    await clock.advance(1);
    await Promise.all(stalled);
    await clock.advance(1005);
    expect(starts.find((s) => s.name === 'c')?.at).toBe(t0 + 3000 + 1005);
    await next;
    limiter.close();
  });
});

describe('RateLimiter after a network failure', () => {
  it('counts a failed send from its failure, and goes on (no slot held forever by a request that never answered)', async () => {
    const { clock, limiter, starts, task } = setup({ limit: 2 });
    const warm = [0, 1, 2].map((i) => limiter.schedule('outbox', task(`w${i}`, i)));
    await clock.advance(1005);
    await Promise.all(warm);
    await clock.advance(1005);
    const t0 = clock.t;
    const reset = () => new Error('socket hang up');
    const failing = [task('a', 'a', 3000, reset), task('b', 'b', 3000, reset)].map((t) => limiter.schedule('outbox', t).catch((e: Error) => e.message));
    const next = limiter.schedule('outbox', task('c', 'c'));
    await clock.advance(3000);
    expect(await Promise.all(failing)).toEqual(['socket hang up', 'socket hang up']);
    await clock.advance(1005);
    expect(starts.find((s) => s.name === 'c')?.at).toBe(t0 + 3000 + 1005);
    expect(await next).toBe('c');
    limiter.close();
  });
});

describe('RateLimiter on 429', () => {
  const once429 = (attempt: number) => (attempt === 1 ? new RateLimitedError() : undefined);

  it('counts a cold first window from its answers (a connection set-up may delay those arrivals)', async () => {
    const { clock, limiter, starts, task } = setup({ limit: 2 });
    const all = ['a', 'b', 'c', 'd', 'e'].map((name) => limiter.schedule('outbox', task(name, name, 300)));
    await clock.advanceTo(1304);
    expect(starts.map((s) => s.name)).toEqual(['a', 'b']); // sent at 0, answered at 300: nothing before 1305
    await clock.advanceTo(1305);
    expect(starts.map((s) => s.at)).toEqual([0, 0, 1305, 1305]); // warm now: c and d count from their sends
    await clock.advanceTo(2310);
    expect(starts.map((s) => s.at)).toEqual([0, 0, 1305, 1305, 2310]);
    await clock.advanceTo(5000);
    await Promise.all(all);
    limiter.close();
  });

  it('pauses every lane >= pauseOn429Ms, retries the failed task first, drops nothing', async () => {
    const { clock, limiter, starts, task } = setup();
    const results = Array.from({ length: 30 }, (_, i) => limiter.schedule('outbox', task(`t${i}`, i, 50, i === 5 ? once429 : undefined)));
    await clock.advance(50); // t0..t19 started at 0; t5 comes back with 429 at 50
    expect(limiter.state()).toMatchObject({ count429: 1, pausedUntil: 1050, queued: { outbox: 11 }, limit: 10 }); // a 429 at the full share halves it (aimd.ts)
    await clock.advance(500);
    const click = limiter.schedule('interactive', task('click', 'clicked'));
    await clock.advanceTo(1049);
    expect(starts.filter((s) => s.at > 0)).toEqual([]); // the pause holds every lane (the cold window opens at 50 + 1005)
    await clock.advanceTo(5000);
    expect(await Promise.all(results)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    await expect(click).resolves.toBe('clicked');
    const after = starts.filter((s) => s.at > 0);
    expect(after[0]).toEqual({ name: 'click', at: 1055 }); // interactive still goes first...
    expect(after[1]).toEqual({ name: 't5', at: 1155 }); // ...then the failed task, ahead of its lane, paced: at a share of 10, starts come 100 ms apart
    expect(after.slice(2).map((s) => s.name)).toEqual(['t20', 't21', 't22', 't23', 't24', 't25', 't26', 't27', 't28', 't29']);
    expect(maxStartsInAnyWindow(starts.map((s) => s.at), 1000)).toBeLessThanOrEqual(20);
    expect(limiter.state()).toMatchObject({ count429: 1, pausedUntil: null, limit: 11 }); // one clean window of 10 answers since: + 1
    limiter.close();
  });

  it('keeps arrival order when several tasks of a lane come back with 429, and never bursts past the limit after the pause', async () => {
    const { clock, limiter, starts, task } = setup({ limit: 4 });
    const results = [
      limiter.schedule('outbox', task('a', 'a', 10)),
      limiter.schedule('outbox', task('b', 'b', 300, once429)), // fails last
      limiter.schedule('outbox', task('c', 'c', 100, once429)), // fails first
      limiter.schedule('outbox', task('d', 'd', 10)),
      ...['e', 'f', 'g', 'h', 'i'].map((name) => limiter.schedule('outbox', task(name, name))),
    ];
    await clock.advanceTo(10_000);
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    // The second 429 (b at 300) extends the pause to 1300; b goes before c because it arrived first. Round trips of
    // 10..300 ms here read as a jittery network, so the learned margin widens the window well past 1000 ms.
    expect(starts.slice(4).map((s) => s.name)).toEqual(['b', 'c', 'e', 'f', 'g', 'h', 'i']);
    expect(starts[4]!.at).toBeGreaterThanOrEqual(1300);
    expect(limiter.guardMs).toBeGreaterThan(100);
    expect(maxStartsInAnyWindow(starts.map((s) => s.at), 1000)).toBeLessThanOrEqual(4);
    expect(limiter.state().count429).toBe(2);
    limiter.close();
  });

  it('gives up after max429Retries and rethrows the RateLimitedError', async () => {
    const { clock, limiter, starts, task } = setup({ max429Retries: 2 });
    const always429 = () => new RateLimitedError();
    const doomed = limiter.schedule('interactive', task('x', 'x', 20, always429));
    const rejected = expect(doomed).rejects.toBeInstanceOf(RateLimitedError);
    const fine = limiter.schedule('outbox', task('y', 'y'));
    await clock.advanceTo(10_000);
    await rejected;
    await expect(fine).resolves.toBe('y');
    expect(starts.filter((s) => s.name === 'x').map((s) => s.at)).toEqual([0, 1020, 2040]); // 1 try + 2 retries, each >= 1 s after a 429
    expect(limiter.state().count429).toBe(3);
    limiter.close();
  });

  it('passes any other error to the caller unchanged, without pausing', async () => {
    const { clock, limiter, task } = setup();
    const kartraError = new KartraApiError('212', 'Lead not found', 'edit_lead');
    const failing = limiter.schedule('outbox', task('k', 0, 10, () => kartraError));
    const thrown = new Error('synchronous bug');
    const syncThrow = limiter.schedule('outbox', () => {
      throw thrown;
    });
    const rejections = Promise.allSettled([failing, syncThrow]);
    await clock.advance(20);
    const [a, b] = await rejections;
    expect(a).toEqual({ status: 'rejected', reason: kartraError });
    expect(b).toEqual({ status: 'rejected', reason: thrown });
    expect(limiter.state()).toMatchObject({ count429: 0, pausedUntil: null, inFlight: 0 });
    limiter.close();
  });
});

describe('RateLimiter state, events and close', () => {
  it('reports queue sizes, in-flight work, starts in the last window and the pause', async () => {
    const { clock, limiter, task } = setup({ limit: 3 });
    const all = [
      ...['a', 'b', 'c', 'd'].map((name) => limiter.schedule('outbox', task(name, name, 400, name === 'a' ? (n) => (n === 1 ? new RateLimitedError() : undefined) : undefined))),
      limiter.schedule('bulk', task('e', 'e')),
      limiter.schedule('interactive', task('f', 'f')),
    ];
    expect(limiter.state()).toEqual({
      appId: 'app-1',
      queued: { interactive: 1, outbox: 1, bulk: 1 },
      inFlight: 3,
      startsLastSecond: 3,
      limit: 3,
      count429: 0,
      pausedUntil: null,
    });
    await clock.advance(400); // a: 429 → paused until 1400, share 3 × (1 − 0.5) → 1 start a window; b, c done
    expect(limiter.state()).toEqual({
      appId: 'app-1',
      queued: { interactive: 1, outbox: 2, bulk: 1 },
      inFlight: 0,
      startsLastSecond: 3,
      limit: 1,
      count429: 1,
      pausedUntil: 1400,
    });
    await clock.advanceTo(1200);
    expect(limiter.state().startsLastSecond).toBe(0);
    await clock.advanceTo(10_000);
    await Promise.all(all);
    expect(limiter.state()).toMatchObject({ queued: { interactive: 0, outbox: 0, bulk: 0 }, inFlight: 0, pausedUntil: null, count429: 1 });
    limiter.close();
  });

  it('throttles onState to about 10 per second and ends with an idle state', async () => {
    const { clock, limiter, states, task } = setup();
    const all = Array.from({ length: 120 }, (_, i) => limiter.schedule(i % 2 ? 'outbox' : 'bulk', task(`t${i}`, i, 7 + (i % 13) * 31)));
    await clock.advanceTo(30_000);
    await Promise.all(all);
    expect(states.length).toBeGreaterThan(5);
    const times = states.map((s) => s.at);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(100 - 1e-9);
    expect(maxStartsInAnyWindow(times, 1000)).toBeLessThanOrEqual(10);
    expect(states.at(-1)?.state).toEqual({
      appId: 'app-1',
      queued: { interactive: 0, outbox: 0, bulk: 0 },
      inFlight: 0,
      startsLastSecond: 0,
      limit: 20,
      count429: 0,
      pausedUntil: null,
    });
    expect(clock.pending).toBe(0); // nothing left ticking once idle
    limiter.close();
  });

  it('emits a burst of starts as one event, and a trailing one for the last change', async () => {
    const { clock, limiter, states, task } = setup();
    const all = Array.from({ length: 5 }, (_, i) => limiter.schedule('outbox', task(`t${i}`, i, 30)));
    await flush();
    expect(states.map((s) => s.state.inFlight)).toEqual([5]);
    await clock.advance(30); // all five finish inside the 100 ms throttle interval
    expect(states).toHaveLength(1);
    await clock.advance(70);
    expect(states.at(-1)).toMatchObject({ at: 100, state: { inFlight: 0, startsLastSecond: 5 } });
    await clock.advance(1000);
    expect(states.at(-1)).toMatchObject({ at: 1000, state: { inFlight: 0, startsLastSecond: 0 } });
    await Promise.all(all);
    limiter.close();
  });

  it('close() rejects queued tasks with LimiterClosedError, lets running ones finish and clears its timers', async () => {
    const { clock, limiter, task } = setup({ limit: 2 });
    const running = [limiter.schedule('outbox', task('a', 'a', 50)), limiter.schedule('outbox', task('b', 'b', 50))];
    const queued = [limiter.schedule('bulk', task('c', 'c')), limiter.schedule('interactive', task('d', 'd'))];
    const queuedOutcome = Promise.allSettled(queued);
    limiter.close();
    const outcome = await queuedOutcome;
    for (const result of outcome) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason as LimiterClosedError;
      expect(reason).toBeInstanceOf(LimiterClosedError);
      expect(reason.code).toBe('not_connected');
      expect(reason.message).toMatch(/closed.*did not process/);
    }
    expect(clock.pending).toBe(2); // only tasks a and b's own 50 ms timers remain: none of the limiter's
    await clock.advance(50);
    await expect(Promise.all(running)).resolves.toEqual(['a', 'b']);
    await expect(limiter.schedule('interactive', task('e', 'e'))).rejects.toBeInstanceOf(LimiterClosedError);
    expect(clock.pending).toBe(0);
  });

  it('rejects bad options and bad schedule calls with specific errors', async () => {
    expect(() => new RateLimiter({ appId: '' })).toThrow(/non-empty appId/);
    expect(() => new RateLimiter({ appId: 'x', limit: 0 })).toThrow(/limit must be an integer >= 1, got 0/);
    expect(() => new RateLimiter({ appId: 'x', limit: 2.5 })).toThrow(/limit must be an integer/);
    expect(() => new RateLimiter({ appId: 'x', windowMs: Number.NaN })).toThrow(/windowMs/);
    expect(() => new RateLimiter({ appId: 'x', pauseOn429Ms: -1 })).toThrow(/pauseOn429Ms/);
    expect(() => new RateLimiter({ appId: 'x', max429Retries: -1 })).toThrow(/max429Retries/);
    expect(() => new RateLimiter({ appId: 'x', safetyMarginMs: Infinity })).toThrow(/safetyMarginMs/);
    const limiter = new RateLimiter({ appId: 'x', clock: new FakeClock() });
    await expect(limiter.schedule('urgent' as Lane, async () => 1)).rejects.toThrow(/Unknown limiter lane "urgent"; expected one of: interactive, outbox, bulk/);
    await expect(limiter.schedule('bulk', 'nope' as unknown as () => Promise<number>)).rejects.toThrow(/task function/);
    expect(limiter.state().queued).toEqual({ interactive: 0, outbox: 0, bulk: 0 });
    limiter.close();
  });
});
