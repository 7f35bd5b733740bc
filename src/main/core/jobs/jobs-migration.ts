// Schema of imports, recipe runs and their per-row journal, remembered column mappings and saved recipes.
import type { Migration } from '../store/migration';

/**
 * A job's rows stay in its CSV (imports) or targets file (recipes); layout_json holds where each page of
 * rows starts in it, so a page is parsed again on demand (copying a million rows into the database costs
 * more than parsing them). job_rows holds only rows whose state is not "ready as parsed": invalid, excluded
 * or fixed rows, and every row the runner has touched (its journal).
 */
export const JOBS_MIGRATION: Migration = {
  version: 4,
  name: 'import and recipe jobs, row journal, remembered mappings, recipes',
  sql: `
    CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('import', 'recipe')),
      name TEXT NOT NULL,
      status TEXT NOT NULL,
      pause_reason TEXT,
      error TEXT,
      source_path TEXT,
      file_bytes INTEGER NOT NULL DEFAULT 0,
      received_bytes INTEGER NOT NULL DEFAULT 0,
      analysis_json TEXT,
      layout_json TEXT,
      headers_json TEXT,
      validated_json TEXT,
      mapping_json TEXT,
      fields_json TEXT,
      options_json TEXT,
      total INTEGER NOT NULL DEFAULT 0,
      counts_json TEXT,
      cursor_row INTEGER NOT NULL DEFAULT 1,
      calls INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      started_at INTEGER,
      finished_at INTEGER
    );
    CREATE INDEX jobs_by_account ON jobs (account_id, created_at);
    CREATE TABLE job_rows (
      job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
      row INTEGER NOT NULL,
      status TEXT NOT NULL,
      excluded INTEGER NOT NULL DEFAULT 0,
      fixed_json TEXT,
      errors_json TEXT,
      email TEXT,
      step TEXT,
      outcome TEXT,
      reason TEXT,
      lead_id TEXT,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (job_id, row)
    ) WITHOUT ROWID;
    CREATE INDEX job_rows_by_status ON job_rows (job_id, status, row);
    CREATE INDEX job_rows_by_email ON job_rows (job_id, email);
    CREATE TABLE import_mappings (
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      header_key TEXT NOT NULL,
      mapping_json TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (account_id, header_key)
    );
    CREATE TABLE recipes (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      actions_json TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX recipes_by_account ON recipes (account_id, name);
  `,
};
