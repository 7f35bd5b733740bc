// SQL of a job's row journal: the rows whose state differs from "ready as parsed" (invalid, excluded, fixed, sent).
import type { StatementSync } from 'node:sqlite';
import type { RowStatus } from '../../../shared/domain/import';
import type { CellError } from '../import/validate-row';
import { transaction, type Db } from '../store/database';
import { preparedStatements } from '../store/prepared-statements';

/** Rows per page of a job's file (PageLayout.pageSize). */
export const PAGE_SIZE = 500;

export type Step = 'create' | 'edit' | 'actions';

export interface RowRecord {
  row: number;
  status: RowStatus;
  excluded: boolean;
  /** Cell values after an inline fix (by column position), else null. */
  fixed: string[] | null;
  errors: CellError[];
  email: string | null;
  /** The call that was (or is) on its way while the row is in flight. */
  step: Step | null;
  outcome: string | null;
  reason: string | null;
  leadId: string | null;
}

interface Raw {
  row: number;
  status: RowStatus;
  excluded: number;
  fixed_json: string | null;
  errors_json: string | null;
  email: string | null;
  step: Step | null;
  outcome: string | null;
  reason: string | null;
  lead_id: string | null;
}

const toRecord = (r: Raw): RowRecord => ({
  row: r.row,
  status: r.status,
  excluded: r.excluded === 1,
  fixed: r.fixed_json === null ? null : (JSON.parse(r.fixed_json) as string[]),
  errors: r.errors_json === null ? [] : (JSON.parse(r.errors_json) as CellError[]),
  email: r.email,
  step: r.step,
  outcome: r.outcome,
  reason: r.reason,
  leadId: r.lead_id,
});

export interface Settlement {
  status: Extract<RowStatus, 'created' | 'updated' | 'skipped' | 'failed'>;
  outcome: string;
  /** Machine-readable why: exists, missing, partial, check, kartra, invalid, … */
  reason: string;
  leadId: string | null;
}

export class RowRepo {
  private readonly sql: (text: string) => StatementSync;

  constructor(private readonly db: Db) {
    this.sql = preparedStatements(db);
  }

  // ── Journal ─────────────────────────────────────────────────────────────────────────
  get(jobId: string, row: number): RowRecord | undefined {
    const raw = this.sql('SELECT * FROM job_rows WHERE job_id = ? AND row = ?').get(jobId, row) as Raw | undefined;
    return raw && toRecord(raw);
  }

  /** Journal entries of rows [from, to]. */
  range(jobId: string, from: number, to: number): Map<number, RowRecord> {
    const rows = this.sql('SELECT * FROM job_rows WHERE job_id = ? AND row BETWEEN ? AND ?').all(jobId, from, to) as unknown as Raw[];
    return new Map(rows.map((r) => [r.row, toRecord(r)]));
  }

  withEmail(jobId: string, emailKey: string): RowRecord[] {
    return (this.sql('SELECT * FROM job_rows WHERE job_id = ? AND email = ?').all(jobId, emailKey) as unknown as Raw[]).map(toRecord);
  }

  byStatus(jobId: string, statuses: readonly RowStatus[], offset: number, limit: number): RowRecord[] {
    const marks = statuses.map(() => '?').join(', ');
    return (
      this.db.prepare(`SELECT * FROM job_rows WHERE job_id = ? AND status IN (${marks}) ORDER BY row LIMIT ? OFFSET ?`).all(jobId, ...statuses, limit, offset) as unknown as Raw[]
    ).map(toRecord);
  }

  /** Journal rows per status; rows without an entry are ready. */
  countByStatus(jobId: string): Partial<Record<RowStatus, number>> {
    const counts: Partial<Record<RowStatus, number>> = {};
    for (const r of this.sql('SELECT status, COUNT(*) AS n FROM job_rows WHERE job_id = ? GROUP BY status').all(jobId) as { status: RowStatus; n: number }[]) {
      counts[r.status] = r.n;
    }
    return counts;
  }

