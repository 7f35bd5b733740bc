// Honest numbers: every finished import's counts — created, updated, unchanged, failed, invalid, excluded — add up
// to its file's rows, through the real core and the sandbox over HTTP, for files with bad, duplicate, excluded and
// existing rows and a row Kartra refuses; the result CSV lists each row's outcome and Kartra lead id.
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { rowOutcomes, type ImportOptions, type JobProgress } from '../../../shared/domain/import';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL } from '../sandbox';
import type { Core } from '../core-types';
import { CoreHarness, valueOf } from '../testing/core-harness';
import { analyze, connectedCore, freshEmail, upload, waitForJob } from './testing/import-test-kit';

const h = new CoreHarness();
afterEach(() => h.cleanup());

async function run(core: Core, name: string, csv: string, options: Partial<ImportOptions>, exclude: number[] = []): Promise<JobProgress> {
  const jobId = await upload(core, name, csv);
  valueOf(await core.handle('import.validate', { jobId, mapping: (await analyze(core, jobId)).suggestedMapping }));
  if (exclude.length > 0) valueOf(await core.handle('import.exclude', { jobId, rows: exclude, excluded: true }));
  valueOf(await core.handle('import.start', { jobId, options: { mode: 'upsert', gdprConfirmed: true, ...options } }));
  return waitForJob(core, jobId);
}

const sum = (p: JobProgress) => {
  const o = rowOutcomes(p.counts);
  return o.created + o.updated + o.unchanged + o.failed + o.invalid + o.excluded;
};

describe('finished import counts', { timeout: 120_000 }, () => {
  it('add up to the rows of each file, and the result CSV gives every row its outcome and lead id', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const seeded = sandbox.inspect.listLeads({ apiKey: DEMO_ACCOUNT.apiKey }).filter((l) => !l.deleted && l.email !== DEMO_LEAD_EMAIL);
    const existing = seeded[3]!.email;
    const deleted = seeded[4]!.email;
    sandbox.inspect.deleteLead({ apiKey: DEMO_ACCOUNT.apiKey, email: deleted });
    const [a, c, d] = [freshEmail('a'), freshEmail('c'), freshEmail('d')];
    const mixed = [
      'Email,First Name,Tags',
      `${a},Ann,VIP`,
      `${existing},Eve,Customer`, // existing: tag added, details kept → updated
      `${DEMO_LEAD_EMAIL},Dee,`, // existing, nothing to add → unchanged
      'not-an-email,X,', // invalid
      `${a.toUpperCase()},Dup,`, // duplicate in file → invalid
      `${deleted},Del,`, // Kartra refuses a deleted lead's address (245) → failed
      `${c},Cy,`, // excluded in the review
      `${d},Di,"VIP; Customer"`,
    ].join('\n');
    const first = await run(core, 'mixed.csv', mixed, {}, [7]);
    expect(first.status).toBe('finished');
    expect(rowOutcomes(first.counts)).toEqual({ rows: 8, created: 2, updated: 1, unchanged: 1, failed: 1, invalid: 2, excluded: 1, not_sent: 0 });
    expect(sum(first)).toBe(8);

    const result = valueOf<{ fileName: string; csv: string; rows: number }>(await core.handle('jobs.exportResult', { jobId: first.jobId }));
    expect(result).toMatchObject({ fileName: 'mixed-result.csv', rows: 8 });
    const records = parse(result.csv, { bom: true }) as string[][];
    expect(records[0]).toEqual(['Email', 'First Name', 'Tags', 'result', 'kartra lead id', 'result details']);
    expect(records.slice(1).map((r) => r[3])).toEqual(['created', 'updated', 'unchanged', 'invalid', 'invalid', 'failed', 'excluded', 'created']);
    const idOf = (email: string) => sandbox.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, email })!.id;
    expect(records[1]![4]).toBe(idOf(a));
    expect(records[8]![4]).toBe(idOf(d));
    expect(records[4]![5]).toContain('not a valid email');
    expect(records[6]![5]).toContain('245');

    // Create only over the same people, and an update-only file with a missing lead.
    const again = await run(core, 'again.csv', `email,first_name\n${a},A2\n${d},D2\n${freshEmail('e')},E\n`, { mode: 'create' });
    expect(rowOutcomes(again.counts)).toMatchObject({ rows: 3, created: 1, unchanged: 2 });
    expect(sum(again)).toBe(3);
    const update = await run(core, 'update.csv', `email,first_name\n${a},A3\n${freshEmail('gone')},G\nbad,\n`, { mode: 'update', existing: 'overwrite' });
    expect(rowOutcomes(update.counts)).toMatchObject({ rows: 3, updated: 1, unchanged: 1, invalid: 1 });
    expect(sum(update)).toBe(3);
    // A row settled after a read alone (no write of its own) is in the result like every other.
    const updateResult = parse(valueOf<{ csv: string }>(await core.handle('jobs.exportResult', { jobId: update.jobId })).csv, { bom: true }) as string[][];
    expect(updateResult.slice(1).map((r) => r[2])).toEqual(['updated', 'unchanged', 'invalid']);
  });
});
