// The sheet reader in this process, where a stray error from exceljs's temp files would surface as an uncaught
// exception (in the parse worker it killed the thread and failed the next file): sheets passed over on the way to
// the chosen one, or to none, are read through before exceljs deletes them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeWorkbook } from './testing/workbooks';
import { xlsxToCsv } from './xlsx-source';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('xlsxToCsv', () => {
  it('passes over sheets before the chosen one (or all of them) without an error escaping', async () => {
    const path = join(dir, 'three.xlsx');
    // exceljs stores the sheets before the workbook's list, so each is kept in a temp file until the list is read.
    await writeWorkbook(path, [
      { name: 'Empty', rows: [] },
      { name: 'Notes', rows: [['not read'], ['nor this']] },
      { name: 'Good', rows: [['Email'], ['good@example.com']] },
    ]);
    const stray: unknown[] = [];
    const onError = (error: unknown) => stray.push(error);
    process.on('uncaughtException', onError);
    try {
      // The race lost about one read in twenty before the fix; 150 reads of a few ms each.
      for (let i = 0; i < 50; i++) {
        expect(await xlsxToCsv(path, join(dir, 'out.csv'), () => {}, 2)).toMatchObject({ sheet: 'Notes', rows: 1, fatal: null });
        expect(await xlsxToCsv(path, join(dir, 'out.csv'), () => {}, 3)).toMatchObject({ sheet: 'Good', rows: 1, fatal: null });
        expect((await xlsxToCsv(path, join(dir, 'out.csv'), () => {}, 'Leads')).fatal).toContain('no sheet named "Leads"');
      }
      await new Promise((resolve) => setTimeout(resolve, 200)); // a late open of a deleted temp file fails here
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(stray).toEqual([]);
  });
});
