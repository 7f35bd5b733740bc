// The CSV import journeys against the sandbox: drop a 500-row file on the window, check the mapping, fix the one
// bad cell inline, add a tag and a list, confirm GDPR, run — then the sandbox itself must hold all 500 leads with
// both; and a small import whose rows are not all imported, whose "failed rows" CSV is downloaded and read; two
// existing leads keep their details under the default policy and get a Tags column's tags in one call per row.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkbook } from '../src/main/core/import/testing/workbooks';
import { DEMO_ACCOUNT } from '../src/main/core/sandbox';
import { expect, test } from './fixtures';
import { confirmAndStart, countIn, dropFile, makeCsv, pickMany, shootStep, validateMapping } from './import-support';
import { connectSandbox } from './journeys/sandbox-journey';
import { sandboxOf } from './workspace-support';

test.describe.configure({ timeout: 150_000 });

test('drop a 500-row CSV, fix the bad email inline, tag + list every lead: the sandbox has all 500 with both', async ({ app, host }) => {
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const catalog = kartra.catalog();
  const tag = catalog.tags[0]!.name;
  const list = catalog.lists[0]!.name;
  const stamp = `${Date.now()}`;
  const BAD = 137;
  const { csv } = makeCsv(stamp, 500, [BAD]);

  await dropFile(app, `leads-${stamp}.csv`, csv);

  // 1–2. The analysis and the suggested mapping.
  const analysis = app.getByRole('group', { name: 'File analysis' });
  await expect(analysis).toContainText('500', { timeout: 20_000 });
  await expect(analysis).toContainText('comma');
  await expect(app.getByRole('combobox', { name: 'Map column Email' })).toHaveValue('Email');
  await expect(app.getByRole('combobox', { name: 'Map column First Name' })).toHaveValue('First name');
  await expect(app.getByRole('combobox', { name: 'Map column Last Name' })).toHaveValue('Last name');
  await validateMapping(app);

  // 3. Review: one row with an error, fixed inline.
  await expect(countIn(app, 'Row counts', 'With errors')).toHaveText(/^With errors\s*1$/);
  // The filter's radios are visually hidden behind their labels: click the label, as a user does.
  await app.locator('label').filter({ hasText: /^With errors$/ }).click();
  await expect(app.getByRole('radio', { name: 'With errors' })).toBeChecked();
  const bad = app.getByRole('button', { name: new RegExp(`^Row ${BAD} Email: not-an-email-${BAD}`) });
  await expect(bad).toBeVisible();
  await expect(bad).toHaveAttribute('aria-invalid', 'true');
  await bad.click();
  const input = app.getByRole('textbox', { name: `Row ${BAD} Email` });
  const fixedEmail = `import.${stamp}.${BAD}@example.org`;
  await input.fill(fixedEmail);
  await input.press('Enter');
  await expect(app.getByRole('button', { name: new RegExp(`^Row ${BAD} Email: ${fixedEmail.replace(/\./g, '\\.')}`) })).toBeVisible();
  await expect(countIn(app, 'Row counts', 'With errors')).toHaveText(/^With errors\s*0$/);
  await expect(countIn(app, 'Row counts', 'Ready')).toHaveText(/^Ready\s*500$/);

  // 4. Options: a tag and a list, GDPR confirmed.
  await app.getByRole('button', { name: 'Continue to options' }).click();
  await expect(app.getByRole('button', { name: 'Start import' })).toBeDisabled();
  await pickMany(app, 'Tags', tag);
  await pickMany(app, 'Lists', list);
  await confirmAndStart(app);

  // 5–6. Progress, then the report.
  await expect(app.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await expect(countIn(app, 'Import report', 'Created')).toHaveText(/^Created\s*500$/, { timeout: 120_000 });
  await expect(countIn(app, 'Import report', 'Failed')).toHaveText(/^Failed\s*0$/);

  // The sandbox's own state: 500 new leads, each with the tag and the list.
  const mine = kartra.sandbox.inspect.listLeads({ apiKey: DEMO_ACCOUNT.apiKey }).filter((l) => l.email.includes(`.${stamp}.`) && !l.deleted);
  expect(mine).toHaveLength(500);
  for (const summary of mine) {
    const lead = kartra.lead({ email: summary.email });
    expect(lead.tags, lead.email).toContain(tag);
    expect(lead.lists.some((m) => m.name === list && m.active), lead.email).toBe(true);
  }
  expect(mine.some((l) => l.email === fixedEmail)).toBe(true);
});

test('rows that are not imported are reported, and their CSV downloads with an error column', async ({ app, host }) => {
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const stamp = `${Date.now()}`;
  // Update only: two unknown emails are skipped; two rows with bad emails stay invalid and are not sent.
  const { csv } = makeCsv(stamp, 4, [2, 4]);
  await dropFile(app, `update-${stamp}.csv`, csv);
  await validateMapping(app);
  await expect(countIn(app, 'Row counts', 'With errors')).toHaveText(/^With errors\s*2$/);
  await app.getByRole('button', { name: 'Continue to options' }).click();
  await app.getByText('Update only (skip unknown emails)').click();
  await confirmAndStart(app);

  await expect(countIn(app, 'Import report', 'Unchanged')).toHaveText(/^Unchanged\s*2$/, { timeout: 30_000 });
  await expect(countIn(app, 'Import report', 'Created')).toHaveText(/^Created\s*0$/);
  const notImported = app.getByRole('table', { name: 'Rows not imported' });
  await expect(notImported).toContainText('No lead with this email in Kartra');
  await expect(notImported).toContainText('not-an-email-2');

  const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Download failed rows (CSV)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = await readFile((await download.path())!, 'utf8');
  const [header, ...rows] = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(header!.split(',')).toContain('error');
  expect(rows).toHaveLength(2);
  expect(rows.join('\n')).toContain('not-an-email-2');
  expect(rows.join('\n')).toContain('not-an-email-4');
  // Nothing was created in the sandbox.
  expect(kartra.sandbox.inspect.listLeads({ apiKey: DEMO_ACCOUNT.apiKey }).filter((l) => l.email.includes(`.${stamp}.`))).toHaveLength(0);
});

test('2 existing leads under the default policy keep their details and get the Tags column\'s tags, one call per row; the imported leads are in the Leads table and search', async ({ app, host }) => {
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const apiKey = DEMO_ACCOUNT.apiKey;
  const stamp = `${Date.now()}`;
  const existing = kartra.otherLeads('').slice(20, 22).map((l) => l.email);
  for (const email of existing) kartra.sandbox.inspect.editLead({ apiKey, email, profile: { first_name: 'Kept', last_name: 'Original', company: 'Old Co' }, removeTags: ['VIP', 'Customer'] });
  const fresh = [1, 2, 3].map((i) => `newcomer.${stamp}.${i}@example.org`);
  const lines = ['Email,First Name,Last Name,Company,Tags', ...existing.map((e) => `${e},Changed,Name,New Co,"VIP; Customer"`), ...fresh.map((e, i) => `${e},New${i},Newcomer${stamp},Fresh Co,"VIP; Customer"`)];
  const since = kartra.sandbox.requests().at(-1)?.seq ?? 0;
  await dropFile(app, `existing-${stamp}.csv`, lines.join('\n'));
  await expect(app.getByRole('combobox', { name: 'Map column Tags' })).toHaveValue('Tags — several per cell', { timeout: 20_000 });
  await validateMapping(app);
  await expect(countIn(app, 'Row counts', 'Ready')).toHaveText(/^Ready\s*5$/);
  await app.getByRole('button', { name: 'Continue to options' }).click();
  // The safe default: nothing to choose for the existing leads' details to stay as they are.
  await expect(app.getByRole('radio', { name: /Add tags, lists and sequences only/ })).toBeChecked();
  await confirmAndStart(app);
  await expect(countIn(app, 'Import report', 'Created')).toHaveText(/^Created\s*3$/, { timeout: 60_000 });
  await expect(countIn(app, 'Import report', 'Updated')).toHaveText(/^Updated\s*2$/);
  await expect(countIn(app, 'Import report', 'Failed')).toHaveText(/^Failed\s*0$/);
  await shootStep(app, '6-report-existing');

  // The sandbox's own state and request log: details kept, both tags added, one call per row (plus the 244 create).
  for (const email of existing) {
    const lead = kartra.lead({ email });
    expect(lead.profile, email).toMatchObject({ first_name: 'Kept', last_name: 'Original', company: 'Old Co' });
    expect(lead.tags, email).toEqual(expect.arrayContaining(['VIP', 'Customer']));
    expect(kartra.sandbox.requests({ since, email }).map((r) => r.cmds.join('+'))).toEqual(['create_lead+assign_tag+assign_tag', 'assign_tag+assign_tag']);
  }
  for (const email of fresh) {
    expect(kartra.lead({ email }).tags).toEqual(expect.arrayContaining(['VIP', 'Customer']));
    const calls = kartra.sandbox.requests({ since, email });
    expect(calls.map((r) => r.cmds.join('+'))).toEqual(['create_lead+assign_tag+assign_tag']);
    expect(calls[0]!.names).toEqual(['', 'VIP', 'Customer']);
  }

  // The imported leads are in the Leads table and found by search, at once.
  const before = kartra.requests();
  await app.getByRole('tab', { name: /Leads/ }).click();
  await app.getByLabel('Search leads').fill(`newcomer${stamp}`);
  const rows = app.getByRole('grid', { name: 'Leads' }).getByRole('row').filter({ hasText: `Newcomer${stamp}` });
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: fresh[1]! })).toBeVisible();
  await app.getByLabel('Search leads').fill(fresh[0]!);
  await expect(app.getByRole('grid', { name: 'Leads' }).getByRole('row').filter({ hasText: fresh[0]! })).toHaveCount(1);
  await shootStep(app, '7-leads-after-import');
  expect(kartra.requests()).toBe(before);
});

