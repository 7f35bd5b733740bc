// The parse worker's own connection to the app database (same file, WAL) and every statement the worker runs:
// the job's row journal and the remembered mapping lookup, written in short transactions.
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { ColumnMapping } from '../../../shared/domain/import';
import { transaction } from '../store/database';
import { MappingRepo } from './mapping-repo';

/** A row the user already touched: its fixed cells and exclusion survive a new mapping. */
export interface KeptRow {
  row: number;
  fixed: string[] | null;
  excluded: boolean;
}

/** One validated row for the journal. */
export interface JournalWrite {
  row: number;
  status: string;
  errors: string | null;
  email: string | null;
  /** Fixed cells (JSON), or undefined to keep what the journal holds. */
  fixed: string | undefined;
  /** The journal already has this row (update) rather than not (insert). */
  journaled: boolean;
}

export class WorkerRepo {
  private readonly mappings: MappingRepo;
  /** Prepared on first use, once per connection: a validation pass writes in many batches. */
  private statements: { insert: StatementSync; update: StatementSync; insertFixed: StatementSync; updateFixed: StatementSync } | null = null;

  private constructor(private readonly db: DatabaseSync) {
    this.mappings = new MappingRepo(db);
  }

  /**
   * Opens the already-migrated app database from a worker thread; never migrates. The main process has the
   * file in WAL mode (it persists in the file), so the worker's readers and the main thread's writers coexist.
   */
  static open(file: string): WorkerRepo {
    const db = new DatabaseSync(file);
    db.exec('PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
    return new WorkerRepo(db);
  }

  close(): void {
    this.db.close();
  }

  rememberedMapping(accountId: string, headerKey: string): ColumnMapping | undefined {
    return this.mappings.get(accountId, headerKey);
  }

  /** Empties the job's journal (a new analysis, or one that ended fatally). */
  clearRows(jobId: string): void {
    this.short(() => this.db.prepare('DELETE FROM job_rows WHERE job_id = ?').run(jobId));
  }

  /** Drops the rows a pass recomputes, keeping the user's fixes and exclusions; returns those kept. */
  resetForPass(jobId: string): KeptRow[] {
    this.short(() => this.db.prepare('DELETE FROM job_rows WHERE job_id = ? AND fixed_json IS NULL AND excluded = 0').run(jobId));
    const rows = this.db.prepare('SELECT row, fixed_json, excluded FROM job_rows WHERE job_id = ?').all(jobId) as { row: number; fixed_json: string | null; excluded: number }[];
    return rows.map((r) => ({ row: r.row, fixed: r.fixed_json === null ? null : (JSON.parse(r.fixed_json) as string[]), excluded: r.excluded === 1 }));
  }

  /** Writes one batch of validated rows in one short transaction. */
  writeRows(jobId: string, now: number, batch: readonly JournalWrite[]): void {
    const s = (this.statements ??= {
      insert: this.db.prepare('INSERT INTO job_rows (job_id, row, status, excluded, errors_json, email, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?)'),
      update: this.db.prepare('UPDATE job_rows SET status = ?, errors_json = ?, email = ?, updated_at = ? WHERE job_id = ? AND row = ?'),
      insertFixed: this.db.prepare('INSERT INTO job_rows (job_id, row, status, excluded, errors_json, email, updated_at, fixed_json) VALUES (?, ?, ?, 0, ?, ?, ?, ?)'),
      updateFixed: this.db.prepare('UPDATE job_rows SET status = ?, errors_json = ?, email = ?, updated_at = ?, fixed_json = ? WHERE job_id = ? AND row = ?'),
    });
    this.short(() => {
      for (const { row, status, errors, email, fixed, journaled } of batch) {
        if (fixed !== undefined) {
          if (journaled) s.updateFixed.run(status, errors, email, now, fixed, jobId, row);
          else s.insertFixed.run(jobId, row, status, errors, email, now, fixed);
        } else if (journaled) s.update.run(status, errors, email, now, jobId, row);
        else s.insert.run(jobId, row, status, errors, email, now);
      }
    });
  }

  /**
   * The main thread writes to the same file: keeping each transaction to a few thousand rows keeps its waits
   * (busy_timeout) in the milliseconds.
   */
  private short(fn: () => void): void {
    transaction(this.db, fn);
  }
}
