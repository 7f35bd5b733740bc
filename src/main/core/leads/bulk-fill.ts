// Filling the lead cache with many new leads at once: inside one transaction the per-row triggers on leads_seen
// (FTS, per-account count, the views' props and facets) are suspended, and their work is done once, set-based,
// for the new rows after the fill (bench:search, 1,000,000 leads: 222 s of CPU through the triggers, 83-117 s this way).
import type { Db } from '../store/database';
import { VIEWS_TRIGGERS, viewsCatchUpSql } from '../views/views-migration';
import { SEARCH_TRIGGER_NAMES, searchCatchUpSql } from './search-migration';

/** Every trigger on leads_seen whose work the catch-up below redoes; any other one makes a bulk fill refuse. */
const KNOWN_TRIGGERS = new Set([...SEARCH_TRIGGER_NAMES, ...VIEWS_TRIGGERS]);

/**
 * Runs `fill` (which may only INSERT new leads_seen rows) in one transaction with the triggers suspended, then
 * indexes the new rows. Updating or deleting a cached row inside it is refused (its index entries would go
 * stale), and so is anything that changes the rows that were there before; either rolls the whole fill back.
 */
export function bulkFill<T>(db: Db, fill: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const before = (db.prepare('SELECT coalesce(MAX(row_id), 0) AS m, COUNT(*) AS n FROM leads_seen').get() as { m: number; n: number });
    const triggers = db.prepare(`SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = 'leads_seen'`).all() as { name: string; sql: string }[];
    const unknown = triggers.filter((t) => !KNOWN_TRIGGERS.has(t.name));
    if (unknown.length) throw new Error(`bulkFill does not know the work of trigger(s) ${unknown.map((t) => t.name).join(', ')}: add its catch-up first.`);
    for (const t of triggers) db.exec(`DROP TRIGGER main.${t.name}`);
    // Guards for the fill's duration: the catch-up only indexes rows after `before.m`.
    db.exec(`
      CREATE TEMP TRIGGER bulk_fill_no_update BEFORE UPDATE ON main.leads_seen BEGIN SELECT RAISE(ABORT, 'a bulk fill only adds new leads; it cannot update a cached one'); END;
      CREATE TEMP TRIGGER bulk_fill_no_delete BEFORE DELETE ON main.leads_seen BEGIN SELECT RAISE(ABORT, 'a bulk fill only adds new leads; it cannot delete a cached one'); END;
      CREATE TEMP TRIGGER bulk_fill_new_rows AFTER INSERT ON main.leads_seen WHEN new.row_id <= ${before.m} BEGIN SELECT RAISE(ABORT, 'a bulk fill only adds rows after the last cached one'); END;`);
    const result = fill();
    db.exec('DROP TRIGGER temp.bulk_fill_no_update; DROP TRIGGER temp.bulk_fill_no_delete; DROP TRIGGER temp.bulk_fill_new_rows;');
    // INSERT OR REPLACE deletes a conflicting row without any delete trigger: the old rows must all be there.
    const kept = (db.prepare('SELECT COUNT(*) AS n FROM leads_seen WHERE row_id <= ?').get(before.m) as { n: number }).n;
    if (kept !== before.n) throw new Error('A bulk fill replaced cached leads; it may only add new ones.');
    db.exec(searchCatchUpSql(before.m));
    db.exec(viewsCatchUpSql(before.m));
    for (const t of triggers) db.exec(t.sql);
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
