// Bulk actions and undo through the real core against the sandbox over HTTP: the preview counts from the cache,
// the run changes exactly the leads that were not skipped (one call each), and undo — of a run or of one entry —
// puts the sandbox's leads back as they were; a created lead's entry says it cannot be undone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkPreview } from '../../../shared/domain/bulk-actions';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { JobProgress } from '../../../shared/domain/import';
import type { Lead } from '../../../shared/domain/lead';
import type { LeadSelection } from '../../../shared/domain/lead-filter';
import type { Core } from '../core-types';
import { DEMO_ACCOUNT, type RunningSandbox } from '../sandbox';
import { connectedCore, freshEmail, waitForJob } from '../jobs/testing/import-test-kit';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';
import { waitUntil } from '../testing/wait';

const h = new CoreHarness();
const apiKey = DEMO_ACCOUNT.apiKey;
let sandbox: RunningSandbox;
let core: Core;

type Truth = NonNullable<ReturnType<RunningSandbox['inspect']['getLead']>>;
const truthOf = (id: string): Truth => sandbox.inspect.getLead({ apiKey, id })!;
/** What a bulk action or its undo may touch, as the sandbox has it (an unsubscribed list counts as not in it). */
const state = (t: Truth) => ({
  tags: [...t.tags].sort(),
  lists: t.lists.filter((l) => l.active).map((l) => l.name).sort(),
  score: t.score,
  company: t.profile.company,
});
const VIP_VIEW: LeadSelection = { kind: 'view', filter: { text: '', conditions: [{ kind: 'tag', op: 'has', name: 'VIP' }] }, except: [] };
const SUBSCRIBE = { kind: 'action', action: { cmd: 'subscribe_lead_to_list', list_name: 'Newsletter' } } as const;

async function history(jobId: string): Promise<HistoryEntry[]> {
  return valueOf<{ entries: HistoryEntry[] }>(await core.handle('history.list', { jobId, limit: 500 })).entries;
}

beforeAll(async () => {
  sandbox = await h.sandbox();
  ({ core } = await connectedCore(h, sandbox));
  for (const l of sandbox.inspect.listLeads({ apiKey }).filter((l) => !l.deleted)) valueOf<Lead>(await core.handle('leads.find', { query: l.id }));
}, 60_000);
afterAll(() => h.cleanup());

