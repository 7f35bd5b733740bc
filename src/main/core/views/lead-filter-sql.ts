// Turns a view's filter and sort into SQL over lead_props (alias p) and the facet tables, with bound
// parameters only: names and values typed by the user never become SQL text.
import type { ColumnKey, FilterCondition, LeadFilter, ViewSort } from '../../../shared/domain/lead-filter';
import { toFtsQuery } from '../store/lead-cache-repo';

const DAY_MS = 86_400_000;
export type SqlParam = string | number;
export interface SqlPart {
  sql: string;
  params: SqlParam[];
}

const FACET_TABLE = { tag: 'lead_tag', list: 'lead_list', sequence: 'lead_sequence' } as const;
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function condition(accountId: string, c: FilterCondition, now: number): SqlPart {
  switch (c.kind) {
    case 'tag':
    case 'list':
    case 'sequence': {
      const negate = c.op === 'has_not' || c.op === 'not_in';
      return {
        sql: `p.row_id ${negate ? 'NOT IN' : 'IN'} (SELECT row_id FROM ${FACET_TABLE[c.kind]} WHERE account_id = ? AND name = ?)`,
        params: [accountId, c.name],
      };
    }
    case 'field': {
      const base = 'SELECT row_id FROM lead_field WHERE account_id = ? AND field = ?';
      const params: SqlParam[] = [accountId, c.field];
      if (c.op === 'empty') return { sql: `p.row_id NOT IN (${base})`, params };
      if (c.op === 'not_empty') return { sql: `p.row_id IN (${base})`, params };
      if (c.op === 'contains') return { sql: `p.row_id IN (${base} AND value LIKE ? ESCAPE '\\')`, params: [...params, `%${likeEscape(c.value)}%`] };
      // "is" matches a text value or any one selected option, case-insensitively as Kartra compares them.
      const match = `p.row_id IN (${base} AND value = ? COLLATE NOCASE)`;
      return { sql: c.op === 'is' ? match : `NOT ${match}`, params: [...params, c.value] };
    }
    case 'score': {
      const parts: SqlPart[] = [];
      if (c.min !== null) parts.push({ sql: '+p.score >= ?', params: [c.min] });
      if (c.max !== null) parts.push({ sql: '+p.score <= ?', params: [c.max] });
      return parts.length ? and(parts) : { sql: '1', params: [] };
    }
    case 'gdpr':
      return { sql: `+p.gdpr IN (${c.statuses.map(() => '?').join(', ')})`, params: c.statuses };
    case 'joined': {
      // Kartra's "0000-00-00 00:00:00" means "no date": it is in no date range.
      const parts: SqlPart[] = [{ sql: "+p.joined >= '0001'", params: [] }];
      if (c.from !== null) parts.push({ sql: '+p.joined >= ?', params: [c.from] });
      if (c.to !== null) parts.push({ sql: '+p.joined <= ?', params: [`${c.to} 23:59:59`] });
      return and(parts);
    }
    case 'source':
      return { sql: '+p.source = ? COLLATE NOCASE', params: [c.value] };
    case 'refreshed':
      return { sql: c.op === 'within' ? '+p.seen_at >= ?' : '+p.seen_at < ?', params: [now - c.days * DAY_MS] };
  }
}

function and(parts: SqlPart[]): SqlPart {
  return { sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: parts.flatMap((p) => p.params) };
}

/** The WHERE clause of a filter for one account; `hasText` tells whether search words take part. */
/**
 * Scalar conditions (score, dates, GDPR, source, account) are written `+p.x` so SQLite does not drive the
 * query from their index: they keep wide ranges (half the leads joined in a date range), and walking an
 * index then fetching every row costs ~10x a straight scan of lead_props. Facets drive by row_id instead.
 */
export function filterWhere(accountId: string, filter: LeadFilter, now: number): SqlPart & { hasText: boolean } {
  const parts: SqlPart[] = [{ sql: '+p.account_id = ?', params: [accountId] }];
  const fts = toFtsQuery(filter.text);
  if (fts) parts.push({ sql: 'p.row_id IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?)', params: [fts] });
  for (const c of filter.conditions) parts.push(condition(accountId, c, now));
  return { ...and(parts), hasText: fts !== undefined };
}

const TEXT_ORDER: Partial<Record<ColumnKey, string>> = {
  name: 'p.name COLLATE NOCASE',
  email: 'p.email',
  company: 'p.company COLLATE NOCASE',
  country: 'p.country COLLATE NOCASE',
  city: 'p.city COLLATE NOCASE',
  phone: 'p.phone',
  tags: 'p.tags COLLATE NOCASE',
  lists: '(SELECT COUNT(*) FROM lead_list l WHERE l.row_id = p.row_id)',
  sequences: '(SELECT COUNT(*) FROM lead_sequence q WHERE q.row_id = p.row_id)',
  score: 'p.score',
  joined: 'p.joined',
  source: 'p.source COLLATE NOCASE',
  gdpr: 'p.gdpr',
  refreshed: 'p.seen_at',
};

/** ORDER BY for a column (row_id last, so pages are stable); a custom field sorts by its values. */
export function orderBy(sort: ViewSort): SqlPart {
  const dir = sort.dir === 'desc' ? 'DESC' : 'ASC';
  if (sort.column.startsWith('field:')) {
    return {
      sql: `ORDER BY (SELECT group_concat(value, ', ') FROM lead_field f WHERE f.row_id = p.row_id AND f.field = ?) COLLATE NOCASE ${dir}, p.row_id ${dir}`,
      params: [sort.column.slice('field:'.length)],
    };
  }
  const expr = TEXT_ORDER[sort.column] ?? TEXT_ORDER.name!;
  return { sql: `ORDER BY ${expr} ${dir}, p.row_id ${dir}`, params: [] };
}