  /** Per page: journal entries that are not ready, and entries whose status is one of `statuses`. */
  pageStats(jobId: string, statuses: readonly RowStatus[]): Map<number, { notReady: number; matching: number }> {
    const wanted = statuses.filter((s) => s !== 'ready');
    const marks = wanted.length > 0 ? wanted.map(() => '?').join(', ') : "''";
    const rows = this.db
      .prepare(
        `SELECT (row - 1) / ${PAGE_SIZE} AS page, SUM(status != 'ready') AS not_ready, SUM(status IN (${marks})) AS matching
         FROM job_rows WHERE job_id = ? GROUP BY page`,
      )
      .all(...wanted, jobId) as { page: number; not_ready: number; matching: number }[];
    return new Map(rows.map((r) => [r.page, { notReady: r.not_ready, matching: r.matching }]));
  }

  /** Rows whose lead is in Kartra after the run: created, updated, or skipped because it already existed. */
  leadsOf(jobId: string): { leadId: string | null; email: string | null }[] {
    return (
      this.sql(
        "SELECT lead_id, email FROM job_rows WHERE job_id = ? AND (status IN ('created', 'updated') OR (status = 'skipped' AND reason = 'exists')) ORDER BY row",
      ).all(jobId) as { lead_id: string | null; email: string | null }[]
    ).map((r) => ({ leadId: r.lead_id, email: r.email }));
  }

  inFlight(jobId: string): RowRecord[] {
    return (this.sql("SELECT * FROM job_rows WHERE job_id = ? AND status = 'in_flight' ORDER BY row").all(jobId) as unknown as Raw[]).map(toRecord);
  }

  /** Written (and committed) before the call leaves: after a crash the row is checked, never re-sent blindly. */
  markInFlight(jobId: string, row: number, step: Step, email: string | null, leadId: string | null, now = Date.now()): void {
    this.sql(
      `INSERT INTO job_rows (job_id, row, status, email, step, lead_id, updated_at) VALUES (?, ?, 'in_flight', ?, ?, ?, ?)
       ON CONFLICT (job_id, row) DO UPDATE SET status = 'in_flight', step = excluded.step, email = COALESCE(excluded.email, job_rows.email),
         lead_id = COALESCE(excluded.lead_id, job_rows.lead_id), updated_at = excluded.updated_at`,
    ).run(jobId, row, email, step, leadId, now);
  }

  /** A row may settle without a call of its own having been journaled (an existing lead left unchanged after a read). */
  settle(jobId: string, row: number, s: Settlement, now = Date.now()): void {
    this.sql(
      `INSERT INTO job_rows (job_id, row, status, outcome, reason, lead_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (job_id, row) DO UPDATE SET status = excluded.status, step = NULL, outcome = excluded.outcome, reason = excluded.reason,
         lead_id = COALESCE(excluded.lead_id, job_rows.lead_id), updated_at = excluded.updated_at`,
    ).run(jobId, row, s.status, s.outcome, s.reason, s.leadId, now);
  }

  /** Nothing of the row reached Kartra: it waits to be sent again. */
  backToReady(jobId: string, row: number, now = Date.now()): void {
    this.sql("UPDATE job_rows SET status = 'ready', step = NULL, updated_at = ? WHERE job_id = ? AND row = ?").run(now, jobId, row);
  }

  /** An inline fix or an exclusion: the row's new state before any run. */
  saveRowState(jobId: string, r: Pick<RowRecord, 'row' | 'status' | 'excluded' | 'fixed' | 'errors' | 'email'>, now = Date.now()): void {
    this.sql(
      `INSERT INTO job_rows (job_id, row, status, excluded, fixed_json, errors_json, email, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (job_id, row) DO UPDATE SET status = excluded.status, excluded = excluded.excluded, fixed_json = excluded.fixed_json,
         errors_json = excluded.errors_json, email = excluded.email, updated_at = excluded.updated_at`,
    ).run(jobId, r.row, r.status, r.excluded ? 1 : 0, r.fixed ? JSON.stringify(r.fixed) : null, r.errors.length > 0 ? JSON.stringify(r.errors) : null, r.email, now);
  }

  remove(jobId: string, row: number): void {
    this.sql('DELETE FROM job_rows WHERE job_id = ? AND row = ?').run(jobId, row);
  }

  runInTransaction<T>(fn: () => T): T {
    return transaction(this.db, fn);
  }
}
