// Export through the real core: a view of cached leads (filled from the sandbox over HTTP) to CSV and .xlsx with
// chosen columns; read back, every value is the cached one, and a formula-looking value is written neutralised.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../shared/domain/bulk-actions';
import type { Lead } from '../../../shared/domain/lead';
import type { ColumnKey, LeadSelection } from '../../../shared/domain/lead-filter';
import { toViewRow } from '../../../shared/domain/view-row';
import type { Core } from '../core-types';
import { parseSlice } from '../import/csv-source';
import { DEMO_ACCOUNT, type RunningSandbox } from '../sandbox';
import { connectedCore } from '../jobs/testing/import-test-kit';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';

const h = new CoreHarness();
const apiKey = DEMO_ACCOUNT.apiKey;
let sandbox: RunningSandbox;
let core: Core;
let leads: Lead[];
const FORMULA = '=HYPERLINK("http://evil.example","click")';
let field: string;
let formulaId: string;

beforeAll(async () => {
  sandbox = await h.sandbox();
  ({ core } = await connectedCore(h, sandbox));
  const listed = sandbox.inspect.listLeads({ apiKey }).filter((l) => !l.deleted);
  // A VIP lead's company looks like a formula, as a hostile form entry would.
  formulaId = listed.find((l) => sandbox.inspect.getLead({ apiKey, id: l.id })!.tags.includes('VIP'))!.id;
  sandbox.inspect.editLead({ apiKey, id: formulaId, profile: { company: FORMULA } });
  leads = [];
  for (const l of listed) leads.push(valueOf<Lead>(await core.handle('leads.find', { query: l.id })));
  field = leads.flatMap((l) => l.custom_fields).find((f) => f.field_type === 'input_field')!.field_identifier;
}, 60_000);
afterAll(() => h.cleanup());

const VIP: LeadSelection = { kind: 'view', filter: { text: '', conditions: [{ kind: 'tag', op: 'has', name: 'VIP' }] }, except: [] };
const columns = (): ColumnKey[] => ['name', 'email', 'company', 'tags', 'lists', 'sequences', 'score', `field:${field}`];

/** The cells a lead must export as, from its cached copy. */
function expected(lead: Lead): string[] {
  const row = toViewRow(lead, 0);
  return [row.name, row.email, row.company, row.tags.join('; '), row.lists.join('; '), row.sequences.join('; '), String(row.score), row.fields[field] ?? ''];
}

describe('leads.export', () => {
  it('CSV: the view\'s leads with the chosen columns round-trip, the formula neutralised in the file', async () => {
    const file = valueOf<ExportFile>(await core.handle('leads.export', { selection: { kind: 'view', filter: { text: '', conditions: [] }, except: [] }, columns: columns(), format: 'csv' }));
    expect(file).toMatchObject({ encoding: 'text', rows: leads.length });
    expect(file.fileName).toMatch(/^leads-.*\.csv$/);
    expect(file.data).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const [header, ...rows] = parseSlice(Buffer.from(file.data.replace(/^\uFEFF/, '')), ',');
    expect(header).toEqual(['Name', 'Email', 'Company', 'Tags', 'Lists', 'Sequences', 'Score', expect.any(String)]);
    const byEmail = new Map(rows.map((r) => [r[1], r]));
    for (const lead of leads) expect(byEmail.get(lead.email)).toEqual(expected(lead));
    expect(byEmail.get(leads.find((l) => l.id === formulaId)!.email)![2]).toBe(FORMULA);
  });

  it('.xlsx: a view minus an unticked lead, numbers as numbers, text guarded', async () => {
    const vip = leads.filter((l) => l.tags.includes('VIP'));
    const kept = [...vip.filter((l) => l.id === formulaId), ...vip.filter((l) => l.id !== formulaId)];
    const except = kept.at(-1)!.id;
    const file = valueOf<ExportFile>(await core.handle('leads.export', { selection: { ...VIP, except: [except] } as LeadSelection, columns: columns(), format: 'xlsx' }));
    expect(file).toMatchObject({ encoding: 'base64', rows: vip.length - 1 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(values.map((r) => r[1]).sort()).toEqual(kept.slice(0, -1).map((l) => l.email).sort());
    expect(values.find((r) => r[2] !== undefined && String(r[2]).includes('HYPERLINK'))![2]).toBe(`'${FORMULA}`);
    for (const lead of kept.slice(0, -1)) {
      const row = values.find((r) => r[1] === lead.email)!;
      const want = expected(lead);
      expect(row[6]).toBe(lead.score);
      expect(row.map((v, i) => (i === 6 ? want[6] : typeof v === 'string' && v.startsWith("'=") ? v.slice(1) : (v ?? '')))).toEqual(want);
    }
    expect(errorOf(await core.handle('leads.export', { selection: VIP, columns: [], format: 'csv' })).code).toBe('invalid_input');
  });
});
