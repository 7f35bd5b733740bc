// Local search paging on a real SQLite file: a cursor walk of the unfiltered list and of a query returns exactly
// the rows an offset walk does (same order, nothing skipped or repeated, names that tie included), and a
// cursor that was not handed out is refused with a clear error.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lead } from '../../../shared/domain/lead';
import { AccountsRepo } from './accounts-repo';
import { openDatabase, transaction, type Db } from './database';
import { LeadCacheRepo } from './lead-cache-repo';

const NAMES = ['Ana', 'ana', 'Émile', 'Bo', 'Zoë', 'bo', 'Ana'];

function lead(i: number): Lead {
  return {
    id: String(1000 + i), email: `p${i}@example.com`, first_name: NAMES[i % NAMES.length]!, middle_name: '', last_name: i % 3 ? 'Smith' : '', last_name2: '',
    phone: '', phone_country_code: '', ip: '', ip_country: '', address: '', zip: '', city: '', state: '', country: 'US', company: `Co ${i % 5}`,
    lead_picture: '', website: '', facebook: '', twitter: '', linkedin: '', lead_preferred_time_zone: '', sales_tax_id: '', date_joined: '', score: 0,
    source: 'api', notes: '', blacklisted: 0, gdpr_lead_status: '', gdpr_lead_status_date: '', gdpr_lead_communications: '', tags: i % 2 ? ['VIP'] : [],
    lists: [], sequences: [], memberships: [], custom_fields: [], calendars: null,
  };
}

describe('LeadCacheRepo.search paging', () => {
  let dir: string;
  let db: Db;
  let repo: LeadCacheRepo;
  let accountId: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lead-cache-search-'));
    db = openDatabase(join(dir, 'db.sqlite'));
    accountId = new AccountsRepo(db).insert({ label: 't', kind: 'kartra', appId: 'APP', apiUrl: 'https://app.kartra.com/api', testMode: false }).id;
    const other = new AccountsRepo(db).insert({ label: 'o', kind: 'kartra', appId: 'APP2', apiUrl: 'https://app.kartra.com/api', testMode: false }).id;
    repo = new LeadCacheRepo(db);
    transaction(db, () => {
      for (let i = 0; i < 103; i++) repo.put(accountId, lead(i));
      for (let i = 0; i < 10; i++) repo.put(other, lead(i)); // another account's rows never show
    });
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function walk(query: string, limit: number, by: 'cursor' | 'offset'): string[] {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const got = by === 'cursor' ? repo.search(accountId, query, { limit, cursor }) : repo.search(accountId, query, { limit, offset: page * limit });
      ids.push(...got.rows.map((r) => r.id));
      if (by === 'offset' ? got.rows.length < limit : got.nextCursor === null) break;
      cursor = got.nextCursor ?? undefined;
    }
    return ids;
  }

  it.each(['', 'smith', 'vip ana'])('walks query %j by cursor exactly as by offset', (query) => {
    const byOffset = walk(query, 7, 'offset');
    expect(byOffset.length).toBeGreaterThan(7);
    expect(new Set(byOffset).size).toBe(byOffset.length);
    expect(walk(query, 7, 'cursor')).toEqual(byOffset);
  });

  it('lists every lead of the account by name (case folded), ties in insertion order', () => {
    const all = walk('', 10, 'cursor');
    expect(all).toHaveLength(103);
    const names = all.map((id) => repo.get(accountId, { id })!.lead.first_name.toLowerCase());
    expect(names.slice(0, 3)).toEqual(['ana', 'ana', 'ana']);
  });

  it('refuses a cursor it did not hand out, or one from the other kind of list', () => {
    expect(() => repo.search(accountId, '', { limit: 5, cursor: 'not-a-cursor' })).toThrow(/cursor is not one this search handed out/);
    const fromQuery = repo.search(accountId, 'smith', { limit: 5 }).nextCursor!;
    expect(() => repo.search(accountId, '', { limit: 5, cursor: fromQuery })).toThrow(/cursor/);
  });
});
