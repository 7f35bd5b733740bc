// A recipe that clears fields, through the real core and the sandbox over HTTP: each lead is read fresh, only the
// fields that hold a value are sent empty — by one edit_lead on the lead's id, heading the recipe's chain — History
// keeps their values before, an undo puts them back, and a lead with nothing to clear costs no write. A lost answer
// to the edit is settled by reading the lead, never by sending the edit again blindly.
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../../shared/domain/account';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { ImportRow, JobProgress, Recipe } from '../../../shared/domain/import';
import type { Lead } from '../../../shared/domain/lead';
import type { RecipePreview } from '../../../shared/domain/recipe-preview';
import type { OutboxItemView } from '../../../shared/domain/outbox';
import { DEMO_ACCOUNT, SANDBOX_APP_ID, type RunningSandbox } from '../sandbox';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';
import { waitUntil } from '../testing/wait';
import { onFirst } from '../writes/testing/fault-proxy';
import { connectedCore, waitForJob } from './testing/import-test-kit';

const h = new CoreHarness();
afterEach(() => h.cleanup());
const apiKey = DEMO_ACCOUNT.apiKey;

const CLEAR = ['company', 'custom:job_title', 'custom:industry'];

function seed(sandbox: RunningSandbox) {
  const [a, b, c] = sandbox.inspect.listLeads({ apiKey }).filter((l) => !l.deleted).slice(0, 3).map((l) => l.id);
  const industry = sandbox.inspect.catalog({ apiKey }).customFields.find((f) => f.identifier === 'industry')!.options[1]!.id;
  const edit = (id: string, e: Omit<Parameters<typeof sandbox.inspect.editLead>[0], 'apiKey' | 'id'>) => sandbox.inspect.editLead({ apiKey, id, ...e });
  // a: every field holds a value. b: nothing to clear. c: lacks the tag the recipe's condition asks for.
  edit(a!, { profile: { company: 'Acme' }, customFields: { job_title: 'CTO', industry }, addTags: ['Beta Tester'] });
  edit(b!, { profile: { company: '' }, customFields: { job_title: '', industry: '' }, addTags: ['Beta Tester'] });
  edit(c!, { profile: { company: 'Initech' }, customFields: { job_title: 'CEO' }, removeTags: ['Beta Tester'] });
  return { a: a!, b: b!, c: c!, industry };
}

