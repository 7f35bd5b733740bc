// @vitest-environment happy-dom
import '../../testing/setup-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '../../testing/fake-core';
import { ImportPage } from '../import/import-page';
import { makeImportKit } from '../import/testing/import-fake-core';
import { renderBulk } from '../import/testing/render-bulk';
import { RecipesPage } from './recipes-page';

describe('Recipes page', () => {
  it('refuses to save a recipe without a name or actions, then saves a valid one', async () => {
    const kit = makeImportKit();
    kit.core.tags = ['VIP', 'Lead'];
    renderBulk(kit.core, <RecipesPage />);
    fireEvent.click(screen.getByRole('button', { name: 'New recipe' }));
    const form = screen.getByRole('form', { name: 'New recipe' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save recipe' }));
    expect(await within(form).findByText('Give the recipe a name.')).toBeTruthy();
    expect(within(form).getByRole('alert').textContent).toContain('Add at least one action');
    expect(kit.core.callsOf('recipes.save')).toHaveLength(0);

    fireEvent.change(within(form).getByRole('textbox', { name: /Recipe name/ }), { target: { value: 'Welcome pack' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Give points' }), { target: { value: '10' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save recipe' }));
    await screen.findByRole('table', { name: 'Recipes' });
    expect(kit.core.callsOf('recipes.save')).toEqual([{ name: 'Welcome pack', actions: [{ cmd: 'give_points_to_lead', points: 10 }], conditions: [], clear: [] }]);
    expect(screen.getByText('+10 points')).toBeTruthy();
  });

  it('applies a recipe to pasted emails (invalid ones block it) and shows the run in the job UI', async () => {
    const kit = makeImportKit();
    kit.recipes = [{ id: 'r1', name: 'VIP', actions: [{ cmd: 'assign_tag', tag_name: 'VIP' }], updatedAt: 1 }];
    kit.core.answer('views.list', () => ok({ views: [] }));
    // Pasted emails of leads never read: the preview knows nothing of them until the run reads them.
    kit.core.answer('recipes.preview', ({ target }) => {
      const emails = 'emails' in target ? target.emails : [];
      const sample = emails.map((email) => ({ leadId: '', email, name: '', cached: false, meets: null, unmet: null, effects: [] }));
      return ok({ leads: emails.length, meet: 0, skip: 0, unknown: emails.length, change: 0, reads: 0, writes: emails.length, etaSec: 1, sample });
    });
    const { shown } = renderBulk(
      kit.core,
      <>
        <RecipesPage />
        <ImportPage />
      </>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Apply VIP' }));
    const panel = screen.getByRole('region', { name: 'Apply VIP' });
    const emails = within(panel).getByRole('textbox', { name: 'Emails, one per line' });
    fireEvent.change(emails, { target: { value: 'ada@example.com\nnope' } });
    expect(within(panel).getByText(/— fix or remove them/).textContent).toContain('nope');
    expect((within(panel).getByRole('button', { name: 'Preview' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(emails, { target: { value: 'ada@example.com\nbob@example.com' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Preview' }));
    expect(await within(panel).findByText(/not in the local cache yet/)).toBeTruthy();
    expect(kit.core.callsOf('recipes.apply')).toEqual([]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Run on 2 leads' }));
    await screen.findByRole('progressbar', { name: 'Import progress' });
    expect(kit.core.callsOf('recipes.apply')).toEqual([{ recipeId: 'r1', target: { emails: ['ada@example.com', 'bob@example.com'] } }]);
    expect(shown).toEqual(['import']);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel recipe run' })).toBeTruthy());
  });
});