test('review: "replace every España with Spain" makes 15 rows ready in one action; a Tags column maps itself', async ({ app, host }) => {
  await connectSandbox(app);
  const stamp = `${Date.now()}`;
  const lines = ['E-mail Address,First,Surname,Phone #,Country,Tags'];
  for (let i = 1; i <= 15; i++) lines.push(`es.${stamp}.${i}@example.org,Ana${i},García,+34 600 000 0${String(i).padStart(2, '0')},España,VIP; Customer`);
  for (let i = 16; i <= 20; i++) lines.push(`ok.${stamp}.${i}@example.org,Ok${i},Smith,,Spain,Customer`);
  await dropFile(app, `spain-${stamp}.csv`, lines.join('\n'));
  await expect(app.getByRole('combobox', { name: 'Map column Tags' })).toHaveValue('Tags — several per cell', { timeout: 20_000 });
  await expect(app.getByRole('combobox', { name: 'Map column Surname' })).toHaveValue('Last name');
  await shootStep(app, '1-mapping');
  await validateMapping(app);
  await expect(countIn(app, 'Row counts', 'With errors')).toHaveText(/^With errors\s*15$/);
  // The reason is in the row, with the column's name, without hovering.
  await expect(app.getByRole('row').filter({ hasText: 'Country: "España" is not a country name' }).first()).toBeVisible();
  const fix = app.getByRole('region', { name: 'Fix a whole column' }).or(app.locator('section[aria-label="Fix a whole column"]'));
  await expect(fix.getByRole('textbox', { name: 'Replace every España with' })).toHaveValue('Spain');
  await shootStep(app, '2-review-errors');
  await fix.getByRole('button', { name: 'Replace every España with Spain' }).click();
  await expect(countIn(app, 'Row counts', 'Ready')).toHaveText(/^Ready\s*20$/);
  await expect(countIn(app, 'Row counts', 'With errors')).toHaveText(/^With errors\s*0$/);
  await expect(countIn(app, 'Import plan', 'New')).toHaveText(/^New\s*20$/);
  await shootStep(app, '3-review-fixed');
  await app.getByRole('button', { name: 'Continue to options' }).click();
  await expect(app.getByRole('radio', { name: /Add tags, lists and sequences only/ })).toBeChecked();
  await app.getByRole('radio', { name: /Overwrite their details/ }).check();
  await expect(app.getByRole('button', { name: 'Start import' })).toBeDisabled();
  await app.getByLabel(/^I confirm/).check();
  await shootStep(app, '4-options-overwrite');
  await expect(app.getByRole('button', { name: 'Start import' })).toBeDisabled();
  await app.getByLabel(/^Overwrite the details of/).check();
  await expect(app.getByRole('button', { name: 'Start import' })).toBeEnabled();
  expect(host).toBeTruthy();
});