describe('a recipe that clears fields', () => {
  it('clears only what holds a value, keeps the values for History and undo, and skips a lead with nothing to do', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const { a, b, c, industry } = seed(sandbox);
    for (const id of [a, b, c]) valueOf<Lead>(await core.handle('leads.find', { query: id }));
    const truth = (id: string) => sandbox.inspect.getLead({ apiKey, id })!;
    const before = Object.fromEntries([a, b, c].map((id) => [id, truth(id)]));

    const recipe = valueOf<Recipe>(
      await core.handle('recipes.save', {
        name: 'Offboard beta',
        actions: [{ cmd: 'unassign_tag', tag_name: 'Beta Tester' }],
        conditions: [{ kind: 'tag', op: 'has', name: 'Beta Tester' }],
        clear: CLEAR,
      }),
    );
    expect(recipe.clear).toEqual(CLEAR);
    const target = { leadIds: [a, b, c] };
    const preview = valueOf<RecipePreview>(await core.handle('recipes.preview', { recipeId: recipe.id, target }));
    expect(preview).toMatchObject({ leads: 3, meet: 2, skip: 1, change: 2, reads: 3, writes: 2 });
    // In words: the option by its label, not its id.
    expect(preview.sample[0]!.effects.map((e) => e.text)).toEqual(['clears Company (now “Acme”)', 'clears Job title (now “CTO”)', 'clears Industry (now “Software”)', 'removes tag Beta Tester']);
    expect(preview.sample[1]!.effects.filter((e) => !e.changes).map((e) => e.text)).toEqual(['Company is empty already', 'Job title is empty already', 'Industry is empty already']);

    const run = valueOf<JobProgress>(await core.handle('recipes.apply', { recipeId: recipe.id, target }));
    const done = await waitForJob(core, run.jobId);
    expect(done.counts).toMatchObject({ total: 3, updated: 2, skipped: 1, failed: 0 });
    expect(done.calls).toBe(5); // three reads; an edit with the untag chained for a, the untag alone for b

    expect(truth(a)).toMatchObject({ profile: expect.objectContaining({ company: '' }), customFields: expect.objectContaining({ job_title: '', industry: [] }) });
    expect(truth(a).tags).not.toContain('Beta Tester');
    expect(truth(b).tags).not.toContain('Beta Tester');
    expect(truth(b).profile).toEqual(before[b]!.profile);
    expect(truth(c)).toEqual(before[c]);

    const history = valueOf<{ entries: HistoryEntry[] }>(await core.handle('history.list', { jobId: run.jobId })).entries;
    const entryOfA = history.find((e) => e.leadId === a)!;
    expect(entryOfA.actions.map((x) => [x.cmd, x.outcome])).toEqual([['edit_lead', 'done'], ['unassign_tag', 'done']]);
    expect(entryOfA.fields).toEqual([
      { field: 'company', before: 'Acme', after: '' },
      { field: 'custom:job_title', before: 'CTO', after: '' },
      { field: 'custom:industry', before: industry, after: '' },
    ]);
    // b's entry holds the untag only: nothing of it was cleared.
    expect(history.find((e) => e.leadId === b)!.actions.map((x) => x.cmd)).toEqual(['unassign_tag']);
    // The cache follows Kartra: the lead's company is empty in the local copy too.
    expect(valueOf<Lead>(await core.handle('leads.find', { query: a })).company).toBe('');

    valueOf<{ changes: OutboxItemView[] }>(await core.handle('history.undo', { id: entryOfA.id }));
    await waitUntil(() => (truth(a).profile.company === 'Acme' && truth(a).tags.includes('Beta Tester')) || undefined, 'lead a to be as it was');
    expect(truth(a)).toEqual(before[a]);
  });

  it('a recipe that only clears sends no write to a lead whose fields are empty; one that does nothing is refused', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const { a, b } = seed(sandbox);
    const recipe = valueOf<Recipe>(await core.handle('recipes.save', { name: 'Wipe company', actions: [], clear: ['company'] }));
    const run = valueOf<JobProgress>(await core.handle('recipes.apply', { recipeId: recipe.id, target: { leadIds: [a, b] } }));
    const done = await waitForJob(core, run.jobId);
    expect(done.counts).toMatchObject({ total: 2, updated: 1, skipped: 1 });
    expect(done.calls).toBe(3);
    const skipped = valueOf<{ rows: ImportRow[] }>(await core.handle('import.rows', { jobId: run.jobId, statuses: ['skipped'] })).rows;
    expect(skipped.map((r) => [r.values.lead_id, r.outcome])).toEqual([[b, 'Skipped: read just now, the fields to clear are empty already — nothing sent']]);
    expect(sandbox.inspect.getLead({ apiKey, id: a })!.profile.company).toBe('');

    const nothing = errorOf(await core.handle('recipes.save', { name: 'Empty', actions: [], clear: [] }));
    expect(nothing.code).toBe('invalid_input');
    expect(nothing.message).toContain('at least one action or field to clear');
    expect(errorOf(await core.handle('recipes.save', { name: 'Bad', actions: [], clear: ['email'] })).code).toBe('invalid_input');
  });

  it('a lost answer to the clearing edit is settled by reading the lead: confirmed, and the edit is not sent twice', async () => {
    const sandbox = await h.sandbox();
    const { a } = seed(sandbox);
    const lose = onFirst((r) => r.what.includes('edit_lead'), 'reset');
    const proxy = await h.faultProxy(sandbox.url, lose.decide);
    const core = await h.core({ probeBackoffMs: [40, 80, 160], confirmWaitMs: 3_000, kartraHttp: { headersTimeoutMs: 500, bodyTimeoutMs: 500 } });
    valueOf<AccountInfo>(await core.handle('accounts.connect', { label: 'Shop', appId: SANDBOX_APP_ID, apiKey, apiPassword: DEMO_ACCOUNT.apiPassword, apiUrl: proxy.url }));
    const recipe = valueOf<Recipe>(await core.handle('recipes.save', { name: 'Wipe', actions: [{ cmd: 'give_points_to_lead', points: 3 }], clear: ['company'] }));
    const score = sandbox.inspect.getLead({ apiKey, id: a })!.score;
    const run = valueOf<JobProgress>(await core.handle('recipes.apply', { recipeId: recipe.id, target: { leadIds: [a] } }));
    const done = await waitForJob(core, run.jobId);
    expect(lose.used()).toBe(true);
    expect(done.counts).toMatchObject({ updated: 1, failed: 0 });
    // The edit went out once; reading the lead showed it (and the points after it) applied.
    expect(proxy.requests.filter((r) => r.what.includes('edit_lead')).length).toBe(1);
    expect(sandbox.inspect.getLead({ apiKey, id: a })).toMatchObject({ score: score + 3, profile: expect.objectContaining({ company: '' }) });
    const rows = valueOf<{ rows: ImportRow[] }>(await core.handle('import.rows', { jobId: run.jobId, statuses: ['updated'] })).rows;
    expect(rows[0]!.outcome).toBe('Updated (confirmed by reading the lead)');
  });
});
