// Saved views (named filters, per account) and the leads table's layout, in the local database.
import type { LeadFilter, SavedView, TableLayout } from '../../../shared/domain/lead-filter';
import type { Db } from '../store/database';

interface ViewRowDb {
  id: number;
  name: string;
  filter_json: string;
  updated_at: number;
}

const toView = (r: ViewRowDb): SavedView => ({ id: String(r.id), name: r.name, filter: JSON.parse(r.filter_json) as LeadFilter, updatedAt: r.updated_at });

export class SavedViewsRepo {
  constructor(private readonly db: Db) {}

  list(accountId: string): SavedView[] {
    return (
      this.db.prepare('SELECT id, name, filter_json, updated_at FROM saved_views WHERE account_id = ? ORDER BY name COLLATE NOCASE').all(accountId) as unknown as ViewRowDb[]
    ).map(toView);
  }

  get(accountId: string, id: string): SavedView | undefined {
    const row = this.db.prepare('SELECT id, name, filter_json, updated_at FROM saved_views WHERE account_id = ? AND id = ?').get(accountId, Number(id)) as
      | ViewRowDb
      | undefined;
    return row && toView(row);
  }

  /** The view with this name (any case), if one exists. */
  byName(accountId: string, name: string): SavedView | undefined {
    const row = this.db.prepare('SELECT id, name, filter_json, updated_at FROM saved_views WHERE account_id = ? AND name = ? COLLATE NOCASE').get(accountId, name) as
      | ViewRowDb
      | undefined;
    return row && toView(row);
  }

  insert(accountId: string, name: string, filter: LeadFilter, now: number): string {
    const result = this.db
      .prepare('INSERT INTO saved_views (account_id, name, filter_json, updated_at) VALUES (?, ?, ?, ?)')
      .run(accountId, name, JSON.stringify(filter), now);
    return String(result.lastInsertRowid);
  }

  update(accountId: string, id: string, name: string, filter: LeadFilter, now: number): boolean {
    const result = this.db
      .prepare('UPDATE saved_views SET name = ?, filter_json = ?, updated_at = ? WHERE account_id = ? AND id = ?')
      .run(name, JSON.stringify(filter), now, accountId, Number(id));
    return result.changes > 0;
  }

  delete(accountId: string, id: string): boolean {
    return this.db.prepare('DELETE FROM saved_views WHERE account_id = ? AND id = ?').run(accountId, Number(id)).changes > 0;
  }

  layout(accountId: string): TableLayout | null {
    const row = this.db.prepare('SELECT layout_json FROM table_layouts WHERE account_id = ?').get(accountId) as { layout_json: string } | undefined;
    return row ? (JSON.parse(row.layout_json) as TableLayout) : null;
  }

  saveLayout(accountId: string, layout: TableLayout): void {
    this.db
      .prepare('INSERT INTO table_layouts (account_id, layout_json) VALUES (?, ?) ON CONFLICT(account_id) DO UPDATE SET layout_json = excluded.layout_json')
      .run(accountId, JSON.stringify(layout));
  }
}
