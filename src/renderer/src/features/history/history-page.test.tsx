// @vitest-environment happy-dom
import '../../testing/setup-dom';
import '../../workspace/testing/dom-extras';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../shared/domain/history';
import { ok } from '../../testing/fake-core';
import { renderWorkspace } from '../../workspace/testing/render-workspace';
import { makeWorkspaceCore } from '../../workspace/testing/workspace-fake-core';

const entry = (id: number, over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  accountId: 'sandbox',
  leadId: '1001',
  leadEmail: 'ada@example.com',
  at: 1_780_000_000_000 + id * 1000,
  settledAt: null,
  source: 'edit',
  jobId: null,
  summary: `Write ${id}`,
  actions: [{ cmd: 'assign_tag', summary: 'Assign tag VIP', outcome: 'done', kartraType: null, message: null }],
  fields: [],
  undo: { possible: false, reason: null },
  ...over,
});

/** A stand-in for history.list that pages `all` newest first, as the core does (its filters are tested in core). */
function answerHistory(kit: ReturnType<typeof makeWorkspaceCore>, all: HistoryEntry[]) {
  kit.core.answer('history.list', ({ beforeId, limit = 100 }) => {
    const older = all.filter((e) => beforeId === undefined || e.id < beforeId).sort((a, b) => b.id - a.id);
    const entries = older.slice(0, limit);
    return ok({ entries, nextBeforeId: older.length > limit ? entries.at(-1)!.id : null });
  });
}

async function openHistory(kit: ReturnType<typeof makeWorkspaceCore>) {
  const view = renderWorkspace(kit);
  fireEvent.click(await screen.findByRole('tab', { name: /History/ }));
  const feed = await screen.findByRole('feed', { name: 'History' });
  return { ...view, feed };
}

describe('History page', () => {
  it('shows each write with source, lead, per-action outcomes (Kartra’s message when failed) and fields before/after', async () => {
    const kit = makeWorkspaceCore();
    answerHistory(kit, [
      entry(1, {
        source: 'import',
        jobId: 'job-12345678',
        summary: 'Create lead ada@example.com · Assign tag VIP · Give 10 points',
        actions: [
          { cmd: 'create_lead', summary: 'Create lead ada@example.com', outcome: 'done', kartraType: null, message: null },
          { cmd: 'assign_tag', summary: 'Assign tag VIP', outcome: 'failed', kartraType: '220', message: 'Tag not found' },
          { cmd: 'give_points_to_lead', summary: 'Give 10 points', outcome: 'needs_check', kartraType: null, message: 'Score also moved' },
        ],
      }),
      entry(2, {
        summary: 'Edit city',
        actions: [{ cmd: 'edit_lead', summary: 'Edit city', outcome: 'unknown', kartraType: null, message: null }],
        fields: [{ field: 'city', before: 'London', after: 'Paris' }],
      }),
    ]);
    const { feed } = await openHistory(kit);
    const articles = await within(feed).findAllByRole('article');
    expect(articles.map((a) => a.getAttribute('data-history-id'))).toEqual(['2', '1']);
    const [edit, imported] = articles as [HTMLElement, HTMLElement];
    expect(edit.textContent).toContain('Profile');
    expect(edit.textContent).toContain('ada@example.com');
    expect(edit.querySelector('[data-cmd="edit_lead"]')?.getAttribute('data-outcome')).toBe('unknown');
    expect(within(edit).getByText('verifying')).toBeTruthy();
    expect(edit.textContent).toContain('City: “London” → “Paris”');
    expect(imported.textContent).toContain('Import');
    expect(within(imported).getByText('done')).toBeTruthy();
    expect(imported.textContent).toContain('Assign tag VIP — Kartra said: Tag not found (code 220)');
    expect(within(imported).getByText('needs your check')).toBeTruthy();
  });

  it('passes the filters to history.list, pages with Older, and takes live entries that match', async () => {
    const kit = makeWorkspaceCore();
    const all = Array.from({ length: 60 }, (_, i) => entry(i + 1));
    answerHistory(kit, all);
    const { feed } = await openHistory(kit);
    await waitFor(() => expect(within(feed).getAllByRole('article')).toHaveLength(50));
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await waitFor(() => expect(within(feed).getAllByRole('article')).toHaveLength(60));
    expect(screen.queryByRole('button', { name: 'Older' })).toBeNull();
    expect(kit.core.callsOf('history.list').map((c) => c.beforeId)).toEqual([undefined, 11]);

    // A new write of this account goes on top; another account's does not; a known one is updated in place.
    act(() => kit.core.emit('history.entry', entry(61, { summary: 'Fresh write' })));
    act(() => kit.core.emit('history.entry', entry(62, { accountId: 'other', summary: 'Elsewhere' })));
    act(() => kit.core.emit('history.entry', entry(5, { actions: [{ cmd: 'assign_tag', summary: 'Assign tag VIP', outcome: 'failed', kartraType: null, message: 'Tag not found' }] })));
    const ids = within(feed).getAllByRole('article').map((a) => a.getAttribute('data-history-id'));
    expect(ids[0]).toBe('61');
    expect(ids).not.toContain('62');
    expect(feed.querySelector('[data-history-id="5"] [data-cmd="assign_tag"]')?.getAttribute('data-outcome')).toBe('failed');

    const filters = screen.getByRole('search', { name: 'History filters' });
    fireEvent.change(within(filters).getByLabelText('From'), { target: { value: '2026-05-01' } });
    await waitFor(() => expect(kit.core.callsOf('history.list').at(-1)).toMatchObject({ since: new Date(2026, 4, 1).getTime() }));
    fireEvent.change(within(filters).getByLabelText('To'), { target: { value: '2026-05-02' } });
    await waitFor(() => expect(kit.core.callsOf('history.list').at(-1)).toMatchObject({ since: new Date(2026, 4, 1).getTime(), until: new Date(2026, 4, 3).getTime() - 1 }));
    // Live entries outside the date range stay out.
    act(() => kit.core.emit('history.entry', entry(63, { at: new Date(2026, 5, 1).getTime() })));
    expect(feed.querySelector('[data-history-id="63"]')).toBeNull();
  });
});
