// The review's plan and "Check against Kartra" through the real core and the sandbox over HTTP: classes from the
// local cache first; the check sends one get_lead per unchecked row (no more, nothing for rows already known) on
// the bulk lane only; found leads become Existing (and enter the cache), unknown addresses stay New, a deleted
// lead stays Unknown with its reason; a class filters the rows; a cancelled check stops early.
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPlan, ImportRow, PlanCheckState } from '../../../shared/domain/import';
import type { LeadRow } from '../../../shared/domain/lead-views';
import type { LimiterState } from '../../../shared/domain/limiter';
import type { Core } from '../core-types';
import { analyze, connectedCore, freshEmail, upload } from '../jobs/testing/import-test-kit';
import { DEMO_ACCOUNT, type RunningSandbox } from '../sandbox';
import { CoreHarness, valueOf } from '../testing/core-harness';
import { waitUntil } from '../testing/wait';

const h = new CoreHarness();
afterEach(() => h.cleanup());
const apiKey = DEMO_ACCOUNT.apiKey;

async function validated(core: Core, csv: string): Promise<string> {
  const jobId = await upload(core, 'plan.csv', csv);
  const analysis = await analyze(core, jobId);
  valueOf(await core.handle('import.validate', { jobId, mapping: analysis.suggestedMapping }));
  return jobId;
}

const plan = async (core: Core, jobId: string) => valueOf<ImportPlan>(await core.handle('import.plan', { jobId }));
const rowsOf = async (core: Core, jobId: string, kind: string) =>
  valueOf<{ rows: ImportRow[]; total: number }>(await core.handle('import.rows', { jobId, plan: kind, limit: 500 }));
const settled = (core: Core, jobId: string) =>
  waitUntil(async () => {
    const s = valueOf<PlanCheckState>(await core.handle('import.checkState', { jobId }));
    return s.status === 'running' || s.status === 'cancelling' ? undefined : s;
  }, 'the check to end', 20_000);

function demoLeads(sandbox: RunningSandbox, count: number) {
  return sandbox.inspect.listLeads({ apiKey }).filter((l) => !l.deleted).slice(10, 10 + count);
}

