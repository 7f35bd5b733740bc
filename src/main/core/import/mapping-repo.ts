// Column mappings the user confirmed, remembered per account and header set, offered again for the next file with the same columns.
import type { ColumnMapping } from '../../../shared/domain/import';
import type { Db } from '../store/database';

export class MappingRepo {
  constructor(private readonly db: Db) {}

  get(accountId: string, headerKey: string): ColumnMapping | undefined {
    const row = this.db.prepare('SELECT mapping_json FROM import_mappings WHERE account_id = ? AND header_key = ?').get(accountId, headerKey) as
      | { mapping_json: string }
      | undefined;
    return row ? (JSON.parse(row.mapping_json) as ColumnMapping) : undefined;
  }

  put(accountId: string, headerKey: string, mapping: ColumnMapping, now = Date.now()): void {
    this.db
      .prepare(
        `INSERT INTO import_mappings (account_id, header_key, mapping_json, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id, header_key) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
      )
      .run(accountId, headerKey, JSON.stringify(mapping), now);
  }
}
