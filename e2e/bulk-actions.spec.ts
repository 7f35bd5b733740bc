// Bulk actions, undo and export in the browser against the sandbox: the view "has tag VIP and not in list
// Newsletter" → select all → bulk subscribe to Newsletter with its preview → the sandbox has them all in the list
// → undo the run from History → the sandbox is back as it was (read through its inspect API); and a view exported
// to CSV is read back from the downloaded file, a formula-looking company neutralised.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { RunningHost } from '../src/host/start-host';
import { parseSlice } from '../src/main/core/import/csv-source';
import { DEMO_ACCOUNT } from '../src/main/core/sandbox';
import { expect, test } from './fixtures';
import { connectSandbox } from './journeys/sandbox-journey';
import { addFacetFilter, shownLeadIds, type SandboxLead } from './support/views-steps';
import { pick, sandboxOf } from './workspace-support';
import { shootStep } from './import-support';

test.use({ viewport: { width: 1440, height: 900 } });
const apiKey = DEMO_ACCOUNT.apiKey;
const openTab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();

/**
 * Every demo lead read through the core (as opening each would), so the cache holds them as the sandbox does;
 * then the window is reloaded. As fillCache (support/views-steps.ts), with room for a loaded machine.
 */
async function cachedDemoLeads(page: Page, host: RunningHost, kartra: ReturnType<typeof sandboxOf>): Promise<SandboxLead[]> {
  const listed = kartra.sandbox.inspect.listLeads({ apiKey }).filter((l) => !l.deleted);
  for (const l of listed) expect((await host.core.handle('leads.find', { query: l.id })).ok).toBe(true);
  const leads = listed.map((l) => kartra.sandbox.inspect.getLead({ apiKey, id: l.id })!);
  await page.reload();
  await expect(page.getByTestId('lead-count')).toHaveText(new RegExp(`^${leads.length.toLocaleString('en-US')} leads`), { timeout: 60_000 });
  return leads;
}

test('bulk subscribe a view to Newsletter after its preview, then undo the run from History: the sandbox is back as it was', async ({ app, host }) => {
  test.setTimeout(240_000);
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const leads = await cachedDemoLeads(app, host, kartra);
  const target = leads.filter((l) => l.tags.includes('VIP') && !l.lists.some((list) => list.name === 'Newsletter' && list.active));
  const ids = target.map((l) => l.id).sort();
  expect(ids.length, 'the demo data has such leads').toBeGreaterThan(1);
  const activeLists = (id: string) => kartra.sandbox.inspect.getLead({ apiKey, id })!.lists.filter((l) => l.active).map((l) => l.name).sort();
  const before = new Map(ids.map((id) => [id, activeLists(id)]));

  await addFacetFilter(app, 'Tag', 'Has', 'VIP');
  await addFacetFilter(app, 'List', 'Not in', 'Newsletter');
  await expect(app.getByTestId('lead-count')).toHaveText(new RegExp(`^${ids.length} leads`));
  await expect.poll(() => shownLeadIds(app)).toEqual(ids);
  await app.getByRole('checkbox', { name: `Select all ${ids.length} leads of this view` }).check();
  const bar = app.getByRole('toolbar', { name: 'Selected leads' });
  await expect(bar).toContainText(`All ${ids.length} leads of this view selected`);
  await shootStep(app, 'selection-bar');
  await bar.getByRole('button', { name: 'Bulk action…' }).click();

  const modal = app.getByRole('dialog', { name: `Bulk action on all ${ids.length} leads of this view` });
  await pick(modal, 'Action', 'Subscribe to a list');
  await pick(modal, 'List', 'Newsletter');
  await shootStep(app, 'bulk-form');
  await modal.getByRole('button', { name: 'Preview' }).click();
  const preview = app.getByRole('dialog', { name: 'Preview before sending' });
  await expect(preview.getByText('Subscribe to list Newsletter', { exact: true })).toBeVisible();
  await expect(preview.getByText('Will change')).toBeVisible();
  const figures = preview.locator('.mantine-Paper-root');
  await expect(figures.nth(0)).toContainText(`Will change${ids.length}`);
  await expect(figures.nth(1)).toContainText('Skipped0');
  await expect(figures.nth(2)).toContainText(`Kartra calls${ids.length}`);
  await expect(figures.nth(3)).toContainText(/Time(under a second|about \d+ s)at (19|20) requests\/s/);
  const rows = preview.getByRole('table', { name: 'What each lead gets' }).locator('tbody tr');
  await expect(rows).toHaveCount(ids.length);
  await expect(rows.first()).toContainText('Subscribed to list Newsletter');
  await shootStep(app, 'bulk-preview');
  // Nothing is sent before the user confirms.
  expect(ids.every((id) => !activeLists(id).includes('Newsletter'))).toBe(true);
  await preview.getByRole('button', { name: `Send to ${ids.length} leads` }).click();
  await expect(preview).toBeHidden();

  await expect.poll(() => ids.filter((id) => activeLists(id).includes('Newsletter')).length, { timeout: 30_000 }).toBe(ids.length);
  for (const id of ids) expect(activeLists(id)).toEqual([...before.get(id)!, 'Newsletter'].sort());

  await openTab(app, 'History');
  const feed = app.getByRole('feed', { name: 'History' });
  const entries = feed.locator('article[data-source="bulk"]');
  await expect(entries).toHaveCount(ids.length);
  await expect(entries.first()).toContainText('Subscribe to list Newsletter');
  await expect(entries.first().getByRole('button', { name: 'Undo whole run' })).toBeVisible();
  await shootStep(app, 'history-undo');
  await entries.first().getByRole('button', { name: 'Undo whole run' }).click();
  const confirm = app.getByRole('dialog', { name: 'Undo the whole run?' });
  await confirm.getByRole('button', { name: 'Undo the run' }).click();

  await expect.poll(() => ids.filter((id) => activeLists(id).includes('Newsletter')).length, { timeout: 30_000 }).toBe(0);
  for (const id of ids) expect(activeLists(id)).toEqual(before.get(id));
  await expect(feed.locator('article[data-source="undo"]')).toHaveCount(ids.length);
  await expect(entries.first().getByTestId('undo-reason')).toHaveText('Undone.');
  await expect(entries.first().getByRole('button', { name: 'Undo whole run' })).toHaveCount(0);
  await shootStep(app, 'history-undone');
});

