// The per-account lead count and the account-scoped FTS index kept by triggers (search-migration.ts), and the
// bulk fill that suspends those triggers: on a real SQLite file, after every kind of write, the kept count equals
// COUNT(*) of the account's rows and a search finds exactly what a plain scan does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lead } from '../../../shared/domain/lead';
import { blankLead } from '../../../shared/domain/local-leads';
import { AccountsRepo } from '../store/accounts-repo';
import { openDatabase, transaction, type Db } from '../store/database';
import { LeadCacheRepo, leadName } from '../store/lead-cache-repo';
import { bulkFill } from './bulk-fill';
import { accountToken } from './search-migration';

function lead(i: number, extra: Partial<Lead> = {}): Lead {
  return { ...blankLead(String(5000 + i), `p${i}@example.com`), first_name: ['Ana', 'Bo', 'Chloé'][i % 3]!, last_name: `Smith${i}`, tags: i % 2 ? ['VIP'] : [], ...extra };
}

describe('kept lead counts and account-scoped search', () => {
  let dir: string;
  let db: Db;
  let repo: LeadCacheRepo;
  let accounts: AccountsRepo;
  let a: string;
  let b: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lead-counts-'));
    db = openDatabase(join(dir, 'db.sqlite'));
    accounts = new AccountsRepo(db);
    a = accounts.insert({ label: 'a', kind: 'kartra', appId: 'A', apiUrl: 'https://app.kartra.com/api', testMode: false }).id;
    b = accounts.insert({ label: 'b', kind: 'kartra', appId: 'B', apiUrl: 'https://app.kartra.com/api', testMode: false }).id;
    repo = new LeadCacheRepo(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The kept counts against a plain count, for both accounts; and every search word against a plain scan. */
  const expectRight = () => {
    for (const account of [a, b]) {
      const plain = (db.prepare('SELECT COUNT(*) AS n FROM leads_seen WHERE account_id = ?').get(account) as { n: number }).n;
      expect(repo.count(account)).toBe(plain);
      expect(repo.search(account, '', { limit: 1000 }).total).toBe(plain);
      const rows = db.prepare('SELECT lead_id, name, email FROM leads_seen WHERE account_id = ? ORDER BY row_id').all(account) as { lead_id: string; name: string; email: string }[];
      // Name and email words against the scan (the fixtures' company is empty); tags below.
      for (const word of ['smith', 'chloe', 'ana', 'p1']) {
        const want = rows.filter((r) => `${r.name} ${r.email}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).some((t) => t.startsWith(word)));
        if (word === 'smith') expect(want.length).toBe(rows.length); // every fixture's last name
        expect(repo.search(account, word, { limit: 1000 }).rows.map((r) => r.id)).toEqual(want.map((r) => r.lead_id));
      }
      const vip = (db.prepare(`SELECT lead_id FROM leads_seen WHERE account_id = ? AND tags LIKE '%VIP%' ORDER BY row_id`).all(account) as { lead_id: string }[]).map((r) => r.lead_id);
      expect(repo.search(account, 'vip', { limit: 1000 }).rows.map((r) => r.id)).toEqual(vip);
    }
  };

  it('stay right through put, update, delete, putMany, an account move and an account removal', () => {
    transaction(db, () => {
      for (let i = 0; i < 30; i++) repo.put(a, lead(i));
      for (let i = 0; i < 7; i++) repo.put(b, lead(i));
    });
    expectRight();
    repo.put(a, lead(3, { first_name: 'Zed', tags: ['VIP'] })); // an update: count unchanged, FTS follows the new name
    expect(repo.search(a, 'zed', { limit: 10 }).rows.map((r) => r.id)).toEqual(['5003']);
    expectRight();
    db.prepare('DELETE FROM leads_seen WHERE account_id = ? AND lead_id IN (?, ?)').run(a, '5001', '5002');
    expectRight();
    expect(repo.putMany(b, [10, 11, 3].map((i) => ({ lead: lead(i), seenAt: Date.now() + 1000 })))).toEqual({ added: 2, updated: 1, kept: 0 });
    expectRight();
    db.prepare('UPDATE leads_seen SET account_id = ? WHERE account_id = ? AND lead_id = ?').run(b, a, '5020');
    expectRight();
    accounts.delete(b);
    expect(repo.count(b)).toBe(0);
    expectRight();
  });

  it('a word never matches the account token every row carries', () => {
    repo.put(a, lead(0));
    const token = accountToken(a);
    expect(repo.search(a, 'a', { limit: 10 }).total).toBe(1); // "Ana"
    expect(repo.search(a, token.slice(0, 6), { limit: 10 }).total).toBe(0);
    expect(repo.search(a, token, { limit: 10 }).total).toBe(0);
  });

  it('a bulk fill indexes and counts its new rows once, next to rows kept by the triggers', () => {
    transaction(db, () => {
      for (let i = 0; i < 5; i++) repo.put(a, lead(i));
    });
    const triggers = () => (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'leads_seen' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    const before = triggers();
    bulkFill(db, () => {
      for (let i = 5; i < 200; i++) repo.put(i % 4 ? a : b, lead(i, { tags: i % 2 ? ['VIP', 'Trial'] : ['Trial'] }));
    });
    expect(triggers()).toEqual(before);
    expect(repo.count(a) + repo.count(b)).toBe(200);
    expectRight();
    // The views' facets and props were caught up too.
    expect((db.prepare(`SELECT COUNT(*) AS n FROM lead_tag WHERE name = 'Trial'`).get() as { n: number }).n).toBe(195);
    expect((db.prepare('SELECT COUNT(*) AS n FROM lead_props').get() as { n: number }).n).toBe(200);
    expect((db.prepare('SELECT name FROM lead_props WHERE lead_id = ?').get('5100') as { name: string }).name).toBe(leadName(lead(100)));
    // Triggers work again after it.
    repo.put(b, lead(500, { first_name: 'Quinn' }));
    expect(repo.search(b, 'quinn', { limit: 10 }).total).toBe(1);
    expectRight();
  });

  it('a bulk fill that updates or replaces a cached lead is refused and rolled back whole', () => {
    repo.put(a, lead(0));
    const snapshot = () => ({ count: repo.count(a), rows: db.prepare('SELECT lead_id, name FROM leads_seen ORDER BY row_id').all() });
    const start = snapshot();
    expect(() => bulkFill(db, () => {
      repo.put(a, lead(1));
      repo.put(a, lead(0, { first_name: 'Changed' }));
    })).toThrow(/cannot update a cached one/);
    expect(() => bulkFill(db, () => {
      db.prepare(`INSERT OR REPLACE INTO leads_seen (account_id, lead_id, email, lead_json, seen_at) VALUES (?, '5000', 'x@example.com', '{}', 1)`).run(a);
    })).toThrow(/bulk fill/);
    expect(snapshot()).toEqual(start);
    repo.put(a, lead(2));
    expectRight();
  });
});
