// The plan before sending, through the real core: New / Existing (from the local lead cache) / Invalid /
// Duplicate-in-file / Excluded add up to the file's rows, and working it out sends nothing to Kartra.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPlan, JobProgress } from '../../../shared/domain/import';
import type { Core } from '../core-types';
import { analyze, connectedCore, freshEmail, upload } from '../jobs/testing/import-test-kit';
import { DEMO_LEAD_EMAIL, type RunningSandbox } from '../sandbox';
import { CoreHarness, valueOf } from '../testing/core-harness';

const h = new CoreHarness();
let core: Core;
let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await h.sandbox();
  core = (await connectedCore(h, sandbox)).core;
}, 20_000);
afterAll(() => h.cleanup());

describe('import.plan', () => {
  it('classifies every row without a request to Kartra', async () => {
    valueOf(await core.handle('leads.find', { query: DEMO_LEAD_EMAIL })); // the lead the user opened is in the cache
    const [a, b] = [freshEmail('p'), freshEmail('p')];
    const csv = ['Email,First', `${a},A`, `${DEMO_LEAD_EMAIL.toUpperCase()},Olivia`, 'broken@,X', `${a},Again`, `${b},B`, `${freshEmail('p')},Ex`].join('\n');
    const jobId = await upload(core, 'plan.csv', csv);
    const analysis = await analyze(core, jobId);
    valueOf<JobProgress>(await core.handle('import.validate', { jobId, mapping: analysis.suggestedMapping }));
    valueOf(await core.handle('import.exclude', { jobId, rows: [6], excluded: true }));
    const before = sandbox.stats().requests;
    const plan = valueOf<ImportPlan>(await core.handle('import.plan', { jobId }));
    expect(sandbox.stats().requests).toBe(before);
    expect(plan).toEqual({
      new: 2,
      existing: 1,
      unknown: 0,
      invalid: 1,
      duplicate: 1,
      excluded: 1,
      unchecked: 2,
      unknownReason: null,
      examples: { new: [1, 5], existing: [2], unknown: [], invalid: [3], duplicate: [4] },
    });
    expect(plan.new + plan.existing + plan.invalid + plan.duplicate + plan.excluded).toBe(analysis.rowCount);
  });
});
