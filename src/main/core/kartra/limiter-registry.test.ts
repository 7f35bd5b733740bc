// Tests for the per-App limiter registry: sharing, isolation between Apps, state fan-in and closing.
import { describe, expect, it } from 'vitest';
import type { LimiterState } from '../../../shared/domain/limiter';
import { LimiterRegistry } from './limiter-registry';
import { LimiterClosedError, type LimiterClock } from './rate-limiter';

/** A clock whose time only moves when the test says so; timers fire from advance(). */
function manualClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: LimiterClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((timer) => timer.id !== handle);
    },
  };
  const advance = async (ms: number) => {
    const target = now + ms;
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const due = timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      timers = timers.filter((timer) => timer !== due);
      now = due.at;
      due.fn();
    }
    now = target;
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  return { clock, advance, pending: () => timers.length };
}

describe('LimiterRegistry', () => {
  it('hands every account of one App the same limiter, so they share its window', async () => {
    const { clock, advance } = manualClock();
    const registry = new LimiterRegistry({ limit: 2, clock });
    const first = registry.get('app-a');
    const second = registry.get('app-a');
    expect(second).toBe(first);
    const started: number[] = [];
    const run = () => {
      started.push(clock.now());
      return Promise.resolve();
    };
    const all = [first.schedule('outbox', run), second.schedule('interactive', run), second.schedule('bulk', run)];
    await advance(2000);
    await Promise.all(all);
    expect(started).toEqual([0, 0, 1005]); // the third call waited: both accounts count against App a's 2 per window
    registry.closeAll();
  });

  it('keeps different Apps independent and reports each one by appId', async () => {
    const { clock, advance } = manualClock();
    const seen: LimiterState[] = [];
    const registry = new LimiterRegistry({ limit: 1, clock, onState: (state) => seen.push(state) });
    const a = registry.get('app-a');
    const b = registry.get('app-b');
    expect(b).not.toBe(a);
    const started: string[] = [];
    const all = [
      a.schedule('bulk', async () => started.push('a1')),
      a.schedule('bulk', async () => started.push('a2')),
      b.schedule('bulk', async () => started.push('b1')),
    ];
    await advance(10);
    expect(started).toEqual(['a1', 'b1']); // App b is not held back by App a's full window
    expect(registry.states().map((s) => [s.appId, s.queued.bulk, s.limit])).toEqual([
      ['app-a', 1, 1],
      ['app-b', 0, 1],
    ]);
    await advance(2000);
    await Promise.all(all);
    expect(new Set(seen.map((s) => s.appId))).toEqual(new Set(['app-a', 'app-b']));
    registry.closeAll();
  });

  it('closeAll() rejects queued work everywhere, clears timers, and later get() builds a fresh limiter', async () => {
    const { clock, advance, pending } = manualClock();
    const registry = new LimiterRegistry({ limit: 1, clock, onState: () => {} });
    const old = registry.get('app-a');
    const done = old.schedule('interactive', async () => 'sent');
    const waiting = old.schedule('interactive', async () => 'never');
    const waitingOutcome = expect(waiting).rejects.toBeInstanceOf(LimiterClosedError);
    await expect(done).resolves.toBe('sent');
    registry.closeAll();
    await waitingOutcome;
    expect(pending()).toBe(0);
    expect(registry.states()).toEqual([]);
    const fresh = registry.get('app-a');
    expect(fresh).not.toBe(old);
    await expect(fresh.schedule('outbox', async () => 'ok')).resolves.toBe('ok');
    await advance(5000);
    registry.closeAll();
    expect(pending()).toBe(0);
  });

  it('rejects bad options at construction and a blank appId at get()', () => {
    expect(() => new LimiterRegistry({ limit: -3 })).toThrow(/limit must be an integer >= 1, got -3/);
    const registry = new LimiterRegistry();
    expect(() => registry.get('')).toThrow(/non-empty appId/);
    expect(() => registry.get('   ')).toThrow(/non-empty appId/);
    registry.closeAll();
  });
});
