// Every lead the app has seen, per account: shown offline and searched instantly (SQLite FTS5).
import type { Lead } from '../../../shared/domain/lead';
import { SEARCH_COUNT_CAP, type LeadRow } from '../../../shared/domain/lead-views';
import type { StatementSync } from 'node:sqlite';
import { AppError } from '../errors';
import type { Db } from './database';
import { preparedStatements } from './prepared-statements';
import { FTS_TEXT_COLUMNS, accountToken } from '../leads/search-migration';

interface RawRow {
  row_id: number;
  lead_id: string;
  email: string;
  name: string;
  company: string;
  country: string;
  tags: string;
  score: number;
  seen_at: number;
  source: LeadSource;
}

export type LeadSource = 'kartra' | 'file' | 'missing';

const TAG_SEPARATOR = '\u001f';
/** The key of a file's lead that has no Kartra id yet (its lower-cased email follows). */
export const FILE_ID_PREFIX = 'file:';

export function leadName(lead: Pick<Lead, 'first_name' | 'last_name'>): string {
  return [lead.first_name, lead.last_name].filter(Boolean).join(' ');
}

/**
 * Turns what the user typed into an FTS5 query: every word must prefix-match some column.
 * Words are quoted so FTS syntax characters (", *, -, :, parentheses) are taken literally.
 */
export function toFtsQuery(text: string): string | undefined {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  // The column filter keeps words off the account column (every account token starts with "a").
  return words.length ? `${FTS_TEXT_COLUMNS} : (${words.map((w) => `"${w}"*`).join(' ')})` : undefined;
}

/** The query scoped to one account's rows by its FTS token: no per-match lookup of the row's account. */
export function accountFtsQuery(accountId: string, fts: string): string {
  return `account : "${accountToken(accountId)}" AND ${fts}`;
}


export class LeadCacheRepo {
  /** Prepared once per SQL text: preparing dominates the cost of these small queries. */
  private readonly sql: (text: string) => StatementSync;

  constructor(private readonly db: Db) {
    this.sql = preparedStatements(db);
  }

  put(accountId: string, lead: Lead, seenAt = Date.now()): void {
    // Read from Kartra: a copy that came from a file under another key (no id in the file) gives way to it.
    this.sql(`DELETE FROM leads_seen WHERE account_id = ? AND email = ? AND lead_id <> ? AND source <> 'kartra'`).run(accountId, lead.email.toLowerCase(), lead.id);
    this.write(accountId, lead, seenAt, 'kartra');
  }

  private write(accountId: string, lead: Lead, seenAt: number, source: LeadSource): void {
    this.sql(
        `INSERT INTO leads_seen (account_id, lead_id, email, name, company, country, tags, score, lead_json, seen_at, source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(account_id, lead_id) DO UPDATE SET email = excluded.email, name = excluded.name, company = excluded.company,
           country = excluded.country, tags = excluded.tags, score = excluded.score, lead_json = excluded.lead_json, seen_at = excluded.seen_at,
           source = excluded.source`,
      )
      .run(
        accountId,
        lead.id,
        lead.email.toLowerCase(),
        leadName(lead),
        lead.company,
        lead.country,
        lead.tags.join(TAG_SEPARATOR),
        lead.score,
        JSON.stringify(lead),
        seenAt,
        source,
      );
  }

