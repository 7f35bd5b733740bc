// Inline fixes and exclusions before a run: the fixed row is validated again (duplicates included), counts follow.
import { readFileSync } from 'node:fs';
import type { AccountCustomField } from '../../../shared/domain/account';
import type { ImportRow } from '../../../shared/domain/import';
import { AppError } from '../errors';
import { EMPTY_COUNTS, type JobCounts, type JobRecord } from '../jobs/job-repo';
import type { Pages } from '../jobs/pages';
import type { RowRepo } from '../jobs/row-repo';
import { toImportRow } from './row-views';
import { duplicateMessage, emailsFile } from './validate-job';
import { compileMapping, validateRow, type CellError } from './validate-row';

const invalid = (message: string, field: string) => new AppError('invalid_input', message, { details: { field } });

function checkRow(job: JobRecord, row: number): void {
  if (!Number.isInteger(row) || row < 1 || row > job.total) throw invalid(`Row ${row} does not exist; this file has ${job.total} rows.`, 'row');
}

/** Rows whose line in the emails file (written by the last validation) is this email. */
export function rowsInEmailsFile(path: string, emailKey: string): number[] {
  let text: Buffer;
  try {
    text = readFileSync(path);
  } catch {
    return [];
  }
  const needle = Buffer.from(`\n${emailKey}\n`);
  const rows: number[] = [];
  let line = 0;
  let counted = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    // Row r's email follows the r-th newline.
    for (let i = counted; i <= at; i++) if (text[i] === 10) line++;
    counted = at + 1;
    rows.push(line);
  }
  return rows;
}

/** The earliest other row (before `row`, not excluded) that holds this email now. */
function earlierDuplicate(repo: RowRepo, job: JobRecord, workDir: string, row: number, emailKey: string): number | null {
  const candidates = new Set<number>([...rowsInEmailsFile(emailsFile(workDir), emailKey), ...repo.withEmail(job.id, emailKey).map((r) => r.row)]);
  let first: number | null = null;
  for (const other of candidates) {
    if (other >= row || (first !== null && other > first)) continue;
    const rec = repo.get(job.id, other);
    // A row fixed since validation holds the email of its fix, not the one on its page.
    if (rec?.excluded || (rec?.fixed && rec.email !== emailKey)) continue;
    first = other;
  }
  return first;
}

export interface RowEditContext {
  repo: RowRepo;
  pages: Pages;
  /** The job's folder (its emails file). */
  workDir: string;
}

export function fixCell(ctx: RowEditContext, job: JobRecord, fields: AccountCustomField[], row: number, column: string, value: string): ImportRow {
  const { repo } = ctx;
  checkRow(job, row);
  const headers = job.headers ?? [];
  const index = headers.indexOf(column);
  if (index < 0) throw invalid(`This file has no column "${column}".`, 'column');
  const cm = compileMapping(headers, job.mapping ?? {}, fields);
  const rec = repo.get(job.id, row);
  const original = rec?.fixed ?? ctx.pages.cells(job.id, row) ?? [];
  // The user sees the row aligned to the header; that alignment is what gets fixed and sent.
  const cells = headers.map((_, i) => original[i] ?? '');
  cells[index] = value;
  const check = validateRow(cm, cells, true);
  let errors: CellError[] = check.errors;
  if (check.emailKey !== '') {
    const first = earlierDuplicate(repo, job, ctx.workDir, row, check.emailKey);
    if (first !== null) errors = [...errors, { column: headers[cm.emailIndex] ?? column, message: duplicateMessage(first) }];
  }
  const excluded = rec?.excluded ?? false;
  const status = excluded ? 'excluded' : errors.length > 0 ? 'invalid' : 'ready';
  repo.saveRowState(job.id, { row, status, excluded, fixed: cells, errors, email: check.emailKey || null });
  return toImportRow(headers, row, cells, repo.get(job.id, row));
}

export function exclude(repo: RowRepo, job: JobRecord, rows: readonly number[], excluded: boolean): void {
  for (const row of rows) checkRow(job, row);
  repo.runInTransaction(() => {
    for (const row of new Set(rows)) {
      const rec = repo.get(job.id, row);
      if (excluded) {
        repo.saveRowState(job.id, { row, status: 'excluded', excluded: true, fixed: rec?.fixed ?? null, errors: rec?.errors ?? [], email: rec?.email ?? null });
      } else if (rec) {
        const status = rec.errors.length > 0 ? 'invalid' : 'ready';
        if (status === 'ready' && !rec.fixed) repo.remove(job.id, row);
        else repo.saveRowState(job.id, { ...rec, status, excluded: false });
      }
    }
  });
}

/** Counts before a run: journal entries by status, every other row ready. */
export function countsBeforeRun(repo: RowRepo, job: JobRecord): JobCounts {
  const byStatus = repo.countByStatus(job.id);
  const invalidRows = byStatus.invalid ?? 0;
  const excludedRows = byStatus.excluded ?? 0;
  return { ...EMPTY_COUNTS, total: job.total, invalid: invalidRows, excluded: excludedRows, ready: Math.max(0, job.total - invalidRows - excludedRows) };
}
