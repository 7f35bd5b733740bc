// Existing leads in an import, through the real core and the sandbox over HTTP: the default policy keeps their
// details and only adds the row's tags, "fill" reads each existing lead once and fills only its empty fields,
// "overwrite" writes the file's values; a Tags column "VIP; Customer" goes out in one call per row, as the
// sandbox's request log shows.
import { afterEach, describe, expect, it } from 'vitest';
import type { ExistingPolicy, ImportMode, ImportRow, JobProgress } from '../../../shared/domain/import';
import { DEMO_ACCOUNT, type RunningSandbox } from '../sandbox';
import type { Core } from '../core-types';
import { CoreHarness, valueOf } from '../testing/core-harness';
import { analyze, connectedCore, freshEmail, upload, waitForJob } from './testing/import-test-kit';

const h = new CoreHarness();
afterEach(() => h.cleanup());
const apiKey = DEMO_ACCOUNT.apiKey;

/** Two seeded leads made known: a name and company set, phone and city empty, neither tag VIP nor Customer. */
function twoExisting(sandbox: RunningSandbox): string[] {
  const emails = sandbox.inspect
    .listLeads({ apiKey })
    .filter((l) => !l.deleted)
    .slice(5, 7)
    .map((l) => l.email);
  for (const [i, email] of emails.entries()) {
    sandbox.inspect.editLead({ apiKey, email, profile: { first_name: `Kept${i}`, last_name: 'Original', company: 'Old Co', phone: '', city: '' }, removeTags: ['VIP', 'Customer'] });
  }
  return emails;
}

async function runImport(core: Core, csv: string, mode: ImportMode, existing?: ExistingPolicy): Promise<JobProgress> {
  const jobId = await upload(core, 'existing.csv', csv);
  const analysis = await analyze(core, jobId);
  valueOf(await core.handle('import.validate', { jobId, mapping: analysis.suggestedMapping }));
  valueOf(await core.handle('import.start', { jobId, options: { mode, ...(existing ? { existing } : {}), gdprConfirmed: true } }));
  return waitForJob(core, jobId);
}

const fileOf = (rows: string[][]) => ['Email,First Name,Last Name,Company,Phone,City,Tags', ...rows.map((r) => r.join(','))].join('\n');