  /**
   * Leads from a file (an export) in one transaction, each dated `seenAt` and marked with `source`. A cached copy at
   * least as recent is kept (a lead read from Kartra after the export was made is the better copy).
   */
  putMany(accountId: string, leads: readonly { lead: Lead; seenAt: number }[], source: Exclude<LeadSource, 'missing'> = 'file'): { added: number; updated: number; kept: number } {
    const counts = { added: 0, updated: 0, kept: 0 };
    this.db.exec('BEGIN');
    try {
      for (const { lead, seenAt } of leads) {
        const current = this.sql('SELECT lead_id, seen_at FROM leads_seen WHERE account_id = ? AND (lead_id = ? OR email = ?) ORDER BY seen_at DESC LIMIT 1')
          .get(accountId, lead.id, lead.email.toLowerCase()) as { lead_id: string; seen_at: number } | undefined;
        if (current && current.seen_at >= seenAt) {
          counts.kept++;
          continue;
        }
        // A file without ids keeps the id the cache already has for that address.
        const keyed = current && lead.id.startsWith(FILE_ID_PREFIX) ? { ...lead, id: current.lead_id } : lead;
        if (current && current.lead_id !== keyed.id) this.sql('DELETE FROM leads_seen WHERE account_id = ? AND lead_id = ?').run(accountId, current.lead_id);
        this.write(accountId, keyed, seenAt, source);
        counts[current ? 'updated' : 'added']++;
      }
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    return counts;
  }

  /** The cached leads that came from a file (not read from Kartra since), oldest first. */
  fromFile(accountId: string, limit: number): { id: string; email: string }[] {
    return this.sql(`SELECT lead_id AS id, email FROM leads_seen WHERE account_id = ? AND source = 'file' ORDER BY row_id LIMIT ?`)
      .all(accountId, limit) as { id: string; email: string }[];
  }

  countFromFile(accountId: string): number {
    return (this.sql(`SELECT COUNT(*) AS n FROM leads_seen WHERE account_id = ? AND source = 'file'`).get(accountId) as { n: number }).n;
  }

  /** Kartra does not know this file lead (get_lead answered "no lead"): kept, but marked. */
  markMissing(accountId: string, leadId: string): void {
    this.sql(`UPDATE leads_seen SET source = 'missing' WHERE account_id = ? AND lead_id = ?`).run(accountId, leadId);
  }

  /** Every cached lead of the account as the key to read it by (Settings → "Refresh all from Kartra"). */
  all(accountId: string): { id: string; email: string }[] {
    return this.sql('SELECT lead_id AS id, email FROM leads_seen WHERE account_id = ? ORDER BY row_id').all(accountId) as { id: string; email: string }[];
  }

  /** Forgets the account's cached leads (their facets follow by ON DELETE CASCADE, the search index by trigger). */
  clear(accountId: string): number {
    return Number(this.sql('DELETE FROM leads_seen WHERE account_id = ?').run(accountId).changes);
  }

  count(accountId: string): number {
    // Kept by triggers (search-migration.ts): counting the rows is a walk of the account's whole range.
    return (this.sql('SELECT n FROM lead_counts WHERE account_id = ?').get(accountId) as { n: number } | undefined)?.n ?? 0;
  }

  get(accountId: string, ref: { id?: string; email?: string }): { lead: Lead; seenAt: number } | undefined {
    const row = (
      ref.id !== undefined
        ? this.sql('SELECT lead_json, seen_at FROM leads_seen WHERE account_id = ? AND lead_id = ?').get(accountId, ref.id)
        : this.sql('SELECT lead_json, seen_at FROM leads_seen WHERE account_id = ? AND email = ?')
            .get(accountId, (ref.email ?? '').toLowerCase())
    ) as { lead_json: string; seen_at: number } | undefined;
    return row && { lead: JSON.parse(row.lead_json) as Lead, seenAt: row.seen_at };
  }

  /** Which of these lower-cased emails the cache knows for the account (an import's plan: "Existing"). */
  knownEmails(accountId: string, emails: readonly string[]): Set<string> {
    const known = new Set<string>();
    for (let i = 0; i < emails.length; i += 500) {
      const chunk = emails.slice(i, i + 500);
      const rows = this.db
        .prepare(`SELECT email FROM leads_seen WHERE account_id = ? AND email IN (${chunk.map(() => '?').join(',')})`)
        .all(accountId, ...chunk) as { email: string }[];
      for (const r of rows) known.add(r.email);
    }
    return known;
  }

  /**
   * A page of matching rows (all rows, by name, when the query has no words; in index order for a query), the
   * total count, and the cursor of the page after it. A cursor finds its page by key (name and row id, or the
   * FTS row id), so a deep page costs what the first does; an offset walks and drops every row before it.
   */
  search(accountId: string, query: string, page: { offset?: number; limit: number; cursor?: string }): SearchPage {
    const fts = toFtsQuery(query);
    const offset = page.offset ?? 0;
    const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor, fts !== undefined);
    const columns = 's.row_id, s.lead_id, s.email, s.name, s.company, s.country, s.tags, s.score, s.seen_at, s.source';
    let rows: RawRow[];
    let total: number;
    if (!fts) {
      rows = (
        after
          ? this.sql(
              `SELECT ${columns} FROM leads_seen s WHERE s.account_id = ?
                 AND s.name COLLATE NOCASE >= ? AND (s.name COLLATE NOCASE > ? OR s.row_id > ?)
               ORDER BY s.name COLLATE NOCASE, s.row_id LIMIT ?`,
            ).all(accountId, after.name, after.name, after.rowId, page.limit)
          : this.sql(`SELECT ${columns} FROM leads_seen s WHERE s.account_id = ? ORDER BY s.name COLLATE NOCASE, s.row_id LIMIT ? OFFSET ?`)
              .all(accountId, page.limit, offset)
      ) as unknown as RawRow[];
      total = this.count(accountId);
    } else {
      // Rows come in index (rowid) order, not ranked: ranking every match costs ~100 ms on a common word
      // over 100,000 leads, and with every word prefix-matched the first screen is already relevant.
      // The account is matched inside FTS (its token); the page still checks it on the 100 rows it reads.
      const scoped = accountFtsQuery(accountId, fts);
      rows = this.sql(
        `SELECT ${columns} FROM leads_fts f JOIN leads_seen s ON s.row_id = f.rowid
         WHERE leads_fts MATCH ? AND f.rowid > ? AND s.account_id = ? ORDER BY f.rowid LIMIT ? OFFSET ?`,
      ).all(scoped, after?.rowId ?? 0, accountId, page.limit, after ? 0 : offset) as unknown as RawRow[];
      total = (
        this.sql(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM leads_fts WHERE leads_fts MATCH ? LIMIT ${SEARCH_COUNT_CAP})`).get(scoped) as { n: number }
      ).n;
    }
    const last = rows.length === page.limit ? rows[rows.length - 1] : undefined;
    return { rows: rows.map(toRow), total, nextCursor: last ? encodeCursor(last, fts !== undefined) : null };
  }

  newestSeenAt(accountId: string): number | null {
    const row = this.sql('SELECT MAX(seen_at) AS t FROM leads_seen WHERE account_id = ?').get(accountId) as { t: number | null };
    return row.t;
  }
}

export interface SearchPage {
  rows: LeadRow[];
  total: number;
  nextCursor: string | null;
}

/** A cursor names the last row of a page: its row id, and for the unfiltered list its name (the sort key). */
function encodeCursor(row: RawRow, filtered: boolean): string {
  return Buffer.from(JSON.stringify(filtered ? { r: row.row_id } : { n: row.name, r: row.row_id })).toString('base64url');
}

function decodeCursor(cursor: string, filtered: boolean): { name: string; rowId: number } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  const v = value as { n?: unknown; r?: unknown } | null;
  if (!v || !Number.isInteger(v.r) || (!filtered && typeof v.n !== 'string')) {
    throw new AppError('invalid_input', 'This search cursor is not one this search handed out (a cursor belongs to its query: with or without words); start again from the first page.');
  }
  return { name: typeof v.n === 'string' ? v.n : '', rowId: v.r as number };
}

function toRow(r: RawRow): LeadRow {
  return {
    id: r.lead_id,
    email: r.email,
    name: r.name,
    company: r.company,
    country: r.country,
    tags: r.tags ? r.tags.split(TAG_SEPARATOR) : [],
    score: r.score,
    seenAt: r.seen_at,
    origin: r.source,
  };
}
