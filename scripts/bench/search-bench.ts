// Benchmark: instant local search over 100,000 cached leads (SQLite FTS5), p50/p95 per query.
// Run: npm run -s bench:search   (goal: p95 <= 15 ms for every query kind)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lead } from '../../src/shared/domain/lead';
import { AccountsRepo } from '../../src/main/core/store/accounts-repo';
import { openDatabase, transaction } from '../../src/main/core/store/database';
import { LeadCacheRepo } from '../../src/main/core/store/lead-cache-repo';

const LEADS = Number(process.env.LEADS ?? 100_000);
const RUNS = 50;
const GOAL_P95_MS = 15;

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'Lucas', 'Mia', 'Mateo', 'Amelia', 'Levi', 'Harper', 'Ezra', 'Evelyn', 'Luca', 'Aria', 'Hugo', 'Chloé', 'Yuki', 'Aarav', 'Fatima', 'Kofi', 'Ingrid'];
const LAST = ['Smith', 'García', 'Müller', 'Rossi', 'Dubois', 'Kowalski', 'Nakamura', 'Okafor', 'Silva', 'Jensen', 'Novák', 'Patel', 'Kim', 'Haddad', 'Larsen', 'Costa'];
const TAGS = ['VIP', 'Newsletter', 'Webinar 2026', 'Lead magnet', 'Customer', 'Churned', 'Affiliate', 'Trial'];

function lead(i: number): Lead {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[(i * 7) % LAST.length]!;
  return {
    id: String(100_000 + i), email: `${first}.${last}${i}@example${i % 50}.com`.toLowerCase(), first_name: first, middle_name: '', last_name: last,
    last_name2: '', phone: '', phone_country_code: '', ip: '', ip_country: '', address: '', zip: '', city: '', state: '', country: ['US', 'DE', 'FR', 'JP'][i % 4]!,
    company: `Company ${i % 900}`, lead_picture: '', website: '', facebook: '', twitter: '', linkedin: '', lead_preferred_time_zone: '', sales_tax_id: '',
    date_joined: '', score: i % 100, source: 'api', notes: '', blacklisted: 0, gdpr_lead_status: '', gdpr_lead_status_date: '', gdpr_lead_communications: '',
    tags: [TAGS[i % TAGS.length]!, TAGS[(i * 3) % TAGS.length]!], lists: [], sequences: [], memberships: [], custom_fields: [], calendars: null,
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

const dir = mkdtempSync(join(tmpdir(), 'lead-desk-search-bench-'));
try {
  const db = openDatabase(join(dir, 'bench.sqlite'));
  const account = new AccountsRepo(db).insert({ label: 'bench', kind: 'kartra', appId: 'BENCH', apiUrl: 'https://app.kartra.com/api', testMode: false });
  const repo = new LeadCacheRepo(db);
  const fillStart = performance.now();
  transaction(db, () => {
    for (let i = 0; i < LEADS; i++) repo.put(account.id, lead(i));
  });
  process.stderr.write(`filled ${LEADS} leads in ${((performance.now() - fillStart) / 1000).toFixed(1)} s\n`);

  const queries: [string, string, number][] = [
    ['all leads, first page', '', 0],
    ['all leads, deep page', '', LEADS - 100],
    ['one letter', 'o', 0],
    ['name prefix', 'oli', 0],
    ['first + last name', 'olivia smith', 0],
    ['email fragment', 'example7', 0],
    ['company', 'company 12', 0],
    ['common tag', 'vip', 0],
    ['no match', 'zzzz', 0],
  ];
  const results = queries.map(([kind, query, offset]) => {
    const times: number[] = [];
    let total = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      total = repo.search(account.id, query, offset, 100).total;
      repo.newestSeenAt(account.id);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { kind, query, offset, matches: total, p50_ms: +percentile(times, 0.5).toFixed(2), p95_ms: +percentile(times, 0.95).toFixed(2) };
  });
  const worst = Math.max(...results.map((r) => r.p95_ms));
  console.log(JSON.stringify({ leads: LEADS, runs_per_query: RUNS, goal_p95_ms: GOAL_P95_MS, worst_p95_ms: worst, ratio_to_goal: +(worst / GOAL_P95_MS).toFixed(2), queries: results }, null, 1));
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