test('a view exported to CSV reads back with the chosen columns, a formula-looking value neutralised', async ({ app, host }) => {
  test.setTimeout(240_000);
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const vip = kartra.sandbox.inspect.listLeads({ apiKey }).filter((l) => !l.deleted && kartra.sandbox.inspect.getLead({ apiKey, id: l.id })!.tags.includes('VIP'));
  const formula = '=HYPERLINK("http://evil.example","click")';
  kartra.sandbox.inspect.editLead({ apiKey, id: vip[0]!.id, profile: { company: formula } });
  const leads = await cachedDemoLeads(app, host, kartra);
  const expected = leads.filter((l) => l.tags.includes('VIP'));

  await addFacetFilter(app, 'Tag', 'Has', 'VIP');
  await expect(app.getByTestId('lead-count')).toHaveText(new RegExp(`^${expected.length} leads`));
  await app.getByRole('button', { name: 'Export…' }).click();
  const modal = app.getByRole('dialog', { name: `Export this view (${expected.length} leads)` });
  await modal.getByRole('checkbox', { name: 'Lists', exact: true }).check();
  await shootStep(app, 'export');
  const [download] = await Promise.all([app.waitForEvent('download'), modal.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^leads-.*\.csv$/);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  // One BOM (Excel reads UTF-8 by it); the parser skips it.
  expect([...text.slice(0, 2)].map((c) => c.charCodeAt(0).toString(16))).toEqual(['feff', '4e']);
  const [header, ...rows] = parseSlice(Buffer.from(text), ',');
  expect(header).toEqual(['Name', 'Email', 'Company', 'Country', 'Tags', 'Score', 'Lists']);
  expect(rows.map((r) => r[1]).sort()).toEqual(expected.map((l) => l.email).sort());
  for (const lead of expected) {
    const row = rows.find((r) => r[1] === lead.email)!;
    expect(row[2]).toBe(lead.profile.company);
    expect(row[4]!.split('; ').sort()).toEqual([...lead.tags].sort());
    expect(row[5]).toBe(String(lead.score));
    expect(row[6]!.split('; ').filter(Boolean).sort()).toEqual(lead.lists.filter((l) => l.active).map((l) => l.name).sort());
  }
  expect(rows.find((r) => r[1] === leads.find((l) => l.id === vip[0]!.id)!.email)![2]).toBe(formula);
});
