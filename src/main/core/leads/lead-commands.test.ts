// Commands that had no test through the real core: leads.search (checked against the SQLite lead cache itself),
// leads.create online, leads.checkEmail, account.createCustomField and outbox.edit — each through core.handle
// with real SQLite and the sandbox over HTTP.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { Lead } from '../../../shared/domain/lead';
import type { LeadRow } from '../../../shared/domain/lead-views';
import type { OutboxItemView } from '../../../shared/domain/outbox';
import type { WriteReceipt } from '../../../shared/ipc/contract';
import { connectedCore, freshEmail } from '../jobs/testing/import-test-kit';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL, SANDBOX_APP_ID } from '../sandbox';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';
import { waitUntil } from '../testing/wait';
import { onFirst } from '../writes/testing/fault-proxy';

const h = new CoreHarness();
afterEach(() => h.cleanup());
const apiKey = DEMO_ACCOUNT.apiKey;

describe('leads.search', () => {
  it('answers exactly what the SQLite lead cache holds: every lead with an empty query, the matching ones by company', { timeout: 30_000 }, async () => {
    const sandbox = await h.sandbox();
    const dataDir = h.tempDir('lead-desk-search-');
    const { core, account } = await connectedCore(h, sandbox, { dataDir });
    // Leads enter the cache when they are read from Kartra.
    for (const lead of sandbox.inspect.listLeads({ apiKey }).filter((l) => !l.deleted).slice(0, 12)) valueOf<Lead>(await core.handle('leads.find', { query: lead.email }));

    const db = new DatabaseSync(join(dataDir, 'lead-desk.sqlite'), { readOnly: true });
    try {
      const cached = (db.prepare('SELECT lead_id, email, lead_json FROM leads_seen WHERE account_id = ? ORDER BY lead_id').all(account.id) as { lead_id: string; email: string; lead_json: string }[]).map((r) => ({
        id: r.lead_id,
        email: r.email,
        lead: JSON.parse(r.lead_json) as Lead,
      }));
      expect(cached.length).toBeGreaterThanOrEqual(12);

      const all = valueOf<{ rows: LeadRow[]; total: number }>(await core.handle('leads.search', { query: '', limit: 500 }));
      expect(all.total).toBe(cached.length);
      expect(all.rows.map((r) => [r.id, r.email]).sort()).toEqual(cached.map((c) => [c.id, c.email]).sort());

      const company = cached.map((c) => c.lead.company).find((c) => c && c.length > 3)!;
      const word = company.split(/\s+/)[0]!;
      const byCompany = valueOf<{ rows: LeadRow[]; total: number }>(await core.handle('leads.search', { query: word }));
      const expected = cached.filter((c) => [c.lead.company, c.lead.first_name, c.lead.last_name, c.email].some((v) => v.toLowerCase().includes(word.toLowerCase())));
      expect(byCompany.rows.map((r) => r.id).sort()).toEqual(expected.map((c) => c.id).sort());
    } finally {
      db.close();
    }
  });
});

describe('leads.create online', () => {
  it('creates the lead in Kartra with its tag, answers confirmed with Kartra’s id, and keeps it in History', { timeout: 30_000 }, async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const tag = sandbox.inspect.catalog({ apiKey }).tags[0]!.name;
    const email = freshEmail('created');
    const receipt = valueOf<WriteReceipt>(await core.handle('leads.create', { lead: { email, first_name: 'Nia', city: 'York' }, actions: [{ cmd: 'assign_tag', tag_name: tag }] }));
    expect(receipt.confirmed).toBe(true);
    const kartra = sandbox.inspect.getLead({ apiKey, email })!;
    expect(receipt.lead).toMatchObject({ id: kartra.id, email, first_name: 'Nia', city: 'York' });
    expect(kartra.profile.first_name).toBe('Nia');
    expect(kartra.tags).toEqual([tag]);
    const [entry] = valueOf<{ entries: HistoryEntry[] }>(await core.handle('history.list', { email })).entries;
    expect(entry!.actions.map((a) => [a.cmd, a.outcome])).toEqual([
      ['create_lead', 'done'],
      ['assign_tag', 'done'],
    ]);
    expect(entry!.leadId).toBe(kartra.id);
    // Searchable at once from the local cache.
    const search = valueOf<{ rows: LeadRow[] }>(await core.handle('leads.search', { query: email }));
    expect(search.rows.map((r) => r.id)).toEqual([kartra.id]);
  });
});

