// Recipes: saved per account, checked against the account's names, and applied through the journaled runner
// to lead ids, pasted emails or an import's leads, one chained call per lead.
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../../shared/domain/account';
import type { ImportRow, JobProgress, Recipe } from '../../../shared/domain/import';
import { AGENCY_ACCOUNT, DEMO_ACCOUNT, DEMO_LEAD_EMAIL, SANDBOX_APP_ID } from '../sandbox';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';
import { analyze, connectedCore, freshEmail, upload, waitForJob } from './testing/import-test-kit';

const h = new CoreHarness();
afterEach(() => h.cleanup());

const apiKey = DEMO_ACCOUNT.apiKey;
const ACTIONS = [
  { cmd: 'assign_tag', tag_name: 'Beta Tester' },
  { cmd: 'give_points_to_lead', points: 3 },
  { cmd: 'subscribe_lead_to_list', list_name: 'Product Updates' },
];

describe('recipes', () => {
  it('saves, renames, refuses clashes and unknown names, and deletes; per account', async () => {
    const sandbox = await h.sandbox();
    const { core, account } = await connectedCore(h, sandbox);
    const saved = valueOf<Recipe>(await core.handle('recipes.save', { name: 'Beta welcome', actions: ACTIONS }));
    expect(saved).toMatchObject({ name: 'Beta welcome', actions: ACTIONS });
    expect(errorOf(await core.handle('recipes.save', { name: 'beta WELCOME', actions: ACTIONS }))).toMatchObject({ code: 'already_exists' });
    const unknown = errorOf(await core.handle('recipes.save', { name: 'Bad', actions: [{ cmd: 'subscribe_lead_to_list', list_name: 'Nope' }] }));
    expect(unknown.message).toContain('No list named "Nope" exists in this Kartra account.');
    const renamed = valueOf<Recipe>(await core.handle('recipes.save', { id: saved.id, name: 'Beta onboarding', actions: ACTIONS }));
    expect(renamed.id).toBe(saved.id);
    expect(valueOf<{ recipes: Recipe[] }>(await core.handle('recipes.list', {})).recipes.map((r) => r.name)).toEqual(['Beta onboarding']);

    valueOf<AccountInfo>(
      await core.handle('accounts.connect', { label: 'Agency', appId: SANDBOX_APP_ID, apiKey: AGENCY_ACCOUNT.apiKey, apiPassword: AGENCY_ACCOUNT.apiPassword, apiUrl: sandbox.url }),
    );
    expect(valueOf<{ recipes: Recipe[] }>(await core.handle('recipes.list', {})).recipes).toEqual([]);
    expect(errorOf(await core.handle('recipes.delete', { id: saved.id })).code).toBe('not_found');
    valueOf(await core.handle('accounts.switch', { id: account.id }));
    expect(valueOf<{ recipes: Recipe[] }>(await core.handle('recipes.delete', { id: saved.id })).recipes).toEqual([]);
  });

  it('applies to lead ids and to pasted emails with one call per lead, reporting a missing lead', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const recipe = valueOf<Recipe>(await core.handle('recipes.save', { name: 'Beta', actions: ACTIONS }));
    const leads = sandbox.inspect.listLeads({ apiKey }).slice(0, 3);
    const before = leads.map((l) => sandbox.inspect.getLead({ apiKey, id: l.id })!);

    const byIds = valueOf<JobProgress>(await core.handle('recipes.apply', { recipeId: recipe.id, target: { leadIds: leads.map((l) => l.id) } }));
    expect(byIds).toMatchObject({ kind: 'recipe', name: 'Beta', counts: { total: 3 } });
    const done = await waitForJob(core, byIds.jobId);
    expect(done.counts).toMatchObject({ updated: 3, failed: 0 });
    expect(done.calls).toBe(3);
    before.forEach((lead) => {
      const after = sandbox.inspect.getLead({ apiKey, id: lead.id })!;
      expect(after.tags).toContain('Beta Tester');
      expect(after.lists).toContainEqual({ name: 'Product Updates', active: true });
      expect(after.score).toBe(lead.score + 3);
    });

    const missing = freshEmail('nobody');
    const byEmails = valueOf<JobProgress>(await core.handle('recipes.apply', { recipeId: recipe.id, target: { emails: [DEMO_LEAD_EMAIL, missing, DEMO_LEAD_EMAIL.toUpperCase()] } }));
    const second = await waitForJob(core, byEmails.jobId);
    expect(second.counts).toMatchObject({ total: 2, updated: 1, failed: 1 });
    const failed = valueOf<{ rows: ImportRow[] }>(await core.handle('import.rows', { jobId: byEmails.jobId, statuses: ['failed'] }));
    expect(failed.rows[0]).toMatchObject({ values: { lead_id: '', email: missing } });
    expect(failed.rows[0]?.outcome).toMatch(/no lead/i);
    const report = valueOf<{ csv: string; rows: number }>(await core.handle('jobs.exportFailed', { jobId: byEmails.jobId }));
    expect(report.rows).toBe(1);
    expect(report.csv).toContain(missing);
  });

  it("a step the sequence does not have (230): each row's outcome names the step and the sequence", async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    // Webinar Follow-up has three boxes in the sandbox's builder; the user typed 9.
    const recipe = valueOf<Recipe>(
      await core.handle('recipes.save', { name: 'Follow-up', actions: [ACTIONS[0]!, { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Webinar Follow-up', step: '9' }] }),
    );
    const lead = sandbox.inspect.listLeads({ apiKey })[0]!;
    const run = valueOf<JobProgress>(await core.handle('recipes.apply', { recipeId: recipe.id, target: { leadIds: [lead.id] } }));
    // The first row's 230 pauses the job with the question (writes/step-question.test.ts covers the pause itself).
    expect(await waitForJob(core, run.jobId, ['paused', 'finished', 'failed'])).toMatchObject({ status: 'paused', counts: { failed: 1 } });
    const failed = valueOf<{ rows: ImportRow[] }>(await core.handle('import.rows', { jobId: run.jobId, statuses: ['failed'] }));
    expect(failed.rows[0]?.outcome).toContain("Kartra has no step 9 in 'Webinar Follow-up' — check the box number in the sequence builder. (Kartra 230)");
  });

  it("applies to every lead an import created or updated", async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const emails = [freshEmail('imp'), freshEmail('imp')];
    const jobId = await upload(core, 'two.csv', `email\n${emails.join('\n')}\nbad@\n`);
    valueOf(await core.handle('import.validate', { jobId, mapping: (await analyze(core, jobId)).suggestedMapping }));
    valueOf(await core.handle('import.start', { jobId, options: { mode: 'create', gdprConfirmed: true } }));
    await waitForJob(core, jobId);
    const recipe = valueOf<Recipe>(await core.handle('recipes.save', { name: 'Tag them', actions: [{ cmd: 'assign_tag', tag_name: 'Referral' }] }));
    const run = valueOf<JobProgress>(await core.handle('recipes.apply', { recipeId: recipe.id, target: { importJobId: jobId } }));
    expect(run.counts.total).toBe(2);
    expect((await waitForJob(core, run.jobId)).counts.updated).toBe(2);
    for (const email of emails) expect(sandbox.inspect.getLead({ apiKey, email })?.tags).toContain('Referral');
    expect(errorOf(await core.handle('recipes.apply', { recipeId: recipe.id, target: { importJobId: run.jobId } })).message).toContain('not a recipe run');
  });
});
