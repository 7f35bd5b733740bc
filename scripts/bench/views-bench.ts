// Benchmark: views over 100,000 cached leads — filter page + exact count, and per-tag/list counts; p50/p95.
// Run: npm run -s bench:views   (goal: p95 well under 100 ms for every filter)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FilterCondition, ViewSort } from '../../src/shared/domain/lead-filter';
import type { Lead } from '../../src/shared/domain/lead';
import { AccountsRepo } from '../../src/main/core/store/accounts-repo';
import { bulkFill } from '../../src/main/core/leads/bulk-fill';
import { openDatabase } from '../../src/main/core/store/database';
import { LeadCacheRepo } from '../../src/main/core/store/lead-cache-repo';
import { LeadFilterRepo } from '../../src/main/core/views/lead-filter-repo';
import { syntheticLead } from '../../e2e/bench/synthetic-leads';

const LEADS = Number(process.env.LEADS ?? 100_000);
const RUNS = 20;
const GOAL_P95_MS = 100;
const LISTS = ['Newsletter', 'Product Updates', 'Webinar Invites', 'Customers', 'Partners'];
const SOURCES = ['import', 'checkout', 'api', 'single-optin'];

/** The benchmark's synthetic lead, with lists, a sequence, a custom field, GDPR status and a joined date. */
function lead(i: number): Lead {
  const base = syntheticLead(i);
  return {
    ...base,
    lists: LISTS.filter((_, l) => (i * (l + 3)) % 5 < 2).map((list_name, l) => ({ list_name, active: (i + l) % 7 !== 0 })),
    sequences: i % 3 === 0 ? [{ sequence_name: 'Onboarding', step: String(1 + (i % 4)), status: i % 9 === 0 ? 'unsubscribed' : 'active' }] : [],
    custom_fields: [{ field_id: '1', field_identifier: 'industry', field_type: 'drop_down', value: [{ option_id: String(i % 6), option_value: `Industry ${i % 6}` }] }],
    gdpr_lead_status: String(i % 6),
    date_joined: `20${20 + (i % 6)}-0${1 + (i % 9)}-1${i % 10} 10:00:00`,
    source: SOURCES[i % SOURCES.length]!,
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const dir = mkdtempSync(join(tmpdir(), 'lead-desk-views-bench-'));
try {
  const db = openDatabase(join(dir, 'bench.sqlite'));
  const account = new AccountsRepo(db).insert({ label: 'bench', kind: 'kartra', appId: 'BENCH', apiUrl: 'https://app.kartra.com/api', testMode: false });
  const cache = new LeadCacheRepo(db);
  const fillStart = performance.now();
  bulkFill(db, () => {
    for (let i = 0; i < LEADS; i++) cache.put(account.id, lead(i));
  });
  process.stderr.write(`filled ${LEADS} leads (with facets) in ${((performance.now() - fillStart) / 1000).toFixed(1)} s\n`);
  db.exec('ANALYZE');
  const repo = new LeadFilterRepo(db);
  const byName: ViewSort = { column: 'name', dir: 'asc' };
  const cases: [string, FilterCondition[], ViewSort][] = [
    ['no condition', [], byName],
    ['has tag VIP', [{ kind: 'tag', op: 'has', name: 'VIP' }], byName],
    ['has tag VIP and not in list Newsletter', [{ kind: 'tag', op: 'has', name: 'VIP' }, { kind: 'list', op: 'not_in', name: 'Newsletter' }], byName],
    ['has not tag Customer', [{ kind: 'tag', op: 'has_not', name: 'Customer' }], byName],
    ['in sequence + score range', [{ kind: 'sequence', op: 'in', name: 'Onboarding' }, { kind: 'score', min: 100, max: 300 }], byName],
    ['custom field is', [{ kind: 'field', field: 'industry', op: 'is', value: 'Industry 3' }], byName],
    ['gdpr + joined + source', [{ kind: 'gdpr', statuses: ['2', '3'] }, { kind: 'joined', from: '2022-01-01', to: '2024-12-31' }, { kind: 'source', value: 'api' }], byName],
    ['no condition, by score desc', [], { column: 'score', dir: 'desc' }],
    ['has tag VIP, by custom field', [{ kind: 'tag', op: 'has', name: 'VIP' }], { column: 'field:industry', dir: 'asc' }],
  ];
  const time = (fn: () => number) => {
    const times: number[] = [];
    let result = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      result = fn();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { result, p50_ms: +percentile(times, 0.5).toFixed(1), p95_ms: +percentile(times, 0.95).toFixed(1) };
  };
  const results = cases.map(([kind, conditions, sort]) => {
    const { result, ...t } = time(() => repo.page(account.id, { text: '', conditions }, sort, 0, 100).total);
    return { kind, matches: result, ...t };
  });
  const counts = time(() => Object.keys(repo.facetCounts(account.id).tags).length);
  results.push({ kind: 'counts per tag, list and sequence', matches: counts.result, p50_ms: counts.p50_ms, p95_ms: counts.p95_ms });
  const worst = Math.max(...results.map((r) => r.p95_ms));
  console.log(JSON.stringify({ leads: LEADS, runs: RUNS, goal_p95_ms: GOAL_P95_MS, worst_p95_ms: worst, ratio_to_goal: +(worst / GOAL_P95_MS).toFixed(2), cases: results }, null, 1));
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