// A loaded machine starts a core and a sandbox slowly: the time limit is generous, nothing is timed.
describe('existing leads in an import', { timeout: 90_000 }, () => {
  it('default policy: details kept, the Tags column "VIP; Customer" added in one call per row; a new lead is one call', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const [x, y] = twoExisting(sandbox);
    const fresh = freshEmail('new');
    const before = sandbox.requests().at(-1)?.seq ?? 0;
    const csv = fileOf([
      [x!, 'Changed', 'Name', 'New Co', '+15550001', 'Paris', '"VIP; Customer"'],
      [y!, 'Changed', 'Name', 'New Co', '+15550002', 'Paris', '"VIP; Customer"'],
      [fresh, 'Nia', 'New', 'Fresh Co', '', '', '"VIP; Customer"'],
    ]);
    const done = await runImport(core, csv, 'upsert');
    expect(done.counts).toMatchObject({ total: 3, created: 1, updated: 2, skipped: 0, failed: 0 });

    for (const [i, email] of [x!, y!].entries()) {
      const lead = sandbox.inspect.getLead({ apiKey, email })!;
      expect(lead.profile).toMatchObject({ first_name: `Kept${i}`, last_name: 'Original', company: 'Old Co', phone: '', city: '' });
      expect(lead.tags).toEqual(expect.arrayContaining(['VIP', 'Customer']));
      // create → 244, then the two tags bare on the lead in one call; never an edit_lead.
      const calls = sandbox.requests({ since: before, email });
      expect(calls.map((c) => c.cmds)).toEqual([
        ['create_lead', 'assign_tag', 'assign_tag'],
        ['assign_tag', 'assign_tag'],
      ]);
      expect(calls[1]!.names).toEqual(['VIP', 'Customer']);
    }
    const created = sandbox.inspect.getLead({ apiKey, email: fresh })!;
    expect(created.tags).toEqual(expect.arrayContaining(['VIP', 'Customer']));
    expect(sandbox.requests({ since: before, email: fresh }).map((c) => c.cmds)).toEqual([['create_lead', 'assign_tag', 'assign_tag']]);
    expect(done.calls).toBe(5);

    const rows = valueOf<{ rows: ImportRow[] }>(await core.handle('import.rows', { jobId: done.jobId, statuses: ['updated'] }));
    expect(rows.rows.map((r) => r.outcome)).toEqual([expect.stringContaining('details kept'), expect.stringContaining('details kept')]);
  });

  it('fill: reads each existing lead once on the bulk lane and fills only its empty fields', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const [x, y] = twoExisting(sandbox);
    const before = sandbox.requests().at(-1)?.seq ?? 0;
    const csv = fileOf([
      [x!, 'Changed', 'Name', 'New Co', '+15550001', 'Paris', 'VIP'],
      [y!, 'Changed', 'Name', 'New Co', '', '', ''],
    ]);
    const done = await runImport(core, csv, 'upsert', 'fill');
    // y has nothing empty the file fills and no tag to add: unchanged, after its one read.
    expect(done.counts).toMatchObject({ total: 2, updated: 1, unchanged: 1, failed: 0 });
    expect(sandbox.inspect.getLead({ apiKey, email: x! })!.profile).toMatchObject({ first_name: 'Kept0', last_name: 'Original', company: 'Old Co', phone: '+15550001', city: 'Paris' });
    expect(sandbox.inspect.getLead({ apiKey, email: x! })!.tags).toContain('VIP');
    expect(sandbox.inspect.getLead({ apiKey, email: y! })!.profile).toMatchObject({ first_name: 'Kept1', company: 'Old Co', phone: '', city: '' });
    const xCalls = sandbox.requests({ since: before, email: x! }).map((c) => c.cmds);
    expect(xCalls).toEqual([['create_lead', 'assign_tag'], ['get_lead'], ['edit_lead', 'assign_tag']]);
    expect(sandbox.requests({ since: before, email: y! }).map((c) => c.cmds)).toEqual([['create_lead'], ['get_lead']]);
    // The reads are counted as calls.
    expect(done.calls).toBe(5);
  });

  it('overwrite: writes the file’s values over the existing details', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const [x] = twoExisting(sandbox);
    const done = await runImport(core, fileOf([[x!, 'Changed', 'Name', 'New Co', '+15550001', 'Paris', 'VIP']]), 'upsert', 'overwrite');
    expect(done.counts).toMatchObject({ total: 1, updated: 1 });
    const lead = sandbox.inspect.getLead({ apiKey, email: x! })!;
    expect(lead.profile).toMatchObject({ first_name: 'Changed', last_name: 'Name', company: 'New Co', phone: '+15550001', city: 'Paris' });
    expect(lead.tags).toContain('VIP');
  });

  it('update only, default policy: an existing lead gets its tags bare, a missing one is not created', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const [x] = twoExisting(sandbox);
    const missing = freshEmail('missing');
    const done = await runImport(core, fileOf([[x!, 'Changed', '', '', '', '', 'Customer'], [missing, 'Ghost', '', '', '', '', 'Customer']]), 'update');
    expect(done.counts).toMatchObject({ total: 2, updated: 1, unchanged: 1 });
    expect(sandbox.inspect.getLead({ apiKey, email: x! })!.profile.first_name).toBe('Kept0');
    expect(sandbox.inspect.getLead({ apiKey, email: x! })!.tags).toContain('Customer');
    expect(sandbox.inspect.getLead({ apiKey, email: missing })).toBeNull();
    const notDone = valueOf<{ rows: ImportRow[] }>(await core.handle('import.rows', { jobId: done.jobId, statuses: ['failed', 'skipped', 'invalid'] }));
    expect(notDone.rows.map((r) => [r.status, r.outcome])).toEqual([['skipped', 'No lead with this email in Kartra (update only: not created)']]);
  });
});
