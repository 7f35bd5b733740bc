// SQL of the jobs table: one import or recipe run per record, with its file, mapping, options, counts and status.
import type { StatementSync } from 'node:sqlite';
import type { AccountCustomField } from '../../../shared/domain/account';
import type { LeadAction } from '../../../shared/domain/actions';
import type { RecipeCondition } from '../../../shared/domain/recipe-conditions';
import type { ColumnMapping, FileAnalysis, ImportOptions, JobStatus } from '../../../shared/domain/import';
import type { Delimiter } from '../import/delimiter';
import type { Db } from '../store/database';
import { preparedStatements } from '../store/prepared-statements';

export type JobKind = 'import' | 'recipe';
/** Why a job is paused; 'sequence_step': its first row met Kartra 230 (no such step), the job asks the user. */
export type PauseReason = 'user' | 'network' | 'account' | 'sequence_step';

export interface JobCounts {
  total: number;
  invalid: number;
  excluded: number;
  ready: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

export const EMPTY_COUNTS: JobCounts = { total: 0, invalid: 0, excluded: 0, ready: 0, created: 0, updated: 0, skipped: 0, failed: 0 };

/** What a job sends: the import's options and chain, or the recipe's conditions and actions. */
export type JobPlan =
  | { kind: 'import'; options: ImportOptions; actions: LeadAction[] }
  /** `conditions` and `clear` are absent in runs started before recipes had them. */
  | { kind: 'recipe'; recipeId: string; actions: LeadAction[]; conditions?: RecipeCondition[]; clear?: string[] }
  /** A bulk action or an undo (stored as a recipe run): each row carries its own change (bulk-actions/bulk-rows.ts). */
  | { kind: 'bulk'; source: 'bulk' | 'undo'; summary: string };

export interface StoredAnalysis extends FileAnalysis {
  /** Why the file cannot be imported at all, else null. */
  fatal: string | null;
}

/** Where a job's rows are: a UTF-8 CSV file and the byte offset at which each page of rows starts. */
export interface PageLayout {
  path: string;
  delimiter: Delimiter;
  /** The file starts with Excel's sep= line (a full pass skips it). */
  sepLine: boolean;
  pageSize: number;
  starts: number[];
  /** Where the last page ends (the file's size when it was read). */
  end: number;
}

/** The mapping (and custom fields) the journal's validation results belong to. */
export interface Validated {
  mapping: ColumnMapping;
  fields: AccountCustomField[];
}

export interface JobRecord {
  id: string;
  accountId: string;
  kind: JobKind;
  name: string;
  status: JobStatus;
  pauseReason: PauseReason | null;
  error: string | null;
  sourcePath: string | null;
  fileBytes: number;
  receivedBytes: number;
  analysis: StoredAnalysis | null;
  headers: string[] | null;
  /** The mapping the journal was last validated with (by the analysis's own pass or by import.validate). */
  validated: Validated | null;
  mapping: ColumnMapping | null;
  fields: AccountCustomField[] | null;
  plan: JobPlan | null;
  total: number;
  counts: JobCounts;
  cursorRow: number;
  calls: number;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

interface Raw {
  id: string;
  account_id: string;
  kind: JobKind;
  name: string;
  status: JobStatus;
  pause_reason: PauseReason | null;
  error: string | null;
  source_path: string | null;
  file_bytes: number;
  received_bytes: number;
  analysis_json: string | null;
  headers_json: string | null;
  validated_json: string | null;
  mapping_json: string | null;
  fields_json: string | null;
  options_json: string | null;
  total: number;
  counts_json: string | null;
  cursor_row: number;
  calls: number;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  finished_at: number | null;
}

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

function toRecord(r: Raw): JobRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    kind: r.kind,
    name: r.name,
    status: r.status,
    pauseReason: r.pause_reason,
    error: r.error,
    sourcePath: r.source_path,
    fileBytes: r.file_bytes,
    receivedBytes: r.received_bytes,
    analysis: json(r.analysis_json),
    headers: json(r.headers_json),
    validated: json(r.validated_json),
    mapping: json(r.mapping_json),
    fields: json(r.fields_json),
    plan: json(r.options_json),
    total: r.total,
    counts: { ...EMPTY_COUNTS, total: r.total, ...(json<JobCounts>(r.counts_json) ?? {}) },
    cursorRow: r.cursor_row,
    calls: r.calls,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

/** Fields update() may change, with their column and how they are stored. */
const COLUMNS = {
  name: ['name', (v: unknown) => v],
  status: ['status', (v: unknown) => v],
  pauseReason: ['pause_reason', (v: unknown) => v],
  error: ['error', (v: unknown) => v],
  receivedBytes: ['received_bytes', (v: unknown) => v],
  analysis: ['analysis_json', (v: unknown) => (v === null ? null : JSON.stringify(v))],
  headers: ['headers_json', (v: unknown) => (v === null ? null : JSON.stringify(v))],
  validated: ['validated_json', (v: unknown) => (v === null ? null : JSON.stringify(v))],
  layout: ['layout_json', (v: unknown) => (v === null ? null : JSON.stringify(v))],
  mapping: ['mapping_json', (v: unknown) => (v === null ? null : JSON.stringify(v))],
  fields: ['fields_json', (v: unknown) => (v === null ? null : JSON.stringify(v))],
  plan: ['options_json', (v: unknown) => (v === null ? null : JSON.stringify(v))],
  total: ['total', (v: unknown) => v],
  counts: ['counts_json', (v: unknown) => JSON.stringify(v)],
  cursorRow: ['cursor_row', (v: unknown) => v],
  calls: ['calls', (v: unknown) => v],
  startedAt: ['started_at', (v: unknown) => v],
  finishedAt: ['finished_at', (v: unknown) => v],
} as const satisfies Record<string, readonly [string, (v: unknown) => unknown]>;

export type JobPatch = Partial<Pick<JobRecord, Exclude<keyof typeof COLUMNS, 'layout'>>> & { layout?: PageLayout | null };

export interface NewJob {
  id: string;
  accountId: string;
  kind: JobKind;
  name: string;
  status: JobStatus;
  sourcePath?: string | null;
  fileBytes?: number;
  total?: number;
  headers?: string[] | null;
  plan?: JobPlan | null;
  layout?: PageLayout | null;
}

export class JobRepo {
  private readonly sql: (text: string) => StatementSync;

