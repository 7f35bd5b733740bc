// The CSV corpus (e2e/fixtures/csv): every awkward or broken file goes through the real worker's analysis and
// validation and ends in a clear file-level message or per-row errors, as its manifest entry says; never a crash or a hang.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnMapping, FileAnalysis, ImportRow, JobProgress } from '../../../shared/domain/import';
import type { Envelope } from '../../../shared/ipc/envelope';
import type { Core } from '../core-types';
import { connectedCore } from '../jobs/testing/import-test-kit';
import { CoreHarness, valueOf } from '../testing/core-harness';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/ipc/contract';
import { callCore } from '../core-client';
import { writeWorkbook } from './testing/workbooks';

interface CorpusCase {
  file: string;
  about: string;
  fatal?: string;
  encoding?: FileAnalysis['encoding'];
  delimiter?: FileAnalysis['delimiter'];
  rowCount?: number;
  headers?: string[];
  problems?: string[];
  suggested?: ColumnMapping;
  mapping?: ColumnMapping;
  validateError?: string;
  counts?: { ready: number; invalid: number };
  errors?: Record<string, string>;
  values?: Record<string, Record<string, string>>;
  /** Names of the file's Tags/Lists/Sequences columns that the demo account lacks (import.unknownNames). */
  unknownNames?: { tags: string[]; lists: string[]; sequences: string[] };
  /** An .xlsx case: the workbook is made by the test with exceljs (`{ "date": "YYYY-MM-DD" }` cells become dates). */
  workbook?: { name: string; rows: unknown[][]; merges?: string[] }[];
}

const DIR = resolve(__dirname, '../../../../e2e/fixtures/csv');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { cases: CorpusCase[] };
const PER_FILE_MS = 5_000;

const h = new CoreHarness();

async function makeWorkbook(file: string, sheets: NonNullable<CorpusCase['workbook']>): Promise<string> {
  const path = join(h.tempDir(), file);
  const cell = (v: unknown) => (v !== null && typeof v === 'object' && 'date' in v ? new Date(`${(v as { date: string }).date}T00:00:00Z`) : v);
  await writeWorkbook(path, sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map(cell) as never[]) })));
  return path;
}
let core: Core;
beforeAll(async () => {
  core = (await connectedCore(h, await h.sandbox())).core;
}, 20_000);
afterAll(() => h.cleanup());

/** Fails instead of hanging: every step of a file is bounded. */
function bounded<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${PER_FILE_MS} ms`)), PER_FILE_MS);
    }),
  ]);
}

function call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Envelope<CommandOutput<K>>> {
  return bounded(command, callCore(core, command, input));
}

describe('CSV corpus', () => {
  it('has a manifest entry for every file, and at least 30 files', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.csv')).sort();
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(manifest.cases.filter((c) => !c.workbook).map((c) => c.file).sort()).toEqual(files);
  });

  it('keeps the worker healthy when refused files follow each other (an aborted pass leaves nothing behind)', async () => {
    for (let i = 0; i < 15; i++) {
      for (const [file, text] of [
        ['unclosed-quote.csv', 'never closed'],
        ['header-is-data.csv', 'The first row holds an email address'],
      ] as const) {
        const { jobId } = await bounded('importFile', core.importFile(join(DIR, file)));
        expect(valueOf<FileAnalysis>(await call('import.analyze', { jobId })).problems.join(' ')).toContain(text);
      }
    }
  });

  for (const c of manifest.cases) {
    it(`${c.file}: ${c.about}`, async () => {
      const { jobId } = await bounded('importFile', core.importFile(c.workbook ? await makeWorkbook(c.file, c.workbook) : join(DIR, c.file)));
      const analyzed = await call('import.analyze', { jobId });
      expect(analyzed.ok, JSON.stringify(analyzed)).toBe(true);
      const analysis = valueOf<FileAnalysis>(analyzed);
      if (c.fatal) {
        expect(analysis.problems.join(' ')).toContain(c.fatal);
        const job = valueOf<JobProgress>(await call('jobs.get', { jobId }));
        expect(job).toMatchObject({ status: 'failed', error: expect.stringContaining(c.fatal) });
        const refused = await call('import.validate', { jobId, mapping: {} });
        expect(refused.ok ? '' : refused.error.message).toContain('This file cannot be imported');
        return;
      }
      if (c.encoding) expect(analysis.encoding).toBe(c.encoding);
      if (c.delimiter) expect(analysis.delimiter).toBe(c.delimiter);
      if (c.rowCount !== undefined) expect(analysis.rowCount).toBe(c.rowCount);
      if (c.headers) expect(analysis.headers).toEqual(c.headers);
      if (c.problems) {
        if (c.problems.length === 0) expect(analysis.problems).toEqual([]);
        for (const p of c.problems) expect(analysis.problems.join(' | ')).toContain(p);
      }
      if (c.suggested) expect(analysis.suggestedMapping).toEqual(c.suggested);

      const validated = await call('import.validate', { jobId, mapping: c.mapping ?? analysis.suggestedMapping });
      if (c.validateError) {
        expect(validated.ok ? '' : validated.error.message).toContain(c.validateError);
        return;
      }
      const job = valueOf<JobProgress>(validated);
      if (c.counts) expect({ ready: job.counts.ready, invalid: job.counts.invalid }).toEqual(c.counts);
      const rows = valueOf<{ rows: ImportRow[] }>(await call('import.rows', { jobId, limit: 500 })).rows;
      for (const [row, text] of Object.entries(c.errors ?? {})) {
        const found = rows.find((r) => r.row === Number(row));
        expect(found?.status, `row ${row}`).toBe('invalid');
        expect(found?.errors.map((e) => `${e.column}: ${e.message}`).join(' | ')).toContain(text);
      }
      for (const [row, values] of Object.entries(c.values ?? {})) {
        const found =
          rows.find((r) => r.row === Number(row)) ?? valueOf<{ rows: ImportRow[] }>(await call('import.rows', { jobId, offset: Number(row) - 1, limit: 1 })).rows[0];
        expect(found?.values, `row ${row}`).toMatchObject(values);
      }
      if (c.unknownNames) expect(valueOf(await call('import.unknownNames', { jobId }))).toEqual(c.unknownNames);
    });
  }
});
