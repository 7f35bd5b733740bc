// @vitest-environment happy-dom
// Undo on the History page: an entry Kartra can reverse has Undo (and, in a run, "Undo whole run" after a
// confirmation); the core is asked and the list read again; an entry without an inverse says why.
import '../../testing/setup-dom';
import '../../workspace/testing/dom-extras';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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
  settledAt: 1_780_000_000_000 + id * 1000,
  source: 'bulk',
  jobId: 'job-12345678',
  summary: 'Subscribe to list Newsletter',
  actions: [{ cmd: 'subscribe_lead_to_list', summary: 'Subscribe to list Newsletter', outcome: 'done', kartraType: null, message: null }],
  fields: [],
  undo: { possible: true, reason: null },
  ...over,
});

describe('History undo', () => {
  it('undoes one entry or, once confirmed, the whole run; a created lead says it cannot be undone', async () => {
    const kit = makeWorkspaceCore();
    let reads = 0;
    kit.core.answer('history.list', () => {
      reads++;
      return ok({
        entries: [
          entry(2),
          entry(1, { source: 'edit', jobId: null, summary: 'Create lead ada@example.com', undo: { possible: false, reason: "A created lead cannot be removed through Kartra's API; delete it in Kartra if it should go." } }),
        ],
        nextBeforeId: null,
      });
    });
    kit.core.answer('history.undo', () => ok({ changes: [] }));
    kit.core.answer('history.undoRun', ({ jobId }) =>
      ok({
        jobId: `undo-${jobId}`,
        kind: 'recipe',
        name: 'Undo: Subscribe to list Newsletter',
        status: 'running',
        counts: { total: 1, invalid: 0, excluded: 0, ready: 1, created: 0, updated: 0, skipped: 0, unchanged: 0, failed: 0 },
        done: 0,
        rowsPerSec: 0,
        callsPerSec: 0,
        calls: 0,
        etaSec: null,
        createdAt: 0,
        updatedAt: 0,
        error: null,
      }),
    );
    renderWorkspace(kit);
    fireEvent.click(await screen.findByRole('tab', { name: /History/ }));
    const feed = await screen.findByRole('feed', { name: 'History' });
    const [bulk, created] = (await within(feed).findAllByRole('article')) as [HTMLElement, HTMLElement];
    expect(within(created).queryByRole('button', { name: /Undo/ })).toBeNull();
    expect(within(created).getByTestId('undo-reason').textContent).toBe("Cannot be undone: A created lead cannot be removed through Kartra's API; delete it in Kartra if it should go.");

    fireEvent.click(within(bulk).getByRole('button', { name: 'Undo: Subscribe to list Newsletter for ada@example.com' }));
    await waitFor(() => expect(kit.core.calls.filter((c) => c.command === 'history.undo').map((c) => c.input)).toEqual([{ id: 2 }]));
    await waitFor(() => expect(reads).toBe(2));

    fireEvent.click(within(bulk).getByRole('button', { name: 'Undo whole run' }));
    const confirm = await screen.findByRole('dialog', { name: 'Undo the whole run?' });
    expect(kit.core.calls.some((c) => c.command === 'history.undoRun')).toBe(false);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Undo the run' }));
    await waitFor(() => expect(kit.core.calls.filter((c) => c.command === 'history.undoRun').map((c) => c.input)).toEqual([{ jobId: 'job-12345678' }]));
    await waitFor(() => expect(reads).toBe(3));
  });
});
