// Filtering the local lead cache for views: a page of rows in any order, exact counts, counts per tag,
// list and sequence, and the lead ids a selection stands for. SQL lives here and in lead-filter-sql.ts.
import type { StatementSync } from 'node:sqlite';
import type { Lead } from '../../../shared/domain/lead';
import type { LeadFilter, LeadSelection, ViewRow, ViewSort } from '../../../shared/domain/lead-filter';
import { SEARCH_COUNT_CAP } from '../../../shared/domain/lead-views';
import { toViewRow } from '../../../shared/domain/view-row';
import type { Db } from '../store/database';
import { filterWhere, orderBy, type SqlParam } from './lead-filter-sql';

export interface FilterPage {
  rows: ViewRow[];
  total: number;
  capped: boolean;
}

export class LeadFilterRepo {
  private readonly statements = new Map<string, StatementSync>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Filters differ in shape, but a user flips between a few: keep their prepared statements. */
  private sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (!statement) {
      if (this.statements.size > 200) this.statements.clear();
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  page(accountId: string, filter: LeadFilter, sort: ViewSort, offset: number, limit: number): FilterPage {
    const where = filterWhere(accountId, filter, this.now());
    const order = orderBy(sort);
    // Filter, sort and page over the narrow lead_props; only the page's leads are then read whole.
    const rowIds = (
      this.sql(`SELECT p.row_id FROM lead_props p WHERE ${where.sql} ${order.sql} LIMIT ? OFFSET ?`).all(...where.params, ...order.params, limit, offset) as {
        row_id: number;
      }[]
    ).map((r) => r.row_id);
    const byRow = new Map(
      (
        this.sql('SELECT row_id, lead_json, seen_at, source FROM leads_seen WHERE row_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(rowIds)) as {
          row_id: number;
          lead_json: string;
          seen_at: number;
          source: 'kartra' | 'file' | 'missing';
        }[]
      ).map((r) => [r.row_id, r]),
    );
    const rows = rowIds.flatMap((id) => {
      const r = byRow.get(id);
      return r ? [toViewRow(JSON.parse(r.lead_json) as Lead, r.seen_at, r.source)] : [];
    });
    // With search words the count stops where leads.search's does: a common prefix must stay instant.
    const cap = where.hasText ? SEARCH_COUNT_CAP : null;
    const total = this.count(where, cap);
    return { rows, total, capped: cap !== null && total >= cap };
  }

  newestSeenAt(accountId: string): number | null {
    return (this.sql('SELECT MAX(seen_at) AS t FROM lead_props WHERE account_id = ?').get(accountId) as { t: number | null }).t;
  }

  count(where: { sql: string; params: SqlParam[] }, cap: number | null = null): number {
    const inner = `SELECT 1 FROM lead_props p WHERE ${where.sql}${cap !== null ? ` LIMIT ${Math.trunc(cap)}` : ''}`;
    return (this.sql(`SELECT COUNT(*) AS n FROM (${inner})`).get(...where.params) as { n: number }).n;
  }

  /** Cached leads per tag, per active list and per sequence (only names that have at least one). */
  facetCounts(accountId: string): { total: number; tags: Record<string, number>; lists: Record<string, number>; sequences: Record<string, number> } {
    const per = (table: string) =>
      Object.fromEntries(
        (this.sql(`SELECT name, COUNT(*) AS n FROM ${table} WHERE account_id = ? GROUP BY name`).all(accountId) as { name: string; n: number }[]).map(
          (r) => [r.name, r.n],
        ),
      );
    const total = (this.sql('SELECT COUNT(*) AS n FROM lead_props WHERE account_id = ?').get(accountId) as { n: number }).n;
    return { total, tags: per('lead_tag'), lists: per('lead_list'), sequences: per('lead_sequence') };
  }

  /** The cached lead ids a selection stands for, in row order (a view: every match but the exceptions). */
  selectionIds(accountId: string, selection: LeadSelection): string[] {
    const { sql, params } = this.selectionWhere(accountId, selection);
    return (this.sql(`SELECT p.lead_id FROM lead_props p WHERE ${sql} ORDER BY p.row_id`).all(...params) as { lead_id: string }[]).map(
      (r) => r.lead_id,
    );
  }

  selectionCount(accountId: string, selection: LeadSelection): number {
    return this.count(this.selectionWhere(accountId, selection));
  }

  private selectionWhere(accountId: string, selection: LeadSelection): { sql: string; params: SqlParam[] } {
    if (selection.kind === 'ids') {
      return { sql: 'p.account_id = ? AND p.lead_id IN (SELECT value FROM json_each(?))', params: [accountId, JSON.stringify(selection.ids)] };
    }
    const where = filterWhere(accountId, selection.filter, this.now());
    return { sql: `${where.sql} AND p.lead_id NOT IN (SELECT value FROM json_each(?))`, params: [...where.params, JSON.stringify(selection.except)] };
  }
}
