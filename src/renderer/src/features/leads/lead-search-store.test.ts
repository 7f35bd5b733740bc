import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandInput, CommandOutput } from '../../../../shared/ipc/contract';
import type { Envelope } from '../../../../shared/ipc/envelope';
import { makeApi } from '../../../../shared/ipc/make-api';
import { deferred, FakeCore, ok } from '../../testing/fake-core';
import { makeLead } from '../../testing/fixtures';
import { createLeadSearchStore, MAX_PAGES_KEPT, PAGE_SIZE } from './lead-search-store';
import { toRow } from '../../workspace/testing/workspace-fake-core';

type SearchReply = Envelope<CommandOutput<'leads.search'>>;

/** Pages of `count` cached leads named "Lead 00001"…, as the real core answers them. */
function pagesOf(count: number) {
  return ({ offset = 0, limit = 100 }: CommandInput<'leads.search'>): SearchReply => {
    const rows = Array.from({ length: Math.max(0, Math.min(limit, count - offset)) }, (_, i) =>
      toRow(makeLead({ id: String(offset + i + 1), first_name: 'Lead', last_name: String(offset + i + 1).padStart(5, '0') })),
    );
    return ok({ rows, total: count, tookMs: 2, newestSeenAt: 1 });
  };
}

function bigCore(count: number) {
  return new FakeCore().answer('leads.search', pagesOf(count));
}

afterEach(() => vi.useRealTimers());