test('an .xlsx workbook made with exceljs imports like a CSV', async ({ app, host }) => {
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const stamp = `${Date.now()}`;
  const path = join(tmpdir(), `leads-${stamp}.xlsx`);
  await writeWorkbook(path, [
    { name: 'Leads', rows: [['Email', 'First name', 'Last name', 'Joined'], ...[1, 2, 3].map((i) => [`xlsx.${stamp}.${i}@example.org`, `X${i}`, 'Sheet', new Date(Date.UTC(2024, 0, i))])] },
  ]);
  await dropFile(app, `leads-${stamp}.xlsx`, await readFile(path));
  const analysis = app.getByRole('group', { name: 'File analysis' });
  await expect(analysis).toContainText('3', { timeout: 20_000 });
  await expect(app.getByRole('combobox', { name: 'Map column Email' })).toHaveValue('Email');
  await validateMapping(app);
  await expect(countIn(app, 'Row counts', 'Ready')).toHaveText(/^Ready\s*3$/);
  await app.getByRole('button', { name: 'Continue to options' }).click();
  await confirmAndStart(app);
  await expect(countIn(app, 'Import report', 'Created')).toHaveText(/^Created\s*3$/, { timeout: 60_000 });
  await shootStep(app, '5-report');
  expect(kartra.lead({ email: `xlsx.${stamp}.2@example.org` }).profile).toMatchObject({ first_name: 'X2', last_name: 'Sheet' });
});