describe('leads.checkEmail', () => {
  it('free, taken (with the lead id), free for the lead itself, and reserved by a deleted lead', { timeout: 30_000 }, async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const demo = sandbox.inspect.getLead({ apiKey, email: DEMO_LEAD_EMAIL })!;
    expect(valueOf(await core.handle('leads.checkEmail', { email: freshEmail('free') }))).toEqual({ available: true, reason: null, leadId: null });
    expect(valueOf(await core.handle('leads.checkEmail', { email: DEMO_LEAD_EMAIL }))).toEqual({ available: false, reason: `Another lead (id ${demo.id}) already uses ${DEMO_LEAD_EMAIL}.`, leadId: demo.id });
    expect(valueOf(await core.handle('leads.checkEmail', { email: DEMO_LEAD_EMAIL, exceptLeadId: demo.id }))).toMatchObject({ available: true, leadId: demo.id });
    const other = sandbox.inspect.listLeads({ apiKey }).find((l) => !l.deleted && l.id !== demo.id)!;
    sandbox.inspect.deleteLead({ apiKey, email: other.email });
    const reserved = valueOf<{ available: boolean; reason: string }>(await core.handle('leads.checkEmail', { email: other.email }));
    expect(reserved.available).toBe(false);
    expect(reserved.reason).toContain('belongs to a deleted lead');
    expect(errorOf(await core.handle('leads.checkEmail', { email: 'not-an-email' })).message).toContain('not a valid email address');
  });
});

describe('account.createCustomField', () => {
  it('creates a drop-down in Kartra with its options and answers the refreshed lists; a one-option drop-down is refused', { timeout: 30_000 }, async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const identifier = `tier_${Date.now() % 100000}`;
    const lists = valueOf<{ custom_fields: { items: { field_identifier: string; field_type: string; options: { option_value: string }[] }[] } }>(await core.handle('account.createCustomField', { identifier, type: 'drop_down', options: ['Gold', 'Silver'] }));
    const mine = lists.custom_fields.items.find((f) => f.field_identifier === identifier)!;
    expect(mine.field_type).toBe('drop_down');
    expect(mine.options.map((o) => o.option_value)).toEqual(['Gold', 'Silver']);
    const kartra = sandbox.inspect.catalog({ apiKey }).customFields.find((f) => f.identifier === identifier);
    expect(kartra).toBeTruthy();
    const refused = errorOf(await core.handle('account.createCustomField', { identifier: `${identifier}_x`, type: 'drop_down', options: ['Only'] }));
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toContain('give at least two options');
  });
});

describe('outbox.edit', () => {
  it('a failed edit is corrected in the outbox and sent again: Kartra ends with the corrected value', { timeout: 30_000 }, async () => {
    const sandbox = await h.sandbox();
    // Kartra refuses the first edit_lead (not forwarded: nothing applied); later requests pass.
    const proxy = await h.faultProxy(sandbox.url, onFirst((r) => r.what.includes('edit_lead'), { dropAnswer: { status: 'Error', message: 'Invalid value', type: '239' } }).decide);
    const core = await h.core({ confirmWaitMs: 3_000 });
    valueOf(await core.handle('accounts.connect', { label: 'Shop', appId: SANDBOX_APP_ID, apiKey, apiPassword: DEMO_ACCOUNT.apiPassword, apiUrl: proxy.url }));
    const lead = valueOf<Lead>(await core.handle('leads.find', { query: DEMO_LEAD_EMAIL }));
    const failed = await core.handle('leads.edit', { lead: { id: lead.id }, changes: { city: 'Lodnon' }, seen: { city: lead.city } });
    expect(failed.ok).toBe(false);
    const [item] = valueOf<{ items: OutboxItemView[] }>(await core.handle('outbox.list', {})).items;
    expect(item!.status).toBe('failed');

    const edited = valueOf<OutboxItemView>(await core.handle('outbox.edit', { id: item!.id, change: { city: 'London' } }));
    expect(edited.change).toEqual({ kind: 'edit', changes: { city: 'London' } });
    await waitUntil(async () => valueOf<{ items: OutboxItemView[] }>(await core.handle('outbox.list', {})).items.length === 0, 'the corrected edit to be confirmed', 10_000);
    expect(sandbox.inspect.getLead({ apiKey, id: lead.id })!.profile.city).toBe('London');
    // An item that is gone cannot be edited.
    expect(errorOf(await core.handle('outbox.edit', { id: item!.id, change: { city: 'Paris' } })).code).toBe('not_found');
  });
});
