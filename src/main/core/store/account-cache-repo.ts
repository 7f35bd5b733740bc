// Cached account lists (tags, lists, sequences, pages, custom fields) with the time they were fetched.
import type { Db } from './database';

export type AccountCacheKind = 'tags' | 'lists' | 'sequences' | 'pages' | 'custom_fields';

export interface CachedItems<T> {
  items: T[];
  fetchedAt: number;
}

export class AccountCacheRepo {
  constructor(private readonly db: Db) {}

  get<T>(accountId: string, kind: AccountCacheKind): CachedItems<T> | undefined {
    const row = this.db
      .prepare('SELECT items_json, fetched_at FROM account_cache WHERE account_id = ? AND kind = ?')
      .get(accountId, kind) as { items_json: string; fetched_at: number } | undefined;
    return row && { items: JSON.parse(row.items_json) as T[], fetchedAt: row.fetched_at };
  }

  put<T>(accountId: string, kind: AccountCacheKind, items: T[], fetchedAt = Date.now()): CachedItems<T> {
    this.db
      .prepare(
        `INSERT INTO account_cache (account_id, kind, items_json, fetched_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(account_id, kind) DO UPDATE SET items_json = excluded.items_json, fetched_at = excluded.fetched_at`,
      )
      .run(accountId, kind, JSON.stringify(items), fetchedAt);
    return { items, fetchedAt };
  }
}
