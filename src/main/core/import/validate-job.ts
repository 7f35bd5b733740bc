// Validation (worker thread): every row through the mapping and the cell rules, duplicates flagged, and only the
// rows that are not "ready as parsed" written to the journal; each row's email goes to the job's emails file.
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { AccountCustomField } from '../../../shared/domain/account';
import type { ColumnMapping } from '../../../shared/domain/import';
import type { PageLayout } from '../jobs/job-repo';
import { isBlank, type RowSink } from './analyze-file';
import { readRecords } from './csv-source';
import { DuplicateFinder } from './duplicates';
import { validateRow, type CellError, type CompiledMapping } from './validate-row';
import { shortTransaction } from './worker-db';
import { PRIVATE_FILE } from '../store/private-files';

export interface ValidateCounts {
  ready: number;
  invalid: number;
  excluded: number;
}

export interface ValidateInput {
  jobId: string;
  workDir: string;
  layout: PageLayout;
  headers: string[];
  mapping: ColumnMapping;
  fields: AccountCustomField[];
}

export const duplicateMessage = (first: number) => `duplicate of row ${first}: the same email address appears earlier in the file`;

/** One line per row (the row's lower-cased email, or nothing), after a leading newline: row r is line r. */
export const emailsFile = (workDir: string) => join(workDir, 'emails.txt');

const ROWS_PER_TRANSACTION = 2_000;
let passes = 0;

export class RowValidator implements RowSink {
  private readonly kept = new Map<number, { fixed: string[] | null; excluded: boolean }>();
  private readonly duplicates = new DuplicateFinder();
  private readonly emailHeader: string;
  private readonly insert: StatementSync;
  private readonly update: StatementSync;
  /** Written in the background (libuv), so a busy disk does not stall the parse. */
  private readonly emailsOut: WriteStream;
  /** Written under a name of its own and renamed when complete: an aborted pass never mixes into the file. */
  private readonly emailsTemp: string;
  private readonly emailsPath: string;
  private emailsError: Error | null = null;
  private emails: string[] = [];
  private writes: [number, string, string | null, string | null][] = [];
  readonly counts: ValidateCounts = { ready: 0, invalid: 0, excluded: 0 };
  private readonly now = Date.now();

  constructor(
    private readonly db: DatabaseSync,
    private readonly jobId: string,
    workDir: string,
    private readonly cm: CompiledMapping,
  ) {
    this.emailHeader = cm.headers[cm.emailIndex] ?? 'email';
    // Fixes and exclusions are the user's work: they survive a new mapping. Everything else is recomputed.
    shortTransaction(db, () => db.prepare('DELETE FROM job_rows WHERE job_id = ? AND fixed_json IS NULL AND excluded = 0').run(jobId));
    for (const r of db.prepare('SELECT row, fixed_json, excluded FROM job_rows WHERE job_id = ?').all(jobId) as { row: number; fixed_json: string | null; excluded: number }[]) {
      this.kept.set(r.row, { fixed: r.fixed_json === null ? null : (JSON.parse(r.fixed_json) as string[]), excluded: r.excluded === 1 });
    }
    this.insert = db.prepare('INSERT INTO job_rows (job_id, row, status, excluded, errors_json, email, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?)');
    this.update = db.prepare('UPDATE job_rows SET status = ?, errors_json = ?, email = ?, updated_at = ? WHERE job_id = ? AND row = ?');
    this.emailsPath = emailsFile(workDir);
    this.emailsTemp = `${this.emailsPath}.${process.pid}.${++passes}.tmp`;
    this.emailsOut = createWriteStream(this.emailsTemp, PRIVATE_FILE);
    // A stream error must never go unheard in the worker (it would end the thread); finish() reports it.
    this.emailsOut.on('error', (error) => (this.emailsError ??= error));
    this.emailsOut.write('\n');
  }

  row(row: number, cells: string[]): void {
    const k = this.kept.get(row);
    const check = validateRow(this.cm, k?.fixed ?? cells, k?.fixed != null, false);
    let errors: readonly CellError[] = check.errors;
    if (check.emailKey !== '' && !k?.excluded) {
      const first = this.duplicates.check(check.emailKey, row);
      if (first !== null) errors = [...errors, { column: this.emailHeader, message: duplicateMessage(first) }];
    }
    this.emails.push(check.emailKey);
    const status = k?.excluded ? 'excluded' : errors.length > 0 ? 'invalid' : 'ready';
    this.counts[status]++;
    if (k || errors.length > 0) this.writes.push([row, status, errors.length > 0 ? JSON.stringify(errors) : null, check.emailKey || null]);
    if (this.writes.length >= ROWS_PER_TRANSACTION) this.flushWrites();
    if (this.emails.length >= 20_000) this.flushEmails();
  }

  /** Writes what is left (the emails file is complete when this resolves); returns the counts. */
  async finish(): Promise<ValidateCounts> {
    this.flushWrites();
    this.flushEmails();
    await new Promise<void>((resolve, reject) => {
      if (this.emailsError) reject(this.emailsError);
      this.emailsOut.once('error', reject);
      this.emailsOut.end(() => resolve());
    });
    if (this.emailsError) throw this.emailsError;
    renameSync(this.emailsTemp, this.emailsPath);
    return this.counts;
  }

  abort(): void {
    this.emailsOut.once('close', () => rmSync(this.emailsTemp, { force: true }));
    this.emailsOut.destroy();
  }

  private flushEmails(): void {
    if (this.emails.length === 0) return;
    this.emailsOut.write(`${this.emails.join('\n')}\n`);
    this.emails = [];
  }

  private flushWrites(): void {
    if (this.writes.length === 0) return;
    const batch = this.writes;
    this.writes = [];
    shortTransaction(this.db, () => {
      for (const [row, status, errors, email] of batch) {
        if (this.kept.has(row)) this.update.run(status, errors, email, this.now, this.jobId, row);
        else this.insert.run(this.jobId, row, status, errors, email, this.now);
      }
    });
  }
}

/** A full validation pass over the job's (UTF-8) rows with a mapping the user chose. */
export async function validatePass(db: DatabaseSync, input: ValidateInput, cm: CompiledMapping, onProgress: (rows: number) => void): Promise<ValidateCounts> {
  const validator = new RowValidator(db, input.jobId, input.workDir, cm);
  let header = false;
  let rows = 0;
  try {
    // The layout's file was fully read once: it is UTF-8 (a BOM, if any, is dropped by the parser).
    await readRecords({ path: input.layout.path, encoding: 'utf-8-bom', delimiter: input.layout.delimiter, sepLine: input.layout.sepLine }, (cells) => {
      if (isBlank(cells)) return;
      if (!header) {
        header = true;
        return;
      }
      validator.row(++rows, cells);
      if (rows % 50_000 === 0) onProgress(rows);
    });
  } catch (error) {
    validator.abort();
    throw error;
  }
  onProgress(rows);
  return await validator.finish();
}
