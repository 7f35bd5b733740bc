// The write queue's scheduler: lanes in priority order, one write per lead at a time, a cap for bulk rows, pause.
import { describe, expect, it } from 'vitest';
import { LaneSlots, leadKey } from './lane-slots';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LaneSlots', () => {
  it('grants freed slots interactive first, then replay, then bulk; FIFO within a lane', async () => {
    const slots = new LaneSlots({ total: 1, bulk: 1 });
    const order: string[] = [];
    const first = await slots.acquire('bulk', 'a');
    const take = (lane: 'interactive' | 'replay' | 'bulk', key: string) => void slots.acquire(lane, key).then((release) => (order.push(`${lane}:${key}`), release()));
    take('bulk', 'b');
    take('replay', 'c');
    take('interactive', 'd');
    take('interactive', 'e');
    first();
    await tick();
    await tick();
    expect(order).toEqual(['interactive:d', 'interactive:e', 'replay:c', 'bulk:b']);
  });

  it('never runs two writes of one lead at once, whatever their lanes', async () => {
    const slots = new LaneSlots({ total: 4, bulk: 4 });
    const release = await slots.acquire('bulk', leadKey({ email: 'Ann@Example.com' }));
    let second = false;
    void slots.acquire('interactive', leadKey({ email: 'ann@example.com' })).then(() => (second = true));
    await tick();
    expect(second).toBe(false);
    release();
    await tick();
    expect(second).toBe(true);
  });

  it('keeps room beside bulk rows, and starts nothing while paused', async () => {
    const slots = new LaneSlots({ total: 3, bulk: 2 });
    await slots.acquire('bulk', 'a');
    await slots.acquire('bulk', 'b');
    let third = false;
    void slots.acquire('bulk', 'c').then(() => (third = true));
    await tick();
    expect(third).toBe(false);
    slots.pause();
    let click = false;
    void slots.acquire('interactive', 'd').then(() => (click = true));
    await tick();
    expect(click).toBe(false);
    slots.resume();
    await tick();
    expect(click).toBe(true);
    expect(third).toBe(false);
  });
});