describe('bulk actions', () => {
  it('previews from the cache, changes exactly the non-skipped leads with one call each, and undoing the run restores them', async () => {
    const vip = sandbox.inspect.listLeads({ apiKey }).filter((l) => !l.deleted && truthOf(l.id).tags.includes('VIP'));
    const before = new Map(vip.map((l) => [l.id, state(truthOf(l.id))]));
    const already = vip.filter((l) => before.get(l.id)!.lists.includes('Newsletter')).map((l) => l.id);
    const toChange = vip.filter((l) => !before.get(l.id)!.lists.includes('Newsletter')).map((l) => l.id);
    expect(already.length, 'the demo data has VIP leads in Newsletter').toBeGreaterThan(0);
    expect(toChange.length, 'and VIP leads not in it').toBeGreaterThan(0);

    const preview = valueOf<BulkPreview>(await core.handle('bulk.preview', { selection: VIP_VIEW, action: SUBSCRIBE }));
    expect(preview).toMatchObject({ summary: 'Subscribe to list Newsletter', total: vip.length, changes: toChange.length, skipped: already.length, calls: toChange.length });
    expect(preview.etaSeconds).toBe(Math.ceil(toChange.length / preview.rate));
    expect(preview.leads.filter((l) => !l.changes).map((l) => l.leadId).sort()).toEqual([...already].sort());
    expect(preview.leads.find((l) => !l.changes)!.what).toBe('In list Newsletter already: skipped');

    const started = valueOf<JobProgress>(await core.handle('bulk.run', { selection: VIP_VIEW, action: SUBSCRIBE }));
    const done = await waitForJob(core, started.jobId);
    expect(done.counts).toMatchObject({ total: toChange.length, updated: toChange.length, failed: 0 });
    expect(done.calls).toBe(toChange.length);
    for (const id of toChange) expect(state(truthOf(id))).toEqual({ ...before.get(id)!, lists: [...before.get(id)!.lists, 'Newsletter'].sort() });
    for (const id of already) expect(state(truthOf(id))).toEqual(before.get(id));

    const entries = await history(started.jobId);
    expect(entries.map((e) => e.leadId).sort()).toEqual([...toChange].sort());
    expect(entries.every((e) => e.source === 'bulk' && e.undo.possible)).toBe(true);

    const undo = valueOf<JobProgress>(await core.handle('history.undoRun', { jobId: started.jobId }));
    const undone = await waitForJob(core, undo.jobId);
    expect(undone.counts).toMatchObject({ total: toChange.length, updated: toChange.length, failed: 0 });
    for (const l of vip) expect(state(truthOf(l.id))).toEqual(before.get(l.id));
    expect((await history(undo.jobId)).every((e) => e.source === 'undo')).toBe(true);
    expect((await history(started.jobId)).every((e) => !e.undo.possible && e.undo.reason === 'Undone already.')).toBe(true);
    expect(errorOf(await core.handle('history.undoRun', { jobId: started.jobId })).code).toBe('already_exists');
    // The cache follows: the view counts the leads as Kartra has them again.
    const again = valueOf<BulkPreview>(await core.handle('bulk.preview', { selection: VIP_VIEW, action: SUBSCRIBE }));
    expect(again.changes).toBe(toChange.length);
  });

  it('sets a field and gives points on ticked leads; undoing one entry restores that lead only', async () => {
    const [a, b] = sandbox.inspect.listLeads({ apiKey }).filter((l) => !l.deleted).slice(0, 2);
    const before = [a!, b!].map((l) => state(truthOf(l.id)));
    const selection: LeadSelection = { kind: 'ids', ids: [a!.id, b!.id] };
    const preview = valueOf<BulkPreview>(await core.handle('bulk.preview', { selection, action: { kind: 'field', field: 'company', value: 'Globex' } }));
    expect(preview.leads.find((l) => l.leadId === a!.id)!.what).toBe(`company: ${before[0]!.company ? `“${before[0]!.company}”` : '(empty)'} → “Globex”`);
    const run = valueOf<JobProgress>(await core.handle('bulk.run', { selection, action: { kind: 'field', field: 'company', value: 'Globex' } }));
    await waitForJob(core, run.jobId);
    expect([a, b].map((l) => truthOf(l!.id).profile.company)).toEqual(['Globex', 'Globex']);

    const entryOfA = (await history(run.jobId)).find((e) => e.leadId === a!.id)!;
    expect(entryOfA.fields).toEqual([{ field: 'company', before: before[0]!.company, after: 'Globex' }]);
    valueOf(await core.handle('history.undo', { id: entryOfA.id }));
    await waitUntil(() => truthOf(a!.id).profile.company === before[0]!.company || undefined, 'the company of lead a to be back');
    expect(truthOf(b!.id).profile.company).toBe('Globex');
    const undoneEntry = valueOf<{ entries: HistoryEntry[] }>(await core.handle('history.list', { leadId: a!.id, sources: ['undo'] })).entries[0]!;
    expect(undoneEntry.summary).toBe('Edit company');
    expect(errorOf(await core.handle('history.undo', { id: entryOfA.id })).message).toContain('Undone already');

    const points = valueOf<JobProgress>(await core.handle('bulk.run', { selection, action: { kind: 'action', action: { cmd: 'give_points_to_lead', points: 7 } } }));
    await waitForJob(core, points.jobId);
    expect(truthOf(b!.id).score).toBe(before[1]!.score + 7);
    await waitForJob(core, valueOf<JobProgress>(await core.handle('history.undoRun', { jobId: points.jobId })).jobId);
    expect([a, b].map((l) => truthOf(l!.id).score)).toEqual([before[0]!.score, before[1]!.score]);
  });

  it('a created lead cannot be undone, and says so; nothing to send is refused with the reason', async () => {
    const email = freshEmail('created');
    valueOf(await core.handle('leads.create', { lead: { email, first_name: 'New' }, actions: [] }));
    const entry = await waitUntil(async () => {
      const [e] = valueOf<{ entries: HistoryEntry[] }>(await core.handle('history.list', { email })).entries;
      return e?.actions[0]?.outcome === 'done' ? e : undefined;
    }, 'the create to be confirmed');
    expect(entry.undo).toEqual({ possible: false, reason: "A created lead cannot be removed through Kartra's API; delete it in Kartra if it should go." });
    expect(errorOf(await core.handle('history.undo', { id: entry.id }))).toMatchObject({ code: 'invalid_input' });

    const anyVip = (await core.handle('bulk.preview', { selection: VIP_VIEW, action: { kind: 'action', action: { cmd: 'assign_tag', tag_name: 'VIP' } } }));
    expect(valueOf<BulkPreview>(anyVip).changes).toBe(0);
    const refused = errorOf(await core.handle('bulk.run', { selection: VIP_VIEW, action: { kind: 'action', action: { cmd: 'assign_tag', tag_name: 'VIP' } } }));
    expect(refused.message).toMatch(/^Nothing to send: every selected lead is already as asked \(\d+ skipped\)\.$/);
    expect(errorOf(await core.handle('bulk.preview', { selection: VIP_VIEW, action: { kind: 'action', action: { cmd: 'calendar_cancel', calendar_name: 'a', class_name: 'b' } } })).code).toBe('invalid_input');
  });
});
