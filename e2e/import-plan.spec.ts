// The review's plan in Chromium against the sandbox: New / Existing / Invalid / Duplicate-in-file counts that filter
// the table, "Check against Kartra" turning a lead only Kartra knows into Existing (one get_lead per unchecked row,
// in the sandbox's request log), and an Excel workbook whose second sheet is picked before mapping.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkbook } from '../src/main/core/import/testing/workbooks';
import { DEMO_ACCOUNT, SANDBOX_APP_ID } from '../src/main/core/sandbox';
import { expect, test } from './fixtures';
import { confirmAndStart, countIn, dropFile, shootStep, validateMapping } from './import-support';
import { connectSandbox } from './journeys/sandbox-journey';
import { sandboxOf } from './workspace-support';

test.describe.configure({ timeout: 120_000 });

/** A lead created through the sandbox's own API after the app connected: only Kartra knows it, not the app's cache. */
async function createInKartra(url: string, email: string, firstName: string): Promise<void> {
  const body = new URLSearchParams({
    app_id: SANDBOX_APP_ID,
    api_key: DEMO_ACCOUNT.apiKey,
    api_password: DEMO_ACCOUNT.apiPassword,
    'lead[email]': email,
    'lead[first_name]': firstName,
    'actions[0][cmd]': 'create_lead',
  });
  const answer = await fetch(url, { method: 'POST', body });
  expect(await answer.text()).toContain('Success');
}

test('the plan counts each class and filters the table by it; "Check against Kartra" makes a lead only Kartra knows Existing', async ({ app, host }) => {
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const stamp = `${Date.now()}`;
  const cached = kartra.otherLeads('')[30]!.email; // the demo leads are cached on connect
  const onlyInKartra = `kartra.only.${stamp}@example.org`;
  await createInKartra(kartra.sandbox.url, onlyInKartra, 'Kartra');
  const fresh = [1, 2].map((i) => `plan.${stamp}.${i}@example.org`);
  const lines = ['Email,First Name', `${cached},Cached`, `${onlyInKartra},Only`, ...fresh.map((e, i) => `${e},Fresh${i}`), 'broken@,Broken', `${fresh[0]},Again`];
  await dropFile(app, `plan-${stamp}.csv`, lines.join('\n'));
  await expect(app.getByRole('combobox', { name: 'Map column Email' })).toHaveValue('Email', { timeout: 20_000 });
  await validateMapping(app);

  const plan = (label: string) => countIn(app, 'Import plan', label);
  await expect(plan('New')).toHaveText(/^New\s*3$/);
  await expect(plan('Existing')).toHaveText(/^Existing\s*1$/);
  await expect(plan('Invalid')).toHaveText(/^Invalid\s*1$/);
  await expect(plan('Duplicate in file')).toHaveText(/^Duplicate in file\s*1$/);

  // A class is a filter: only its rows are shown, and a second click shows all again.
  const table = app.getByRole('table', { name: 'Rows to import' });
  const dataRows = table.locator('[role="row"][data-row]');
  await app.getByRole('button', { name: /^Existing: 1 rows/ }).click();
  await expect(app.getByRole('button', { name: /^Existing: 1 rows/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(dataRows).toHaveCount(1);
  await expect(dataRows.first()).toContainText(cached);
  await expect(dataRows.first()).toContainText('existing');
  await app.getByRole('button', { name: /^Duplicate in file: 1 rows/ }).click();
  await expect(dataRows).toHaveCount(1);
  await expect(dataRows.first()).toContainText('duplicate of row 3');
  await app.getByRole('button', { name: /^Existing: 1 rows/ }).click();
  await shootStep(app, 'plan-1-existing-filter');

  // Check against Kartra: one look-up per New row, reads only, and the lead only Kartra knows becomes Existing.
  const since = kartra.sandbox.requests().at(-1)?.seq ?? 0;
  await app.getByRole('button', { name: 'Check against Kartra: 3 look-ups, about 1 s' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Checked against Kartra: 1 found, 2 not in Kartra.' })).toBeVisible({ timeout: 20_000 });
  await expect(plan('Existing')).toHaveText(/^Existing\s*2$/);
  await expect(plan('New')).toHaveText(/^New\s*2$/);
  await expect(dataRows).toHaveCount(2);
  await expect(dataRows.filter({ hasText: onlyInKartra })).toContainText('existing');
  const sent = kartra.sandbox.requests({ since });
  expect(sent.map((r) => r.cmds.join('+'))).toEqual(['get_lead', 'get_lead', 'get_lead']);
  expect(new Set(sent.map((r) => r.email))).toEqual(new Set([onlyInKartra, ...fresh]));
  // Every row is now known: no more look-ups to offer.
  await expect(app.getByRole('button', { name: /^Check against Kartra/ })).toHaveCount(0);
  await shootStep(app, 'plan-2-checked');

  await app.getByRole('button', { name: /^New: 2 rows/ }).click();
  await expect(dataRows).toHaveCount(2);
  await expect(dataRows.filter({ hasText: fresh[1]! })).toContainText('new');
});

test('a workbook with two sheets: the second sheet is picked before mapping and imported', async ({ app, host }) => {
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const stamp = `${Date.now()}`;
  const path = join(tmpdir(), `two-sheets-${stamp}.xlsx`);
  const emails = [1, 2].map((i) => `sheet2.${stamp}.${i}@example.org`);
  await writeWorkbook(path, [
    { name: 'Summary', rows: [['Month', 'Total'], ['May', 2]] },
    { name: 'Contacts', rows: [['E-mail Address', 'First', 'Surname'], ...emails.map((e, i) => [e, `Sheet${i}`, 'Two'])] },
  ]);
  await dropFile(app, `two-sheets-${stamp}.xlsx`, await readFile(path));
  const picker = app.getByRole('combobox', { name: 'Sheet to import' });
  await expect(picker).toHaveValue('Summary', { timeout: 20_000 });
  await expect(app.getByRole('combobox', { name: 'Map column Month' })).toBeVisible();
  await picker.click();
  await app.getByRole('option', { name: 'Contacts' }).click();
  await expect(app.getByRole('combobox', { name: 'Map column E-mail Address' })).toHaveValue('Email', { timeout: 20_000 });
  await expect(app.getByRole('combobox', { name: 'Map column Month' })).toHaveCount(0);
  await expect(app.getByRole('group', { name: 'File analysis' })).toContainText('Contacts');
  await shootStep(app, 'sheet-picker');
  await validateMapping(app);
  await expect(countIn(app, 'Row counts', 'Ready')).toHaveText(/^Ready\s*2$/);
  await app.getByRole('button', { name: 'Continue to options' }).click();
  await confirmAndStart(app);
  await expect(countIn(app, 'Import report', 'Created')).toHaveText(/^Created\s*2$/, { timeout: 60_000 });
  expect(kartra.lead({ email: emails[1]! }).profile).toMatchObject({ first_name: 'Sheet1', last_name: 'Two' });
});