describe('the plan and the check against Kartra', { timeout: 90_000 }, () => {
  it('looks up each unchecked row once on the bulk lane: found → Existing, unknown → New, deleted → Unknown', async () => {
    const sandbox = await h.sandbox();
    // Kartra's own rate: more look-ups than 20 make the bulk lane queue, which the limiter reports.
    const { core } = await connectedCore(h, sandbox, { limiter: { limit: 20 } });
    const inKartra = demoLeads(sandbox, 24);
    const deleted = inKartra.pop()!;
    sandbox.inspect.deleteLead({ apiKey, email: deleted.email });
    const cached = inKartra.pop()!;
    valueOf(await core.handle('leads.find', { query: cached.email })); // the app has opened this one
    const strangers = [freshEmail('new'), freshEmail('new'), freshEmail('new')];
    const lines = [
      'Email,First Name',
      `${cached.email},Cached`,
      ...inKartra.map((l) => `${l.email.toUpperCase()},Known`),
      ...strangers.map((e) => `${e},Stranger`),
      `${deleted.email},Deleted`,
      'not-an-email,Broken',
      `${strangers[0]},Again`,
    ];
    const jobId = await validated(core, lines.join('\n'));
    const asked = 22 + 3 + 1;

    const before = await plan(core, jobId);
    expect(before).toMatchObject({ existing: 1, new: asked, unknown: 0, invalid: 1, duplicate: 1, excluded: 0, unchecked: asked });
    expect((await rowsOf(core, jobId, 'existing')).rows.map((r) => [r.row, r.plan])).toEqual([[1, 'existing']]);
    expect((await rowsOf(core, jobId, 'duplicate')).rows.map((r) => r.row)).toEqual([lines.length - 1]);

    const lanes: LimiterState[] = [];
    const stop = core.onEvent((event, payload) => event === 'limiter.state' && lanes.push(payload as LimiterState));
    const seq = sandbox.requests().at(-1)?.seq ?? 0;
    const started = valueOf<PlanCheckState>(await core.handle('import.checkKartra', { jobId }));
    expect(started).toMatchObject({ jobId, status: 'running', total: asked, done: 0 });
    expect(started.etaSec).toBe(Math.ceil(asked / 20));
    const done = await settled(core, jobId);
    stop();
    expect(done).toMatchObject({ status: 'done', total: asked, done: asked, found: 22, missing: 3, failed: 1, error: null });

    // Exactly one read per row asked, every one a get_lead of that row's address, none for the cached lead.
    const sent = sandbox.requests({ since: seq });
    expect(sent).toHaveLength(asked);
    expect(sent.every((r) => r.cmds.length === 1 && r.cmds[0] === 'get_lead')).toBe(true);
    expect(new Set(sent.map((r) => r.email.toLowerCase()))).toEqual(new Set([...inKartra.map((l) => l.email), ...strangers, deleted.email].map((e) => e.toLowerCase())));
    expect(lanes.some((s) => s.queued.bulk > 0)).toBe(true);
    expect(lanes.every((s) => s.queued.interactive === 0 && s.queued.outbox === 0)).toBe(true);

    const after = await plan(core, jobId);
    expect(after).toMatchObject({ existing: 23, new: 3, unknown: 1, invalid: 1, duplicate: 1, unchecked: 0 });
    expect(after.unknownReason).toMatch(/deleted/i);
    const existing = await rowsOf(core, jobId, 'existing');
    expect(existing.total).toBe(23);
    expect(existing.rows.every((r) => r.plan === 'existing' && r.values['First Name'] !== 'Stranger')).toBe(true);
    expect((await rowsOf(core, jobId, 'new')).rows.map((r) => r.values.Email)).toEqual(strangers);
    expect((await rowsOf(core, jobId, 'unknown')).rows.map((r) => r.values.Email)).toEqual([deleted.email]);
    // Rows read without a filter carry their class too.
    const all = valueOf<{ rows: ImportRow[] }>(await core.handle('import.rows', { jobId, limit: 3 })).rows;
    expect(all.map((r) => r.plan)).toEqual(['existing', 'existing', 'existing']);

    // The look-ups refreshed the cache: Kartra's copy of a found lead is searchable.
    const found = valueOf<{ rows: LeadRow[] }>(await core.handle('leads.search', { query: inKartra[0]!.email, limit: 5 })).rows;
    expect(found).toMatchObject([{ id: inKartra[0]!.id, origin: 'kartra' }]);

    // Checking again asks only for the Unknown row.
    const seq2 = sandbox.requests().at(-1)!.seq;
    valueOf(await core.handle('import.checkKartra', { jobId }));
    expect(await settled(core, jobId)).toMatchObject({ status: 'done', total: 1, failed: 1 });
    expect(sandbox.requests({ since: seq2 })).toHaveLength(1);
  });

  it('a cancelled check stops early; what it learned counts and the rest stays unchecked', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox, { limiter: { limit: 20 } });
    const leads = demoLeads(sandbox, 60);
    const jobId = await validated(core, ['Email', ...leads.map((l) => l.email)].join('\n'));
    const seq = sandbox.requests().at(-1)?.seq ?? 0;
    valueOf(await core.handle('import.checkKartra', { jobId }));
    await waitUntil(async () => (valueOf<PlanCheckState>(await core.handle('import.checkState', { jobId })).done >= 5 ? true : undefined), 'five look-ups', 10_000);
    const cancelled = valueOf<PlanCheckState>(await core.handle('import.cancelCheck', { jobId }));
    expect(cancelled.status).toBe('cancelling');
    const end = await settled(core, jobId);
    expect(end.status).toBe('cancelled');
    expect(end.done).toBeLessThan(60);
    const sent = sandbox.requests({ since: seq }).length;
    expect(sent).toBe(end.done);
    const after = await plan(core, jobId);
    expect(after).toMatchObject({ existing: end.found, new: 60 - end.found, unchecked: 60 - end.done });
  });

  it('refuses a plan before validation with a clear message', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const jobId = await upload(core, 'raw.csv', 'Email\na@example.com\n');
    await analyze(core, jobId);
    // The analysis validated the offered mapping already; a job not validated yet has no plan.
    const job = await core.handle('import.checkKartra', { jobId });
    expect(job).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Validate the rows first') } });
  });
});
