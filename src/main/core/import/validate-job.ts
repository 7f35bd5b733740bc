// Validation (worker thread): every row through the mapping and the cell rules, duplicates flagged, and only the
// rows that are not "ready as parsed" written to the journal; each row's email goes to the job's emails file.
import { createWriteStream, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { AccountCustomField } from '../../../shared/domain/account';
import type { ColumnMapping } from '../../../shared/domain/import';
import type { PageLayout } from '../jobs/job-repo';
import { isBlank, type RowSink } from './analyze-file';
import { readRecords } from './csv-source';
import { DuplicateFinder } from './duplicates';
import type { CellTransform } from './bulk-fixes';
import { splitList } from './list-cells';
import { validateRow, type CellError, type CompiledMapping } from './validate-row';
import type { JournalWrite, WorkerRepo } from './worker-repo';
import { PRIVATE_FILE } from '../store/private-files';

export interface ValidateCounts {
  ready: number;
  invalid: number;
  excluded: number;
  /** Rows a bulk fix changed in this pass. */
  changed: number;
}

/** The distinct names a Tags/Lists/Sequences column holds, written by validation for the check against the account. */
export const actionValuesFile = (workDir: string) => join(workDir, 'action-values.json');
export interface ActionValues {
  tags: string[];
  lists: string[];
  sequences: string[];
  /** More distinct names than kept (MAX_DISTINCT per kind). */
  truncated: boolean;
}
const MAX_DISTINCT = 5_000;

export interface ValidateInput {
  jobId: string;
  workDir: string;
  layout: PageLayout;
  headers: string[];
  mapping: ColumnMapping;
  fields: AccountCustomField[];
}

export const duplicateMessage = (first: number) => `duplicate of row ${first}: the same email address appears earlier in the file`;
export const isDuplicateMessage = (message: string) => /^duplicate of row \d+: /.test(message);

/** One line per row (the row's lower-cased email, or nothing), after a leading newline: row r is line r. */
export const emailsFile = (workDir: string) => join(workDir, 'emails.txt');

const ROWS_PER_TRANSACTION = 2_000;
let passes = 0;

export class RowValidator implements RowSink {
  private readonly kept = new Map<number, { fixed: string[] | null; excluded: boolean }>();
  private readonly duplicates = new DuplicateFinder();
  private readonly emailHeader: string;
  /** Written in the background (libuv), so a busy disk does not stall the parse. */
  private readonly emailsOut: WriteStream;
  /** Written under a name of its own and renamed when complete: an aborted pass never mixes into the file. */
  private readonly emailsTemp: string;
  private readonly emailsPath: string;
  private emailsError: Error | null = null;
  private emails: string[] = [];
  private writes: JournalWrite[] = [];
  readonly counts: ValidateCounts = { ready: 0, invalid: 0, excluded: 0, changed: 0 };
  private readonly values = { tags: new Map<string, string>(), lists: new Map<string, string>(), sequences: new Map<string, string>() };
  private valuesTruncated = false;
  private readonly workDir: string;
  private readonly now = Date.now();

  constructor(
    private readonly repo: WorkerRepo,
    private readonly jobId: string,
    workDir: string,
    private readonly cm: CompiledMapping,
    /** A bulk fix applied to every row in this pass; rows it changes are journaled as fixed. */
    private readonly transform: CellTransform | null = null,
  ) {
    this.workDir = workDir;
    this.emailHeader = cm.headers[cm.emailIndex] ?? 'email';
    // Fixes and exclusions are the user's work: they survive a new mapping. Everything else is recomputed.
    for (const k of repo.resetForPass(jobId)) this.kept.set(k.row, { fixed: k.fixed, excluded: k.excluded });
    this.emailsPath = emailsFile(workDir);
    this.emailsTemp = `${this.emailsPath}.${process.pid}.${++passes}.tmp`;
    this.emailsOut = createWriteStream(this.emailsTemp, PRIVATE_FILE);
    // A stream error must never go unheard in the worker (it would end the thread); finish() reports it.
    this.emailsOut.on('error', (error) => (this.emailsError ??= error));
    this.emailsOut.write('\n');
  }

  row(row: number, cells: string[]): void {
    const k = this.kept.get(row);
    const fixed = this.transform ? this.transform(k?.fixed ?? cells) : null;
    if (fixed) this.counts.changed++;
    const current = fixed ?? k?.fixed ?? cells;
    const check = validateRow(this.cm, current, fixed !== null || k?.fixed != null, false);
    let errors: readonly CellError[] = check.errors;
    if (check.emailKey !== '' && !k?.excluded) {
      const first = this.duplicates.check(check.emailKey, row);
      if (first !== null) errors = [...errors, { column: this.emailHeader, message: duplicateMessage(first) }];
    }
    this.emails.push(check.emailKey);
    const status = k?.excluded ? 'excluded' : errors.length > 0 ? 'invalid' : 'ready';
    // Names of ready rows only: an invalid row is fixed (a new pass) or left out before the run.
    if (status === 'ready' && this.cm.actionColumns.length > 0) this.collectValues(current);
    this.counts[status]++;
    if (k || fixed || errors.length > 0) {
      this.writes.push({
        row,
        status,
        errors: errors.length > 0 ? JSON.stringify(errors) : null,
        email: check.emailKey || null,
        fixed: fixed ? JSON.stringify(fixed) : undefined,
        journaled: k !== undefined,
      });
    }
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
    const names = (m: Map<string, string>) => [...m.values()].sort((a, b) => a.localeCompare(b));
    const values: ActionValues = { tags: names(this.values.tags), lists: names(this.values.lists), sequences: names(this.values.sequences), truncated: this.valuesTruncated };
    writeFileSync(actionValuesFile(this.workDir), JSON.stringify(values), PRIVATE_FILE);
    return this.counts;
  }

  abort(): void {
    this.emailsOut.once('close', () => rmSync(this.emailsTemp, { force: true }));
    this.emailsOut.destroy();
  }

  private collectValues(cells: readonly string[]): void {
    for (const column of this.cm.actionColumns) {
      const cell = cells[column.index] ?? '';
      if (cell.trim() === '') continue;
      const into = this.values[column.action!];
      for (const name of splitList(cell)) {
        const key = name.toLowerCase();
        if (into.has(key)) continue;
        if (into.size >= MAX_DISTINCT) this.valuesTruncated = true;
        else into.set(key, name);
      }
    }
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
    this.repo.writeRows(this.jobId, this.now, batch);
  }
}

/** A full validation pass over the job's (UTF-8) rows with a mapping the user chose. */
export async function validatePass(
  repo: WorkerRepo,
  input: ValidateInput,
  cm: CompiledMapping,
  onProgress: (rows: number) => void,
  transform: CellTransform | null = null,
): Promise<ValidateCounts> {
  const validator = new RowValidator(repo, input.jobId, input.workDir, cm, transform);
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
