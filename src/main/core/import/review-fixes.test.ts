// The review's bulk fixes and Tags columns through the real core, worker and SQLite journal against the sandbox:
// one "replace every España with Spain" makes 15 rows ready; fixes survive a new mapping; unknown tags stop the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRow, JobProgress, RefusedValue } from '../../../shared/domain/import';
import type { Core } from '../core-types';
import { analyze, connectedCore, freshEmail, upload } from '../jobs/testing/import-test-kit';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';

const h = new CoreHarness();
let core: Core;
beforeAll(async () => {
  core = (await connectedCore(h, await h.sandbox())).core;
}, 20_000);
afterAll(() => h.cleanup());

async function validated(csv: string): Promise<{ jobId: string; progress: JobProgress }> {
  const jobId = await upload(core, 'leads.csv', csv);
  const analysis = await analyze(core, jobId);
  const progress = valueOf<JobProgress>(await core.handle('import.validate', { jobId, mapping: analysis.suggestedMapping }));
  return { jobId, progress };
}

const fix = async (jobId: string, f: object) => valueOf<{ progress: JobProgress; changed: number }>(await core.handle('import.bulkFix', { jobId, fix: f }));
const rows = async (jobId: string) => valueOf<{ rows: ImportRow[] }>(await core.handle('import.rows', { jobId, limit: 500 })).rows;

describe('bulk fixes', () => {
  it('lists refused values with suggestions, and one replace makes every España row ready', async () => {
    const lines = ['Email,First,Country'];
    for (let i = 0; i < 15; i++) lines.push(`${freshEmail('es')},Ana${i},${i % 2 ? 'españa ' : 'España'}`);
    lines.push(`${freshEmail('de')},Jo,Deutschland`, `${freshEmail('x')},Xa,Atlantis`, `${freshEmail('ok')},Ok,Spain`);
    const { jobId, progress } = await validated(lines.join('\n'));
    expect(progress.counts).toMatchObject({ total: 18, ready: 1, invalid: 17 });

    const refused = valueOf<{ values: RefusedValue[]; rows: number }>(await core.handle('import.refusedValues', { jobId, column: 'Country' }));
    expect(refused.rows).toBe(17);
    expect(refused.values.map((v) => [v.value, v.rows, v.suggestion])).toEqual([
      ['España', 15, 'Spain'],
      ['Atlantis', 1, null],
      ['Deutschland', 1, 'Germany'],
    ]);
    expect(refused.values[0]!.message).toContain('is not a country name');

    const done = await fix(jobId, { kind: 'replace', column: 'Country', pairs: [{ from: 'España', to: 'Spain' }] });
    expect(done.changed).toBe(15);
    expect(done.progress.counts).toMatchObject({ ready: 16, invalid: 2 });
    const all = await rows(jobId);
    expect(all.filter((r) => r.values.Country === 'Spain')).toHaveLength(16);
    // The reason stays on the row with the column's name.
    expect(all.find((r) => r.values.Country === 'Atlantis')?.errors).toEqual([{ column: 'Country', message: expect.stringContaining('"Atlantis" is not a country name') }]);

    // "Import these rows without this field": the refused country is blanked, the rows become ready.
    const cleared = await fix(jobId, { kind: 'clearInvalid', column: 'Country' });
    expect(cleared.changed).toBe(2);
    expect(cleared.progress.counts).toMatchObject({ ready: 18, invalid: 0 });
    // Fixes are journaled rows: a new validation (same mapping) keeps them.
    const again = valueOf<JobProgress>(await core.handle('import.validate', { jobId, mapping: { Email: 'email', First: 'first_name', Country: 'country' } }));
    expect(again.counts).toMatchObject({ ready: 18, invalid: 0 });
    expect(errorOf(await core.handle('import.bulkFix', { jobId, fix: { kind: 'clearInvalid', column: 'Email' } })).message).toContain('exclude the rows');
  });

  it('tidies emails, normalises phones to E.164 and parses dates in one pass each', async () => {
    const a = freshEmail('Mixed');
    const csv = ['Email,Phone,Signed up', ` ${a.toUpperCase().replace('@', ' @')} ,020 7946 0000,31/12/2024`, `${freshEmail('p')},+1 (212) 555-0100,1.2.24`, `${freshEmail('q')},not a phone,yesterday`].join('\n');
    const { jobId, progress } = await validated(csv);
    expect(progress.counts.invalid).toBe(1); // a space inside the address: not an email as written
    expect((await fix(jobId, { kind: 'email', column: 'Email' })).progress.counts.invalid).toBe(0);
    expect((await fix(jobId, { kind: 'phone', column: 'Phone', defaultCountry: 'GB' })).changed).toBe(2);
    expect((await fix(jobId, { kind: 'date', column: 'Signed up', order: 'DMY' })).changed).toBe(2);
    const [r1, r2, r3] = await rows(jobId);
    expect(r1!.values).toEqual({ Email: a.toLowerCase(), Phone: '+442079460000', 'Signed up': '2024-12-31' });
    expect(r2!.values).toMatchObject({ Phone: '+12125550100', 'Signed up': '2024-02-01' });
    expect(r3!.values).toMatchObject({ Phone: 'not a phone', 'Signed up': 'yesterday' });
  });
});

describe('Tags columns', () => {
  it('maps "Tags" automatically, lists the tags Kartra does not have, and leaves them out on request', async () => {
    const csv = ['Email,Tags', `${freshEmail('t')},VIP; Customer`, `${freshEmail('t')},VIP; Gold Member`, `${freshEmail('t')},Platinum|Customer`].join('\n');
    const jobId = await upload(core, 'tags.csv', csv);
    const analysis = await analyze(core, jobId);
    expect(analysis.suggestedMapping).toEqual({ Email: 'email', Tags: 'tags' });
    valueOf(await core.handle('import.validate', { jobId, mapping: analysis.suggestedMapping }));
    expect(valueOf(await core.handle('import.unknownNames', { jobId }))).toEqual({ tags: ['Gold Member', 'Platinum'], lists: [], sequences: [] });
    const refusal = errorOf(await core.handle('import.start', { jobId, options: { mode: 'upsert', gdprConfirmed: true } }));
    expect(refusal.message).toContain(`2 tags don't exist in Kartra ("Gold Member", "Platinum"): create them there, then Refresh — or leave them out`);
    const dropped = await fix(jobId, { kind: 'dropValues', column: 'Tags', values: ['Gold Member', 'Platinum'] });
    expect(dropped.changed).toBe(2);
    expect(valueOf(await core.handle('import.unknownNames', { jobId }))).toEqual({ tags: [], lists: [], sequences: [] });
    expect((await rows(jobId)).map((r) => r.values.Tags)).toEqual(['VIP; Customer', 'VIP', 'Customer']);
  });
});
