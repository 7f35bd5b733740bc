// "Add to my local leads" through the real core and the sandbox over HTTP: a lead export fills the cache with no
// request to Kartra and is searchable at once; Refresh from Kartra reads each once on the bulk lane; the sandbox's
// first connection leaves the Leads table non-empty.
import { afterEach, describe, expect, it } from 'vitest';
import type { LimiterState } from '../../../shared/domain/limiter';
import type { LeadRow } from '../../../shared/domain/lead-views';
import type { CacheRefreshState, LocalLeadsResult } from '../../../shared/domain/local-leads';
import { analyze, connectedCore, freshEmail, upload } from '../jobs/testing/import-test-kit';
import { DEMO_ACCOUNT } from '../sandbox';
import { CoreHarness, valueOf } from '../testing/core-harness';
import { waitUntil } from '../testing/wait';
import type { Core } from '../core-types';

const h = new CoreHarness();
afterEach(() => h.cleanup());

type Search = { rows: LeadRow[]; total: number };
const search = async (core: Core, query: string) => valueOf<Search>(await core.handle('leads.search', { query, limit: 500 }));

describe('add a lead file to the local leads', () => {
  it('fills the cache from a Kartra export with no request, searchable at once; refresh reads each once on the bulk lane', async () => {
    const sandbox = await h.sandbox();
    // Kartra's own rate (20 starts a second): more leads than that makes the bulk lane queue.
    const { core } = await connectedCore(h, sandbox, { limiter: { limit: 20 } });
    const demo = sandbox.inspect.listLeads({ apiKey: DEMO_ACCOUNT.apiKey }).filter((l) => !l.deleted).slice(0, 24);
    const strangers = [freshEmail('nobody'), freshEmail('gone')];
    const csv = [
      'ID,Email,First Name,Last Name,Company,Tags,Score',
      ...demo.map((l, i) => `${l.id},${l.email},${l.firstName},Exported${i},Acme Export,"VIP; Customer",${i}`),
      `,${strangers[0]},Nadia,Nowhere,Ghost Ltd,,`,
      `,${strangers[1]},Gus,Gone,,,`,
      ',not-an-email,Bad,Row,,,',
      `${demo[0]!.id},${demo[0]!.email.toUpperCase()},Again,Twice,,,`,
    ].join('\n');
    const before = sandbox.stats().requests;
    const jobId = await upload(core, 'kartra-export.csv', csv);
    const analysis = valueOf<{ suggestedMapping: Record<string, string> }>(await core.handle('import.analyze', { jobId, local: true }));
    const fileDate = Date.UTC(2026, 10, 1);
    const added = valueOf<LocalLeadsResult>(await core.handle('import.addToLocalLeads', { jobId, mapping: analysis.suggestedMapping, fileModifiedAt: fileDate }));
    expect(added).toEqual({ added: 26, updated: 0, kept: 0, skipped: 2, asOf: fileDate });
    expect(sandbox.stats().requests).toBe(before);

    const found = await search(core, 'Exported3');
    expect(found.rows).toHaveLength(1);
    expect(found.rows[0]).toMatchObject({ id: demo[3]!.id, name: `${demo[3]!.firstName} Exported3`, company: 'Acme Export', tags: ['VIP', 'Customer'], score: 3, seenAt: fileDate, origin: 'file' });
    const nadia = (await search(core, 'nadia nowhere')).rows;
    expect(nadia).toMatchObject([{ id: `file:${strangers[0]}`, email: strangers[0], origin: 'file' }]);

    // Refresh: one get_lead per file lead, on the bulk lane only.
    const lanes: LimiterState[] = [];
    const stop = core.onEvent((event, payload) => event === 'limiter.state' && lanes.push(payload as LimiterState));
    const started = valueOf<CacheRefreshState>(await core.handle('leads.refreshFromKartra', {}));
    expect(started).toMatchObject({ status: 'running', total: 26, fromFile: 26 });
    expect(started.etaSec).toBeGreaterThanOrEqual(1);
    const done = await waitUntil(async () => {
      const s = valueOf<CacheRefreshState>(await core.handle('leads.refreshState', {}));
      return s.status === 'running' ? undefined : s;
    }, 'the refresh to finish', 10_000);
    stop();
    expect(done).toMatchObject({ status: 'done', total: 26, done: 26, found: 24, missing: 2, failed: 0, fromFile: 0, error: null });
    expect(sandbox.stats().requests - before).toBe(26);
    expect(lanes.some((s) => s.queued.bulk > 0)).toBe(true);
    expect(lanes.every((s) => s.queued.interactive === 0 && s.queued.outbox === 0)).toBe(true);

    // Kartra's copy replaced the file's; the leads Kartra does not know stay, marked.
    const refreshed = (await search(core, demo[3]!.email)).rows;
    expect(refreshed).toMatchObject([{ id: demo[3]!.id, name: `${demo[3]!.firstName} ${demo[3]!.lastName}`, origin: 'kartra' }]);
    expect(refreshed[0]!.seenAt).toBeGreaterThan(fileDate);
    expect((await search(core, 'nadia')).rows).toMatchObject([{ email: strangers[0], origin: 'missing' }]);
  });

  it('keeps a cached copy newer than the file and refuses a mapping without an email column', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const email = sandbox.inspect.listLeads({ apiKey: DEMO_ACCOUNT.apiKey })[0]!.email;
    valueOf(await core.handle('leads.find', { query: email })); // read from Kartra now
    const jobId = await upload(core, 'old-export.csv', `Email,First Name\n${email},Stale\n`);
    const analysis = await analyze(core, jobId);
    const noEmail = await core.handle('import.addToLocalLeads', { jobId, mapping: { ...analysis.suggestedMapping, Email: 'ignore' } });
    expect(noEmail).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const result = valueOf<LocalLeadsResult>(await core.handle('import.addToLocalLeads', { jobId, mapping: analysis.suggestedMapping, fileModifiedAt: Date.UTC(2020, 0, 1) }));
    expect(result).toMatchObject({ added: 0, updated: 0, kept: 1 });
    expect((await search(core, email)).rows[0]).toMatchObject({ origin: 'kartra' });
    expect((await search(core, 'stale')).total).toBe(0);
  });

  it('connecting the built-in sandbox fills the empty cache with its demo leads', async () => {
    const core = await h.core();
    valueOf(await core.handle('sandbox.connect', {}));
    const all = await search(core, '');
    expect(all.total).toBeGreaterThan(100);
    expect(all.rows.every((r) => r.origin === 'file' && /^\d+$/.test(r.id))).toBe(true);
    const olivia = await search(core, 'olivia bennett');
    expect(olivia.rows.map((r) => r.email)).toContain('olivia.bennett@example.com');
    // Filled from the sandbox's own store, not through its API.
    expect(core.builtinSandbox()!.stats().requests).toBe(0);
  });
});
