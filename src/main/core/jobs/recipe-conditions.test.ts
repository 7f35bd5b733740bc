// A recipe with if/and conditions and remove actions, run over several leads through the real core and the
// sandbox over HTTP: the preview judges from the cache, the run judges each lead on a fresh get_lead, so a lead
// whose cached copy is stale is judged as Kartra has it — changed only when it meets the conditions there.
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { ImportRow, JobProgress, Recipe } from '../../../shared/domain/import';
import type { Lead } from '../../../shared/domain/lead';
import type { RecipePreview } from '../../../shared/domain/recipe-preview';
import { DEMO_ACCOUNT } from '../sandbox';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';
import { connectedCore, waitForJob } from './testing/import-test-kit';

const h = new CoreHarness();
afterEach(() => h.cleanup());
const apiKey = DEMO_ACCOUNT.apiKey;

const CONDITIONS = [
  { kind: 'tag', op: 'has', name: 'Beta Tester' },
  { kind: 'list', op: 'not_in', name: 'Partners' },
] as const;
const ACTIONS = [
  { cmd: 'unassign_tag', tag_name: 'Beta Tester' },
  { cmd: 'unsubscribe_lead_from_list', list_name: 'Newsletter' },
  { cmd: 'remove_points_from_lead', points: 2 },
] as const;

describe('recipe conditions on a fresh read', () => {
  it('changes exactly the leads that meet the conditions as Kartra has them, and skips the rest unsent', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const [a, b, c, d] = sandbox.inspect.listLeads({ apiKey }).slice(0, 4).map((l) => l.id);
    const edit = (id: string, e: Omit<Parameters<typeof sandbox.inspect.editLead>[0], 'apiKey' | 'id'>) => sandbox.inspect.editLead({ apiKey, id, ...e });
    // a: meets. b: meets in the cache, but loses the tag in Kartra afterwards. c: in Partners (fails).
    // d: fails in the cache, gains the tag in Kartra afterwards.
    for (const id of [a!, b!]) edit(id, { addTags: ['Beta Tester'], unsubscribeLists: ['Partners'], subscribeLists: ['Newsletter'] });
    edit(c!, { addTags: ['Beta Tester'], subscribeLists: ['Partners', 'Newsletter'] });
    edit(d!, { removeTags: ['Beta Tester'], unsubscribeLists: ['Partners'], subscribeLists: ['Newsletter'] });
    for (const id of [a!, b!, c!, d!]) valueOf<Lead>(await core.handle('leads.find', { query: id }));
    edit(b!, { removeTags: ['Beta Tester'] });
    edit(d!, { addTags: ['Beta Tester'] });
    const before = Object.fromEntries([a!, b!, c!, d!].map((id) => [id, sandbox.inspect.getLead({ apiKey, id })!]));

    const recipe = valueOf<Recipe>(await core.handle('recipes.save', { name: 'Beta over', actions: ACTIONS, conditions: CONDITIONS }));
    expect(recipe.conditions).toEqual(CONDITIONS);
    expect(valueOf<{ recipes: Recipe[] }>(await core.handle('recipes.list', {})).recipes[0]?.conditions).toEqual(CONDITIONS);
    const target = { leadIds: [a!, b!, c!, d!] };

    const preview = valueOf<RecipePreview>(await core.handle('recipes.preview', { recipeId: recipe.id, target }));
    // Judged from the (stale) cache: a and b meet, c and d do not.
    expect(preview).toMatchObject({ leads: 4, meet: 2, skip: 2, unknown: 0, change: 2, reads: 4, writes: 2, etaSec: 1 });
    expect(preview.sample.map((l) => [l.leadId, l.meets])).toEqual([[a, true], [b, true], [c, false], [d, false]]);
    expect(preview.sample[2]?.unmet).toBe('Not in list Partners');
    expect(preview.sample[0]?.effects.map((e) => e.text)).toEqual(['removes tag Beta Tester', 'unsubscribes from list Newsletter', `score ${before[a!]!.score} → ${before[a!]!.score - 2}`]);

    const run = valueOf<JobProgress>(await core.handle('recipes.apply', { recipeId: recipe.id, target }));
    const done = await waitForJob(core, run.jobId);
    expect(done.counts).toMatchObject({ total: 4, updated: 2, skipped: 2, failed: 0 });
    expect(done.calls).toBe(6); // four reads, two chained writes

    for (const id of [a!, d!]) {
      const after = sandbox.inspect.getLead({ apiKey, id })!;
      expect(after.tags).not.toContain('Beta Tester');
      expect(after.lists).toContainEqual({ name: 'Newsletter', active: false });
      expect(after.score).toBe(before[id]!.score - 2);
    }
    for (const id of [b!, c!]) expect(sandbox.inspect.getLead({ apiKey, id })).toEqual(before[id]);

    const skipped = valueOf<{ rows: ImportRow[] }>(await core.handle('import.rows', { jobId: run.jobId, statuses: ['skipped'] }));
    expect(Object.fromEntries(skipped.rows.map((r) => [r.values.lead_id, r.outcome]))).toEqual({
      [b!]: 'Skipped: read just now, the lead does not meet “Has tag Beta Tester” — nothing sent',
      [c!]: 'Skipped: read just now, the lead does not meet “Not in list Partners” — nothing sent',
    });
    // History shows the skipped leads as skipped, the others as done.
    const history = valueOf<{ entries: HistoryEntry[] }>(await core.handle('history.list', { jobId: run.jobId }));
    const byLead = Object.fromEntries(history.entries.map((e) => [e.leadId, e.actions.map((x) => x.outcome)]));
    expect(byLead).toEqual({ [a!]: ['done', 'done', 'done'], [b!]: ['skipped', 'skipped', 'skipped'], [c!]: ['skipped', 'skipped', 'skipped'], [d!]: ['done', 'done', 'done'] });
    // The fresh reads refreshed the cache: the next preview sees b without the tag.
    const again = valueOf<RecipePreview>(await core.handle('recipes.preview', { recipeId: recipe.id, target: { leadIds: [b!] } }));
    expect(again.sample[0]).toMatchObject({ meets: false, unmet: 'Has tag Beta Tester' });
  });

  it('a lead that is not in Kartra fails without a write; a condition of a kind a recipe cannot test is refused', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const recipe = valueOf<Recipe>(await core.handle('recipes.save', { name: 'Untag', actions: [ACTIONS[0]], conditions: [CONDITIONS[0]] }));
    const run = valueOf<JobProgress>(await core.handle('recipes.apply', { recipeId: recipe.id, target: { leadIds: ['999999999'] } }));
    const done = await waitForJob(core, run.jobId);
    expect(done.counts).toMatchObject({ failed: 1 });
    expect(done.calls).toBe(1);
    const refused = errorOf(await core.handle('recipes.save', { name: 'Old', actions: [ACTIONS[0]], conditions: [{ kind: 'source', value: 'import' }] }));
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toContain('a recipe can test tags, lists, sequences, custom fields and the score only');
  });
});
