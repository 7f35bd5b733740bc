// Recipes journey: a recipe with conditions ("has tag Beta Tester and not in list Partners"), remove actions and a
// field to clear, built in the form, previewed from the cache, then run — each lead judged on a fresh read, so the
// lead whose cache is stale is judged as Kartra has it. Checked in the sandbox's own state.
import { test, expect } from './fixtures';
import { connectSandbox } from './journeys/sandbox-journey';
import { DEMO_ACCOUNT } from '../src/main/core/sandbox';
import { createConditionalRecipe, setUpRecipeLeads } from './support/recipes-steps';

test.use({ viewport: { width: 1440, height: 900 } });

test('a recipe with a condition and a remove action, previewed then run, changes exactly the leads that meet it in Kartra', async ({ app, host }) => {
  test.setTimeout(120_000);
  await connectSandbox(app);
  const leads = await setUpRecipeLeads(host);
  await createConditionalRecipe(app, 'Beta over');

  await app.getByRole('button', { name: 'Apply Beta over' }).click();
  const panel = app.getByRole('region', { name: 'Apply Beta over' });
  await panel.getByRole('textbox', { name: 'Emails, one per line' }).fill([leads.a, leads.b, leads.c, leads.d].map((l) => l.email).join('\n'));
  await panel.getByRole('button', { name: 'Preview' }).click();

  // The preview judges from the cache: a and b meet, c and d are skipped; 4 reads + up to 2 writes.
  const preview = panel.getByRole('region', { name: 'Preview' });
  await expect(preview.getByText('2 leads meet the conditions, 2 would be skipped — checked again on each lead when it runs.')).toBeVisible();
  await expect(preview.getByText('4 reads + up to 2 writes')).toBeVisible();
  const rows = preview.getByRole('table', { name: 'Changes per lead' }).getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText(`clears Company (now “Acme”) · removes tag Beta Tester · score ${leads.a.score} → ${leads.a.score - 2}`);
  await expect(rows.nth(3)).toContainText('Skippedfails “Not in list Partners”');
  const sandbox = host.core.builtinSandbox()!;
  const state = (id: string) => sandbox.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, id })!;
  expect(state(leads.a.id), 'nothing is sent by a preview').toEqual(leads.a);

  await panel.getByRole('button', { name: 'Run on 4 leads' }).click();
  await expect(app.getByRole('tab', { name: 'Import' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => state(leads.d.id).tags.includes('Beta Tester'), { timeout: 20_000 }).toBe(false);
  await expect(app.getByText('Beta over — Finished')).toBeVisible({ timeout: 20_000 });
  // The run's report names why each skipped lead was skipped.
  await expect(app.getByRole('row', { name: new RegExp(leads.b.email.replace(/\./g, '\\.')) })).toContainText('Skipped: read just now, the lead does not meet “Has tag Beta Tester” — nothing sent');
  await expect(app.getByRole('row', { name: new RegExp(leads.c.email.replace(/\./g, '\\.')) })).toContainText('does not meet “Not in list Partners”');

  for (const lead of [leads.a, leads.d]) {
    const after = state(lead.id);
    expect(after.tags).not.toContain('Beta Tester');
    expect(after.score).toBe(lead.score - 2);
    expect(after.profile.company, 'the recipe cleared the company').toBe('');
  }
  // History keeps the company each lead had, and the whole run can be undone: a and d are back as they were.
  await app.getByRole('tab', { name: 'History' }).click();
  const entries = app.getByRole('feed', { name: 'History' }).locator('article[data-source="recipe"]');
  await expect(entries.filter({ hasText: leads.a.email })).toContainText('Company: “Acme” → —');
  await entries.first().getByRole('button', { name: 'Undo whole run' }).click();
  await app.getByRole('dialog', { name: 'Undo the whole run?' }).getByRole('button', { name: 'Undo the run' }).click();
  for (const lead of [leads.a, leads.d]) await expect.poll(() => state(lead.id), { timeout: 20_000 }).toEqual(lead);
  // b lost the tag in Kartra after it was cached, c is in Partners: both untouched.
  expect(state(leads.b.id)).toEqual(leads.b);
  expect(state(leads.c.id)).toEqual(leads.c);
});
