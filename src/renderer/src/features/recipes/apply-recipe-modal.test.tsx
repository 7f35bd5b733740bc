// @vitest-environment happy-dom
import '../../testing/setup-dom';
import '../../workspace/testing/dom-extras';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JobProgress, Recipe } from '../../../../shared/domain/import';
import { ok } from '../../testing/fake-core';
import { makeLead } from '../../testing/fixtures';
import { renderWorkspace } from '../../workspace/testing/render-workspace';
import { makeWorkspaceCore } from '../../workspace/testing/workspace-fake-core';

const RECIPES: Recipe[] = [
  { id: 'r1', name: 'VIP', actions: [{ cmd: 'assign_tag', tag_name: 'VIP' }], updatedAt: 1 },
  { id: 'r2', name: 'Welcome', actions: [{ cmd: 'give_points_to_lead', points: 5 }], updatedAt: 1 },
];

/** The workspace kit with three leads, plus recipes.* and jobs.* answered as the core does. */
function makeKit() {
  const kit = makeWorkspaceCore();
  kit.core.leads.push(makeLead({ id: '1003', email: 'cy@example.com', first_name: 'Cy', last_name: 'Young', tags: [], lists: [] }));
  const job: JobProgress = {
    jobId: 'job-r',
    kind: 'recipe',
    name: 'VIP',
    status: 'running',
    counts: { total: 2, invalid: 0, excluded: 0, ready: 2, created: 0, updated: 0, skipped: 0, unchanged: 0, failed: 0 },
    done: 0,
    rowsPerSec: 0,
    callsPerSec: 0,
    calls: 0,
    etaSec: null,
    createdAt: 1,
    updatedAt: 1,
    error: null,
  };
  kit.core.answer('recipes.list', () => ok({ recipes: structuredClone(RECIPES) }));
  kit.core.answer('recipes.preview', ({ target }) => {
    const ids = 'leadIds' in target ? target.leadIds : [];
    const sample = ids.map((leadId) => ({ leadId, email: `${leadId}@example.com`, name: `Lead ${leadId}`, cached: true, meets: true, unmet: null, effects: [{ changes: true, text: 'adds tag VIP' }] }));
    return ok({ leads: ids.length, meet: ids.length, skip: 0, unknown: 0, change: ids.length, reads: 0, writes: ids.length, etaSec: 1, sample });
  });
  kit.core.answer('recipes.apply', ({ recipeId }) => ok({ ...job, name: RECIPES.find((r) => r.id === recipeId)?.name ?? '?' }));
  kit.core.answer('jobs.list', () => ok({ jobs: [] }));
  kit.core.answer('jobs.get', () => ok(job));
  return kit;
}

const rowsOf = (grid: HTMLElement) => within(grid).getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');

async function chooseRecipe(dialog: HTMLElement, name: string) {
  const box = await within(dialog).findByRole('combobox', { name: 'Recipe' });
  box.focus();
  fireEvent.click(box);
  fireEvent.click(await screen.findByRole('option', { name }));
  await waitFor(() => expect((box as HTMLInputElement).value).toBe(name));
}

describe('Applying a recipe from the leads table and the profile', () => {
  it('selects two rows, shows "2 selected", and applies the recipe to exactly those lead ids, then shows the run', async () => {
    const kit = makeKit();
    renderWorkspace(kit);
    const grid = await screen.findByRole('grid', { name: 'Leads' });
    await waitFor(() => expect(rowsOf(grid)).toHaveLength(3));

    fireEvent.click(within(grid).getByRole('checkbox', { name: 'Select lead ada@example.com' }));
    fireEvent.click(within(grid).getByRole('checkbox', { name: 'Select lead cy@example.com' }));
    // Ticking a box selects, it does not open the profile.
    expect(screen.queryByRole('region', { name: 'Lead profile' })).toBeNull();
    const bar = screen.getByRole('toolbar', { name: 'Selected leads' });
    expect(bar.textContent).toContain('2 selected');
    expect((within(grid).getByRole('checkbox', { name: 'Select all 3 leads of this view' }) as HTMLInputElement).checked).toBe(false);

    fireEvent.click(within(bar).getByRole('button', { name: 'Apply recipe…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Apply a recipe to 2 selected leads' });
    const preview = within(dialog).getByRole('button', { name: 'Preview' }) as HTMLButtonElement;
    expect(preview.disabled).toBe(true);
    await chooseRecipe(dialog, 'VIP');
    fireEvent.click(preview);
    // Nothing runs before the preview was seen.
    const table = await within(dialog).findByRole('table', { name: 'Changes per lead' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(kit.core.callsOf('recipes.preview')).toEqual([{ recipeId: 'r1', target: { leadIds: ['1001', '1003'] } }]);
    expect(kit.core.callsOf('recipes.apply')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Run on 2 leads' }));

    await screen.findByRole('progressbar', { name: 'Import progress' });
    expect(kit.core.callsOf('recipes.apply')).toEqual([{ recipeId: 'r1', target: { leadIds: ['1001', '1003'] } }]);
    expect(screen.getByRole('tab', { name: 'Import' }).getAttribute('aria-selected')).toBe('true');
  });

  it('the header box selects every lead of the view, and a new query clears the selection', async () => {
    const kit = makeKit();
    renderWorkspace(kit);
    const grid = await screen.findByRole('grid', { name: 'Leads' });
    await waitFor(() => expect(rowsOf(grid)).toHaveLength(3));
    fireEvent.click(within(grid).getByRole('checkbox', { name: 'Select all 3 leads of this view' }));
    expect(screen.getByRole('toolbar', { name: 'Selected leads' }).textContent).toContain('All 3 leads of this view selected');

    fireEvent.change(screen.getByRole('textbox', { name: 'Search leads' }), { target: { value: 'bric' } });
    await waitFor(() => expect(screen.getByTestId('lead-count').textContent).toContain('1 match'));
    expect(screen.queryByRole('toolbar', { name: 'Selected leads' })).toBeNull();
  });

  it('the profile button applies a recipe to the open lead only', async () => {
    const kit = makeKit();
    renderWorkspace(kit);
    const grid = await screen.findByRole('grid', { name: 'Leads' });
    await waitFor(() => expect(rowsOf(grid)).toHaveLength(3));
    fireEvent.click(rowsOf(grid)[1]!);
    const profile = await screen.findByRole('region', { name: 'Lead profile' });
    await within(profile).findByRole('heading', { name: 'Bob Builder' });

    fireEvent.click(within(profile).getByRole('button', { name: 'Apply recipe…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Apply a recipe to Bob Builder' });
    await chooseRecipe(dialog, 'Welcome');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Run on 1 lead' }));

    await screen.findByRole('progressbar', { name: 'Import progress' });
    expect(kit.core.callsOf('recipes.apply')).toEqual([{ recipeId: 'r2', target: { leadIds: ['1002'] } }]);
  });
});
