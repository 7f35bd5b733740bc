// History and the lead cache through the real core, SQLite and the sandbox: an import puts every lead Kartra
// confirmed into local search at once; an edit, an import row and a change made offline each leave a History
// entry with per-action outcomes and field before/after; history.list filters and pages.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { Lead } from '../../../shared/domain/lead';
import type { LeadRow } from '../../../shared/domain/lead-views';
import type { OutboxItemView } from '../../../shared/domain/outbox';
import type { WriteReceipt } from '../../../shared/ipc/contract';
import type { Core } from '../core-types';
import { analyze, connectedCore, freshEmail, upload, waitForJob } from '../jobs/testing/import-test-kit';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL } from '../sandbox';
import { CoreHarness, valueOf } from '../testing/core-harness';
import { waitUntil } from '../testing/wait';

const h = new CoreHarness();
afterEach(() => h.cleanup());

type Page = { entries: HistoryEntry[]; nextBeforeId: number | null };
const history = async (core: Core, filter: Record<string, unknown> = {}) => valueOf<Page>(await core.handle('history.list', filter));

async function importRows(core: Core, emails: string[], tags: string[] = []): Promise<string> {
  const csv = ['email,first_name,company', ...emails.map((e, i) => `${e},Imported${i},Acme ${i}`)].join('\n');
  const jobId = await upload(core, 'people.csv', csv);
  const analysis = await analyze(core, jobId);
  valueOf(await core.handle('import.validate', { jobId, mapping: analysis.suggestedMapping }));
  valueOf(await core.handle('import.start', { jobId, options: { mode: 'upsert', tags, points: 3, gdprConfirmed: true } }));
  await waitForJob(core, jobId, ['finished'], 30_000);
  return jobId;
}

describe('imported leads are searchable at once', () => {
  it('import 50 rows: every lead Kartra confirmed is found by leads.search, with the id Kartra gave it', { timeout: 60_000 }, async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const emails = Array.from({ length: 50 }, (_, i) => freshEmail(`search${i}`));
    await importRows(core, emails);
    for (const email of emails) {
      const { rows } = valueOf<{ rows: LeadRow[] }>(await core.handle('leads.search', { query: email }));
      const kartra = sandbox.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, email })!;
      expect(rows.filter((r) => r.email === kartra.email).map((r) => r.id), email).toEqual([kartra.id]);
    }
    const byCompany = valueOf<{ rows: LeadRow[]; total: number }>(await core.handle('leads.search', { query: 'Acme' }));
    expect(byCompany.total).toBe(50);
  });
});

describe('history', () => {
  it('keeps an edit, an import row and a change made offline, with outcomes and field before/after; filters and pages', { timeout: 60_000 }, async () => {
    const dir = h.tempDir('lead-desk-kartra-');
    let sandbox = await h.sandbox({ dataFile: join(dir, 'k.sqlite') });
    const port = sandbox.port;
    const { core } = await connectedCore(h, sandbox);
    const lead = valueOf<Lead>(await core.handle('leads.find', { query: DEMO_LEAD_EMAIL }));
    const tags = valueOf<{ items: string[] }>(await core.handle('account.tags', {})).items;
    const tag = tags.find((t) => !lead.tags.includes(t))!;

    // An edit from the profile.
    const edited = valueOf<WriteReceipt>(
      await core.handle('leads.edit', { lead: { id: lead.id }, changes: { city: 'Bergen' }, seen: { city: lead.city }, actions: [{ cmd: 'assign_tag', tag_name: tag }] }),
    );
    expect(edited.confirmed).toBe(true);

    // An import row (for another lead) with a tag and points.
    const imported = freshEmail('history');
    const jobId = await importRows(core, [imported], [tag]);

    // A change made while Kartra cannot be reached, from the table.
    await sandbox.close();
    const offline = valueOf<WriteReceipt>(await core.handle('leads.edit', { lead: { id: lead.id }, changes: { city: 'Tromsø' }, seen: { city: 'Bergen' }, source: 'table' }));
    expect(offline.confirmed).toBe(false);
    sandbox = await h.sandbox({ dataFile: join(dir, 'k.sqlite'), port });
    await waitUntil(async () => valueOf<{ items: OutboxItemView[] }>(await core.handle('outbox.list', {})).items.length === 0, 'the replay', 15_000);

    const all = await history(core);
    expect(all.entries).toHaveLength(3);
    const [replayed, row, edit] = all.entries;
    expect(edit).toMatchObject({ source: 'edit', leadId: lead.id, jobId: null });
    expect(edit!.actions.map((a) => [a.cmd, a.outcome])).toEqual([['edit_lead', 'done'], ['assign_tag', 'done']]);
    expect(edit!.fields).toEqual([{ field: 'city', before: lead.city, after: 'Bergen' }]);

    expect(row).toMatchObject({ source: 'import', jobId, leadEmail: imported.toLowerCase() });
    expect(row!.leadId).toBe(sandbox.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, email: imported })!.id);
    expect(row!.actions.map((a) => [a.cmd, a.outcome])).toEqual([['create_lead', 'done'], ['give_points_to_lead', 'done'], ['assign_tag', 'done']]);
    expect(row!.fields).toContainEqual({ field: 'first_name', before: null, after: 'Imported0' });

    expect(replayed).toMatchObject({ source: 'replay', leadId: lead.id });
    expect(replayed!.actions.map((a) => [a.cmd, a.outcome])).toEqual([['edit_lead', 'done']]);
    expect(replayed!.fields).toEqual([{ field: 'city', before: 'Bergen', after: 'Tromsø' }]);
    expect(replayed!.settledAt).not.toBeNull();

    // Filters.
    expect((await history(core, { sources: ['import'] })).entries.map((e) => e.id)).toEqual([row!.id]);
    expect((await history(core, { jobId })).entries.map((e) => e.id)).toEqual([row!.id]);
    expect((await history(core, { leadId: lead.id })).entries.map((e) => e.id)).toEqual([replayed!.id, edit!.id]);
    expect((await history(core, { email: imported.toUpperCase() })).entries.map((e) => e.id)).toEqual([row!.id]);
    expect((await history(core, { outcomes: ['failed'] })).entries).toEqual([]);
    expect((await history(core, { since: replayed!.at })).entries.map((e) => e.id)).toEqual([replayed!.id]);
    expect((await history(core, { until: edit!.at })).entries.map((e) => e.id)).toEqual([edit!.id]);
    expect((await history(core, { accountId: 'all' })).entries).toHaveLength(3);
    expect((await history(core, { accountId: 'another-account' })).entries).toEqual([]);
    // Keyset paging.
    const first = await history(core, { limit: 2 });
    expect(first.entries.map((e) => e.id)).toEqual([replayed!.id, row!.id]);
    const second = await history(core, { limit: 2, beforeId: first.nextBeforeId! });
    expect(second).toEqual({ entries: [edit], nextBeforeId: null });
  });
});
