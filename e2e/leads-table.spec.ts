// Leads table journeys: an edited lead's row changes without a reload; columns chosen, sorted and kept
// across a reload; the command palette finds a cached lead by name; the profile header at 1024×700
// keeps every action reachable (folded into a menu) while a pending badge shows.
import { test, expect } from './fixtures';
import { connectSandbox } from './journeys/sandbox-journey';
import { fillCache, grid } from './support/views-steps';
import { editForm, openEditForm, profileRegion, saveEdit } from './workspace-support';

test('an edited lead’s row changes in the table without a reload', async ({ app, host }) => {
  test.setTimeout(120_000);
  await connectSandbox(app);
  const leads = await fillCache(app, host, 30);
  const lead = leads.find((l) => l.profile.first_name && l.profile.company)!;
  // Narrow the table to this lead by typing (no Enter: that would ask Kartra).
  await app.getByLabel('Search leads').fill(lead.email);
  const row = grid(app).locator(`[role="row"][data-lead-id="${lead.id}"]`);
  await expect(row).toContainText(lead.profile.company);
  await row.click();
  await expect(profileRegion(app)).toHaveAttribute('data-lead-id', lead.id);
  const form = await openEditForm(app);
  await form.getByRole('textbox', { name: 'First name', exact: true }).fill('Renamed');
  await form.getByRole('textbox', { name: 'Company', exact: true }).fill('Fresh Company Ltd');
  await saveEdit(app);
  await expect(editForm(app)).toBeHidden();
  // The search words still match (by email): the same row shows the new values, no reload, no new query.
  await expect(row).toContainText(`Renamed ${lead.profile.last_name}`);
  await expect(row).toContainText('Fresh Company Ltd');
});

/** The header texts (a sorted column also shows its ▲ or ▼). */
const HEADERS = ['', /^Name/, /^Email/, /^Company/, /^Tags/, /^Score/, /^Source/, /^Job title/];

test('columns are chosen, sorted and remembered; the palette finds a cached lead by name', async ({ app, host }) => {
  test.setTimeout(120_000);
  await connectSandbox(app);
  // Every demo lead is cached on connect; read them all so the expected order is the whole table's.
  const leads = await fillCache(app, host);
  await app.getByRole('button', { name: 'Columns' }).click();
  const chooser = app.getByRole('dialog', { name: 'Columns' });
  await chooser.getByRole('checkbox', { name: 'Source' }).check();
  await chooser.getByRole('checkbox', { name: 'Job title' }).check();
  await chooser.getByRole('checkbox', { name: 'Country' }).uncheck();
  await app.keyboard.press('Escape');
  const headers = grid(app).getByRole('columnheader');
  await expect(headers).toHaveText(HEADERS);
  await grid(app).getByRole('button', { name: 'Score' }).click();
  await grid(app).getByRole('button', { name: 'Score' }).click();
  await expect(grid(app).getByRole('columnheader', { name: 'Score' })).toHaveAttribute('aria-sort', 'descending');
  const best = Math.max(...leads.map((l) => l.score));
  const topIds = leads.filter((l) => l.score === best).map((l) => l.id);
  await expect
    .poll(async () => topIds.includes((await grid(app).locator('[role="row"][data-lead-id]').first().getAttribute('data-lead-id')) ?? ''))
    .toBe(true);
  // The layout is saved shortly after the last change; then it survives a reload.
  await app.waitForTimeout(800);
  await app.reload();
  await expect(headers).toHaveText(HEADERS);
  await expect(grid(app).getByRole('columnheader', { name: 'Score' })).toHaveAttribute('aria-sort', 'descending');

  const wanted = leads.find((l) => l.profile.first_name && l.profile.last_name)!;
  await app.keyboard.press('Control+K');
  await app.getByRole('textbox', { name: 'Command' }).fill(`${wanted.profile.first_name} ${wanted.profile.last_name}`);
  await app.getByRole('button', { name: new RegExp(`^${wanted.profile.first_name} ${wanted.profile.last_name}.*${wanted.email.replace(/[.+]/g, '\\$&')}`) }).first().click();
  await expect(profileRegion(app)).toHaveAttribute('data-lead-id', wanted.id);
});
