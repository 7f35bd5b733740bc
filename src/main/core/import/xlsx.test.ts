// Excel workbooks through the real core and worker: the first sheet imports like a CSV (dates, numbers, formulas,
// rich text as shown in Excel), and bad workbooks — merged header cells, an empty sheet, a password, a broken
// archive — end in a clear message. Every fixture is made here with exceljs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileAnalysis, ImportRow, JobProgress } from '../../../shared/domain/import';
import type { Core } from '../core-types';
import { analyze, connectedCore, freshEmail, upload, waitForJob } from '../jobs/testing/import-test-kit';
import { CoreHarness, valueOf } from '../testing/core-harness';
import { encryptedWorkbookBytes, writeWorkbook } from './testing/workbooks';

const h = new CoreHarness();
let core: Core;
let dir: string;
beforeAll(async () => {
  core = (await connectedCore(h, await h.sandbox())).core;
  dir = h.tempDir();
}, 20_000);
afterAll(() => h.cleanup());

async function book(name: string, sheets: Parameters<typeof writeWorkbook>[1]): Promise<Buffer> {
  const path = join(dir, name);
  await writeWorkbook(path, sheets);
  return readFileSync(path);
}

describe('xlsx import', () => {
  it('reads the first sheet as the user sees it, and imports it', async () => {
    const [a, b] = [freshEmail('xa'), freshEmail('xb')];
    const bytes = await book('leads.xlsx', [
      {
        name: 'Leads',
        rows: [
          ['Email', 'First name', 'Phone', 'Signed up', 'Tags', 'Score'],
          [a, { richText: [{ text: 'Ann' }, { text: 'a' }] }, 447700900123, new Date(Date.UTC(2024, 11, 31)), 'VIP; Customer', { formula: '1+1', result: 2 }],
          [],
          [b, 'Bob', '+1 212 555 0100', 'yesterday', 'Customer', 3.5],
        ],
      },
      { name: 'Notes', rows: [['not read']] },
    ]);
    const jobId = await upload(core, 'leads.xlsx', bytes);
    const analysis = await analyze(core, jobId);
    expect(analysis).toMatchObject({ sheet: 'Leads', sheets: ['Leads', 'Notes'], rowCount: 2, headers: ['Email', 'First name', 'Phone', 'Signed up', 'Tags', 'Score'], bytes: bytes.length });
    // The other sheets are offered by name (the sheet picker, the CLI's --sheet), not reported as a problem.
    expect(analysis.problems).toEqual([]);
    expect(analysis.suggestedMapping).toMatchObject({ Email: 'email', 'First name': 'first_name', Phone: 'phone', Tags: 'tags' });
    const mapping = { ...analysis.suggestedMapping, 'Signed up': 'ignore', Score: 'ignore' } as const;
    expect(valueOf<JobProgress>(await core.handle('import.validate', { jobId, mapping })).counts).toMatchObject({ ready: 2, invalid: 0 });
    const { rows } = valueOf<{ rows: ImportRow[] }>(await core.handle('import.rows', { jobId }));
    expect(rows.map((r) => r.values)).toEqual([
      { Email: a, 'First name': 'Anna', Phone: '447700900123', 'Signed up': '2024-12-31', Tags: 'VIP; Customer', Score: '2' },
      { Email: b, 'First name': 'Bob', Phone: '+1 212 555 0100', 'Signed up': 'yesterday', Tags: 'Customer', Score: '3.5' },
    ]);
    valueOf(await core.handle('import.start', { jobId, options: { mode: 'upsert', gdprConfirmed: true } }));
    expect((await waitForJob(core, jobId)).counts).toMatchObject({ created: 2, failed: 0 });
  });

  it('reads the sheet the user picks, by name or by position, and imports that one', async () => {
    const [a, b] = [freshEmail('s2a'), freshEmail('s2b')];
    const bytes = await book('two.xlsx', [
      { name: 'Summary', rows: [['Total', 'Month'], [2, 'May']] },
      { name: 'Contacts', rows: [['E-mail Address', 'First'], [a, 'Ann'], [b, 'Bob']] },
    ]);
    const jobId = await upload(core, 'two.xlsx', bytes);
    expect(await analyze(core, jobId)).toMatchObject({ sheet: 'Summary', sheets: ['Summary', 'Contacts'], headers: ['Total', 'Month'] });
    const picked = valueOf<FileAnalysis>(await core.handle('import.analyze', { jobId, sheet: 'contacts' }));
    expect(picked).toMatchObject({ sheet: 'Contacts', sheets: ['Summary', 'Contacts'], headers: ['E-mail Address', 'First'], rowCount: 2 });
    expect(picked.suggestedMapping).toMatchObject({ 'E-mail Address': 'email', First: 'first_name' });
    // Asked again without a sheet (a reloaded window): the sheet picked last.
    expect(await analyze(core, jobId)).toMatchObject({ sheet: 'Contacts' });
    expect(valueOf<FileAnalysis>(await core.handle('import.analyze', { jobId, sheet: 1 }))).toMatchObject({ sheet: 'Summary', rowCount: 1 });
    expect(valueOf<FileAnalysis>(await core.handle('import.analyze', { jobId, sheet: 2 }))).toMatchObject({ sheet: 'Contacts', rowCount: 2 });
    valueOf(await core.handle('import.validate', { jobId, mapping: picked.suggestedMapping }));
    const { rows } = valueOf<{ rows: ImportRow[] }>(await core.handle('import.rows', { jobId }));
    expect(rows.map((r) => r.values['E-mail Address'])).toEqual([a, b]);
    valueOf(await core.handle('import.start', { jobId, options: { mode: 'upsert', gdprConfirmed: true } }));
    expect((await waitForJob(core, jobId)).counts).toMatchObject({ created: 2, failed: 0 });
  });

  it('a picked sheet that is empty, has merged header cells or does not exist gets a clear message, and another can still be picked', async () => {
    const bytes = await book('three.xlsx', [
      { name: 'Empty', rows: [] },
      { name: 'Merged', rows: [['Name', null, 'Email'], ['Ann', 'Lee', 'ann@example.com']], merges: ['A1:B1'] },
      { name: 'Good', rows: [['Email'], [freshEmail('good')]] },
    ]);
    const jobId = await upload(core, 'three.xlsx', bytes);
    const first = await analyze(core, jobId);
    expect(first.problems[0]).toContain('The first sheet of this workbook ("Empty") is empty. Choose another sheet');
    expect(first.sheets).toEqual(['Empty', 'Merged', 'Good']);
    const merged = valueOf<FileAnalysis>(await core.handle('import.analyze', { jobId, sheet: 'Merged' }));
    expect(merged.problems[0]).toContain('The header row of sheet "Merged" (row 1) has no name in column B');
    const missing = valueOf<FileAnalysis>(await core.handle('import.analyze', { jobId, sheet: 'Leads' }));
    expect(missing.problems[0]).toBe('This workbook has no sheet named "Leads"; its sheets are "Empty", "Merged", "Good". Choose one of them.');
    expect(valueOf<FileAnalysis>(await core.handle('import.analyze', { jobId, sheet: 7 })).problems[0]).toContain('This workbook has no sheet 7 (it has 3)');
    expect(valueOf<FileAnalysis>(await core.handle('import.analyze', { jobId, sheet: 3 }))).toMatchObject({ sheet: 'Good', rowCount: 1, problems: [] });
    expect((await waitForJob(core, jobId, ['analyzed'])).status).toBe('analyzed');
  });

  it('a CSV file has no sheets to pick', async () => {
    const jobId = await upload(core, 'plain.csv', 'Email\na@example.com\n');
    await analyze(core, jobId);
    const answer = await core.handle('import.analyze', { jobId, sheet: 2 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'This file is not an Excel workbook, so it has no sheets to choose from.' } });
  });

  const bad: [string, () => Promise<Buffer> | Buffer, string][] = [
    [
      'merged header cells',
      () => book('merged.xlsx', [{ name: 'Sheet1', rows: [['Name', null, 'Email'], ['First', 'Last', 'Address'], ['Ann', 'Lee', 'ann@example.com']], merges: ['A1:B1'] }]),
      'The header row of sheet "Sheet1" (row 1) has no name in column B, between named columns — usually merged header cells',
    ],
    ['an empty sheet', () => book('empty.xlsx', [{ name: 'Leads', rows: [] }]), 'The first sheet of this workbook ("Leads") is empty'],
    ['a sheet of blank cells', () => book('blank.xlsx', [{ name: 'Leads', rows: [[' ', ''], ['']] }]), 'The first sheet of this workbook ("Leads") is empty'],
    ['a password-protected workbook', () => encryptedWorkbookBytes(), 'This Excel workbook is password-protected'],
    ['a header without rows', () => book('header.xlsx', [{ name: 'S', rows: [['Email', 'Name']] }]), 'The file has a header row but no data rows.'],
    ['a damaged archive', async () => (await book('cut.xlsx', [{ name: 'S', rows: [['Email'], ['a@example.com']] }])).subarray(0, 300), 'Excel workbook (.xlsx) or another ZIP archive that cannot be read'],
  ];
  for (const [about, make, message] of bad) {
    it(`refuses ${about} with a clear message`, async () => {
      const jobId = await upload(core, 'bad.xlsx', await make());
      const analysis = await analyze(core, jobId);
      expect(analysis.problems[0]).toContain(message);
      expect((await waitForJob(core, jobId, ['failed'])).error).toContain(message);
    });
  }
});
