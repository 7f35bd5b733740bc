// A Kartra 230 (the sequence has no such step) on a bulk job's first row pauses the job with the question in
// words, before any other row is sent; a 230 on a later row fails only that row. Real core, SQLite and the
// sandbox over HTTP (its answers, its request log).
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportRow, JobProgress, Recipe } from '../../../shared/domain/import';
import { analyze, connectedCore, freshEmail, upload, waitForJob } from '../jobs/testing/import-test-kit';
import { DEMO_ACCOUNT } from '../sandbox';
import { CoreHarness, valueOf } from '../testing/core-harness';

const h = new CoreHarness();
afterEach(() => h.cleanup());

const apiKey = DEMO_ACCOUNT.apiKey;
const QUESTION = "Kartra has no step 9 in 'Webinar Follow-up' — check the box number in the sequence builder.";

describe('a 230 on the first row of a bulk job', () => {
  it('pauses the job with the question in words; no other row is sent; resume sends the rest', { timeout: 60_000 }, async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    // Webinar Follow-up has three boxes in the sandbox's builder; the user typed 9.
    const recipe = valueOf<Recipe>(
      await core.handle('recipes.save', {
        name: 'Follow-up',
        actions: [
          { cmd: 'assign_tag', tag_name: 'Beta Tester' },
          { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Webinar Follow-up', step: '9' },
        ],
      }),
    );
    const leads = sandbox.inspect.listLeads({ apiKey }).slice(0, 4);
    const before = sandbox.requests().at(-1)?.seq ?? 0;
    const run = valueOf<JobProgress>(await core.handle('recipes.apply', { recipeId: recipe.id, target: { leadIds: leads.map((l) => l.id) } }));

    const paused = await waitForJob(core, run.jobId, ['paused', 'finished', 'failed']);
    expect(paused.status).toBe('paused');
    expect(paused.error).toContain(QUESTION);
    expect(paused.error).toMatch(/^Paused after the first row: /);
    expect(paused.counts).toMatchObject({ total: 4, failed: 1, updated: 0, ready: 3 });
    // Exactly one write reached Kartra: the first row's chain, refused at the step.
    const writes = sandbox.requests({ since: before }).filter((r) => r.cmds[0] !== 'get_lead');
    expect(writes.map((w) => w.cmds)).toEqual([['assign_tag', 'subscribe_lead_to_sequence_at_step']]);
    expect(writes[0]?.id).toBe(leads[0]!.id);
    const failed = valueOf<{ rows: ImportRow[] }>(await core.handle('import.rows', { jobId: run.jobId, statuses: ['failed'] }));
    expect(failed.rows.map((r) => r.outcome)).toEqual([expect.stringContaining(`${QUESTION} (Kartra 230)`)]);
    // The question stays after the runner stopped (it is the job's stored state, not a passing event).
    expect((await waitForJob(core, run.jobId, ['paused'])).error).toContain(QUESTION);

    // The user chooses to send the rest anyway: each of them is refused the same way, and the job finishes.
    valueOf(await core.handle('jobs.resume', { jobId: run.jobId }));
    const finished = await waitForJob(core, run.jobId);
    expect(finished).toMatchObject({ status: 'finished', error: null, counts: { total: 4, failed: 4, ready: 0 } });
    expect(sandbox.requests({ since: before }).filter((r) => r.cmds[0] !== 'get_lead')).toHaveLength(4);
  });

  it('a 230 on a later row fails only that row; the rows around it are sent', { timeout: 60_000 }, async () => {
    const dataFile = join(h.tempDir('lead-desk-kartra-'), 'k.sqlite');
    const sandbox = await h.sandbox({ dataFile });
    // This account's Win-back Campaign has no box 1 in its builder (a Sequences column starts leads at step 1).
    const db = new DatabaseSync(dataFile);
    try {
      const removed = db
        .prepare("DELETE FROM sequence_steps WHERE step = '1' AND sequence_id IN (SELECT id FROM sequences WHERE name = 'Win-back Campaign')")
        .run();
      expect(removed.changes).toBeGreaterThan(0);
    } finally {
      db.close();
    }
    const { core } = await connectedCore(h, sandbox);
    const emails = [freshEmail('first'), freshEmail('later'), freshEmail('after')];
    const csv = ['email,sequences', `${emails[0]},Welcome Series`, `${emails[1]},Win-back Campaign`, `${emails[2]},Welcome Series`].join('\n');
    const jobId = await upload(core, 'steps.csv', csv);
    const analysis = await analyze(core, jobId);
    valueOf(await core.handle('import.validate', { jobId, mapping: analysis.suggestedMapping }));
    valueOf(await core.handle('import.start', { jobId, options: { mode: 'create', gdprConfirmed: true } }));

    const done = await waitForJob(core, jobId, ['finished', 'failed', 'cancelled', 'paused']);
    expect(done).toMatchObject({ status: 'finished', error: null, counts: { total: 3, created: 2, failed: 1 } });
    const failed = valueOf<{ rows: ImportRow[] }>(await core.handle('import.rows', { jobId, statuses: ['failed'] }));
    expect(failed.rows.map((r) => [r.values.email, r.outcome])).toEqual([
      [emails[1], expect.stringContaining("Kartra has no step 1 in 'Win-back Campaign' — check the box number in the sequence builder. (Kartra 230)")],
    ]);
    for (const email of [emails[0]!, emails[2]!]) {
      expect(sandbox.inspect.getLead({ apiKey, email })?.sequences).toContainEqual(expect.objectContaining({ name: 'Welcome Series', step: '1' }));
    }
    // The later row's lead was created; only its sequence was refused.
    expect(sandbox.inspect.getLead({ apiKey, email: emails[1]! })?.sequences ?? []).toEqual([]);
  });
});