/** The fake core answers at once: one macrotask lets every reply land. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('lead search store', () => {
  it('reads only the pages the table shows, once each', async () => {
    const core = bigCore(100_000);
    const store = createLeadSearchStore(makeApi(core));
    await store.getState().searchNow();
    expect(store.getState().total).toBe(100_000);
    expect(store.getState().rowAt(0)?.name).toBe('Lead 00001');
    expect(store.getState().rowAt(PAGE_SIZE)).toBeUndefined();

    store.getState().ensureRange(50_000, 50_030);
    store.getState().ensureRange(50_005, 50_035);
    await vi.waitFor(() => expect(store.getState().rowAt(50_030)?.name).toBe('Lead 50031'));
    const offsets = core.callsOf('leads.search').map((c) => c.offset);
    expect(offsets).toEqual([0, 50_000]);
  });

  it('keeps one batch in flight during a fast fling, then reads where the table is', async () => {
    const core = bigCore(100_000);
    const store = createLeadSearchStore(makeApi(core));
    await store.getState().searchNow();
    const held = deferred<SearchReply>();
    const answer = pagesOf(100_000);
    core.answer('leads.search', (input) => (input.offset === 1000 ? held.promise : answer(input)));
    for (let row = 1000; row <= 90_000; row += 1500) store.getState().ensureRange(row, row + 25);
    expect(core.callsOf('leads.search').map((c) => c.offset)).toEqual([0, 1000]);
    held.resolve(answer({ query: '', offset: 1000, limit: 100 }));
    await vi.waitFor(() => expect(store.getState().rowAt(89_500 + 25)).toBeDefined());
    expect(core.callsOf('leads.search').map((c) => c.offset)).toEqual([0, 1000, 89_500]);
  });

  it('reads the pages on both sides when the visible rows straddle a page boundary', async () => {
    const core = bigCore(1000);
    const store = createLeadSearchStore(makeApi(core));
    await store.getState().searchNow();
    store.getState().ensureRange(190, 215);
    await vi.waitFor(() => expect(store.getState().rowAt(215)).toBeDefined());
    expect(core.callsOf('leads.search').map((c) => c.offset)).toEqual([0, 100, 200]);
  });

  it('keeps a bounded number of pages while scrolling far', async () => {
    const core = bigCore(100_000);
    const store = createLeadSearchStore(makeApi(core));
    await store.getState().searchNow();
    for (let page = 1; page < MAX_PAGES_KEPT + 20; page++) {
      store.getState().ensureRange(page * PAGE_SIZE, page * PAGE_SIZE + 20);
      await settled();
      expect(store.getState().rowAt(page * PAGE_SIZE)).toBeDefined();
    }
    // The first pages were dropped; scrolling back reads them again.
    expect(store.getState().rowAt(0)).toBeUndefined();
    store.getState().ensureRange(0, 20);
    await vi.waitFor(() => expect(store.getState().rowAt(0)?.name).toBe('Lead 00001'));
  });

  it('drops the answer of an older query that arrives after a newer one', async () => {
    const core = new FakeCore();
    const slow = deferred<SearchReply>();
    core.answer('leads.search', ({ query }: CommandInput<'leads.search'>) => {
      if (query === 'ad') return slow.promise;
      return ok({ rows: [toRow(makeLead())], total: 1, tookMs: 1, newestSeenAt: 1 });
    });
    const store = createLeadSearchStore(makeApi(core));
    store.getState().setQuery('ad');
    const older = store.getState().searchNow();
    store.getState().setQuery('ada');
    await store.getState().searchNow();
    slow.resolve(ok({ rows: [toRow(makeLead({ id: '9', first_name: 'Adam' }))], total: 7, tookMs: 1, newestSeenAt: 1 }));
    await older;
    expect(store.getState().shownQuery).toBe('ada');
    expect(store.getState().total).toBe(1);
    expect(store.getState().rowAt(0)?.id).toBe('1001');
  });

  it('debounces typing: one search for a burst of keystrokes', async () => {
    vi.useFakeTimers();
    const core = bigCore(10);
    const store = createLeadSearchStore(makeApi(core), { debounceMs: 70 });
    for (const q of ['a', 'ad', 'ada']) {
      store.getState().setQuery(q);
      await vi.advanceTimersByTimeAsync(30);
    }
    expect(core.callsOf('leads.search')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(70);
    expect(core.callsOf('leads.search').map((c) => c.query)).toEqual(['ada']);
    store.getState().dispose();
  });

  it('refresh re-reads the shown pages and keeps the rows meanwhile', async () => {
    const core = bigCore(300);
    const store = createLeadSearchStore(makeApi(core));
    await store.getState().searchNow();
    const held = deferred<SearchReply>();
    core.answer('leads.search', () => held.promise);
    store.getState().refresh();
    expect(store.getState().rowAt(0)?.name).toBe('Lead 00001');
    held.resolve(ok({ rows: [toRow(makeLead({ id: '1', first_name: 'Renamed', last_name: '' }))], total: 1, tookMs: 1, newestSeenAt: 2 }));
    await vi.waitFor(() => expect(store.getState().rowAt(0)?.name).toBe('Renamed'));
    expect(store.getState().total).toBe(1);
  });

  it('keeps the rows and reports the error when a page cannot be read', async () => {
    const core = bigCore(300);
    const store = createLeadSearchStore(makeApi(core));
    await store.getState().searchNow();
    core.answer('leads.search', () => ({ ok: false, error: { code: 'internal', message: 'database is locked', retryable: true } }));
    store.getState().ensureRange(150, 170);
    await vi.waitFor(() => expect(store.getState().error?.message).toBe('database is locked'));
    expect(store.getState().rowAt(0)).toBeDefined();
  });

  it('selects rows, toggles all loaded ones, keeps the selection on a refresh and drops it on a new query', async () => {
    const store = createLeadSearchStore(makeApi(bigCore(250)), { debounceMs: 0 });
    await store.getState().searchNow();
    store.getState().ensureRange(100, 150);
    await vi.waitFor(() => expect(store.getState().rowAt(150)).toBeDefined());
    expect(store.getState().loadedIds()).toHaveLength(200);

    store.getState().toggleSelected('3');
    store.getState().toggleSelected('7');
    store.getState().toggleSelected('3');
    expect([...store.getState().selected]).toEqual(['7']);
    store.getState().toggleAllLoaded();
    expect(store.getState().selected.size).toBe(200);
    store.getState().toggleAllLoaded();
    expect(store.getState().selected.size).toBe(0);

    store.getState().toggleSelected('7');
    store.getState().refresh();
    await store.getState().searchNow();
    expect([...store.getState().selected]).toEqual(['7']);
    store.getState().setQuery('lead 1');
    await vi.waitFor(() => expect(store.getState().shownQuery).toBe('lead 1'));
    expect(store.getState().selected.size).toBe(0);
    store.getState().dispose();
  });
});
