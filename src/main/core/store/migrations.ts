// Numbered schema migrations of the local database; append only, never edit a released one.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

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
];