  constructor(readonly db: Db) {
    this.sql = preparedStatements(db);
  }

  create(job: NewJob, now = Date.now()): JobRecord {
    this.sql(
      `INSERT INTO jobs (id, account_id, kind, name, status, source_path, file_bytes, total, headers_json, options_json, layout_json, counts_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      job.id,
      job.accountId,
      job.kind,
      job.name,
      job.status,
      job.sourcePath ?? null,
      job.fileBytes ?? 0,
      job.total ?? 0,
      job.headers ? JSON.stringify(job.headers) : null,
      job.plan ? JSON.stringify(job.plan) : null,
      job.layout ? JSON.stringify(job.layout) : null,
      JSON.stringify({ ...EMPTY_COUNTS, total: job.total ?? 0, ready: job.total ?? 0 }),
      now,
      now,
    );
    return this.get(job.id)!;
  }

  get(id: string): JobRecord | undefined {
    const raw = this.sql('SELECT * FROM jobs WHERE id = ?').get(id) as Raw | undefined;
    return raw && toRecord(raw);
  }

  /** Read apart from the record: a million-row file has thousands of page offsets. */
  layout(id: string): PageLayout | null {
    const raw = this.sql('SELECT layout_json FROM jobs WHERE id = ?').get(id) as { layout_json: string | null } | undefined;
    return json(raw?.layout_json ?? null);
  }

  /** Newest first. */
  list(accountId: string, limit: number): JobRecord[] {
    return (this.sql('SELECT * FROM jobs WHERE account_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?').all(accountId, limit) as unknown as Raw[]).map(toRecord);
  }

  /** Jobs that should be running whenever their account is current: interrupted by a crash, the network or an account switch. */
  resumable(accountId: string): JobRecord[] {
    return (
      this.sql(`SELECT * FROM jobs WHERE account_id = ? AND (status = 'running' OR (status = 'paused' AND pause_reason IN ('network', 'account'))) ORDER BY created_at`).all(
        accountId,
      ) as unknown as Raw[]
    ).map(toRecord);
  }

  update(id: string, patch: JobPatch, now = Date.now()): void {
    const sets: string[] = [];
    const values: unknown[] = [];
    for (const [key, value] of Object.entries(patch)) {
      const column = COLUMNS[key as keyof typeof COLUMNS];
      if (!column || value === undefined) continue;
      sets.push(`${column[0]} = ?`);
      values.push(column[1](value));
    }
    sets.push('updated_at = ?');
    values.push(now);
    this.db.prepare(`UPDATE jobs SET ${sets.join(', ')} WHERE id = ?`).run(...(values as (string | number | null)[]), id);
  }

  /** Lowers the resume point so a row handed back to "ready" is picked up after a restart. */
  lowerCursor(id: string, row: number): void {
    this.sql('UPDATE jobs SET cursor_row = MIN(cursor_row, ?) WHERE id = ?').run(row, id);
  }
}
