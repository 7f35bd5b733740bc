// Numbered schema migrations of the local database; append only, never edit a released one.
import { JOBS_MIGRATION } from '../jobs/jobs-migration';
import type { Migration } from './migration';
import { VIEWS_MIGRATION } from '../views/views-migration';
import { SEARCH_MIGRATION } from '../leads/search-migration';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, settings, account cache, lead cache',
    sql: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('kartra', 'sandbox')),
        app_id TEXT NOT NULL,
        api_url TEXT NOT NULL,
        test_mode INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE account_cache (
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        items_json TEXT NOT NULL,
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, kind)
      );
      CREATE TABLE lead_cache (
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        lead_id TEXT NOT NULL,
        email TEXT NOT NULL,
        lead_json TEXT NOT NULL,
        seen_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, lead_id)
      );
      CREATE INDEX lead_cache_email ON lead_cache (account_id, email);
    `,
  },
  {
    version: 2,
    name: 'searchable lead cache (FTS5)',
    // The cache gets an explicit integer key so the external-content FTS index can point at stable rows.
    sql: `
      CREATE TABLE leads_seen (
        row_id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        lead_id TEXT NOT NULL,
        email TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        company TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '',
        score INTEGER NOT NULL DEFAULT 0,
        lead_json TEXT NOT NULL,
        seen_at INTEGER NOT NULL,
        UNIQUE (account_id, lead_id)
      );
      CREATE INDEX leads_seen_email ON leads_seen (account_id, email);
      CREATE INDEX leads_seen_name ON leads_seen (account_id, name COLLATE NOCASE, row_id);
      INSERT INTO leads_seen (account_id, lead_id, email, lead_json, seen_at)
        SELECT account_id, lead_id, email, lead_json, seen_at FROM lead_cache;
      DROP TABLE lead_cache;
      CREATE VIRTUAL TABLE leads_fts USING fts5(
        name, email, company, tags,
        content = 'leads_seen', content_rowid = 'row_id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
      );
      CREATE TRIGGER leads_seen_ai AFTER INSERT ON leads_seen BEGIN
        INSERT INTO leads_fts (rowid, name, email, company, tags) VALUES (new.row_id, new.name, new.email, new.company, new.tags);
      END;
      CREATE TRIGGER leads_seen_ad AFTER DELETE ON leads_seen BEGIN
        INSERT INTO leads_fts (leads_fts, rowid, name, email, company, tags) VALUES ('delete', old.row_id, old.name, old.email, old.company, old.tags);
      END;
      CREATE TRIGGER leads_seen_au AFTER UPDATE ON leads_seen BEGIN
        INSERT INTO leads_fts (leads_fts, rowid, name, email, company, tags) VALUES ('delete', old.row_id, old.name, old.email, old.company, old.tags);
        INSERT INTO leads_fts (rowid, name, email, company, tags) VALUES (new.row_id, new.name, new.email, new.company, new.tags);
      END;
    `,
  },
  {
    version: 3,
    name: 'durable outbox of lead changes',
    // outbox_leads is the identity queued changes follow: a queued create gets its Kartra id later,
    // and a confirmed new_email changes the address the following items are sent for.
    sql: `
      CREATE TABLE outbox_leads (
        local_id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kartra_id TEXT,
        email TEXT NOT NULL
      );
      CREATE INDEX outbox_leads_kartra ON outbox_leads (account_id, kartra_id);
      CREATE INDEX outbox_leads_email ON outbox_leads (account_id, email);
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        lead_local_id INTEGER NOT NULL REFERENCES outbox_leads(local_id) ON DELETE CASCADE,
        change_json TEXT NOT NULL,
        seen_json TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'in_flight', 'failed', 'conflict')),
        attempts INTEGER NOT NULL DEFAULT 0,
        error_json TEXT,
        conflict_json TEXT,
        verify_json TEXT,
        made_offline INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX outbox_by_lead ON outbox (account_id, lead_local_id, id);
      CREATE INDEX outbox_by_status ON outbox (account_id, status, id);
    `,
  },
  JOBS_MIGRATION,
  {
    version: 5,
    name: 'index of when leads were last seen',
    // The stale-data notice asks for the newest seen_at with every search page: without this index that
    // is a scan of every cached lead (~250 ms at 100,000).
    sql: `CREATE INDEX leads_seen_at ON leads_seen (account_id, seen_at);`,
  },
  {
    version: 6,
    name: 'one write queue: needs_check, source, history link, retry-later',
    // SQLite cannot widen a CHECK constraint in place: the outbox table is rebuilt with the new status and columns.
    sql: `
      CREATE TABLE outbox_v6 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        lead_local_id INTEGER NOT NULL REFERENCES outbox_leads(local_id) ON DELETE CASCADE,
        change_json TEXT NOT NULL,
        seen_json TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'in_flight', 'failed', 'conflict', 'needs_check')),
        attempts INTEGER NOT NULL DEFAULT 0,
        error_json TEXT,
        conflict_json TEXT,
        verify_json TEXT,
        made_offline INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        source TEXT NOT NULL DEFAULT 'edit',
        history_id INTEGER,
        history_slot INTEGER,
        check_json TEXT,
        not_before INTEGER NOT NULL DEFAULT 0
      );
      INSERT INTO outbox_v6 (id, account_id, lead_local_id, change_json, seen_json, status, attempts, error_json, conflict_json, verify_json, made_offline, created_at, updated_at)
        SELECT id, account_id, lead_local_id, change_json, seen_json, status, attempts, error_json, conflict_json, verify_json, made_offline, created_at, updated_at FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_v6 RENAME TO outbox;
      CREATE INDEX outbox_by_lead ON outbox (account_id, lead_local_id, id);
      CREATE INDEX outbox_by_status ON outbox (account_id, status, id);
    `,
  },
  {
    version: 7,
    name: 'history of every write',
    // outcomes: the distinct action outcomes, space-delimited (" done failed "), so a filter is one instr().
    sql: `
      CREATE TABLE write_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        lead_id TEXT,
        lead_email TEXT,
        at INTEGER NOT NULL,
        settled_at INTEGER,
        source TEXT NOT NULL,
        job_id TEXT,
        summary TEXT NOT NULL,
        actions_json TEXT NOT NULL,
        fields_json TEXT NOT NULL,
        outcomes TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX write_history_account ON write_history (account_id, id);
      CREATE INDEX write_history_lead ON write_history (account_id, lead_id, id);
      CREATE INDEX write_history_email ON write_history (account_id, lead_email, id);
      CREATE INDEX write_history_job ON write_history (job_id, id);
    `,
  },
  {
    version: 8,
    name: 'where a cached lead came from',
    // 'kartra': read from Kartra; 'file': added from a lead file (an export) and not read from Kartra since;
    // 'missing': a file's lead that Kartra did not know when the app refreshed it.
    sql: `ALTER TABLE leads_seen ADD COLUMN source TEXT NOT NULL DEFAULT 'kartra' CHECK (source IN ('kartra', 'file', 'missing'));
          CREATE INDEX leads_seen_source ON leads_seen (account_id, source);`,
  },
  VIEWS_MIGRATION,
  SEARCH_MIGRATION,
];
