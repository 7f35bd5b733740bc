// Export of a view or a selection of cached leads to CSV or .xlsx with the chosen columns (tags, lists, sequences
// and custom fields included). Every text cell goes through the app's formula guard, in both formats, so a value
// like "=HYPERLINK(…)" opens as text; multi-valued cells are joined with "; " so the file imports back as it was.
import ExcelJS from 'exceljs';
import type { ExportFile, ExportInput } from '../../../shared/domain/bulk-actions';
import { fieldLabel } from '../../../shared/domain/custom-field-labels';
import type { BuiltinColumn, ColumnKey, ViewRow } from '../../../shared/domain/lead-filter';
import { toViewRow } from '../../../shared/domain/view-row';
import { csvDocument } from '../import/csv-write';
import { neutralizeFormula } from '../import/formula-guard';
import type { Lead } from '../../../shared/domain/lead';

const LABELS: Record<BuiltinColumn, string> = {
  name: 'Name',
  email: 'Email',
  company: 'Company',
  country: 'Country',
  city: 'City',
  phone: 'Phone',
  tags: 'Tags',
  lists: 'Lists',
  sequences: 'Sequences',
  score: 'Score',
  joined: 'Date joined',
  source: 'Source',
  gdpr: 'GDPR status',
  refreshed: 'Last refreshed',
};

export const columnLabel = (key: ColumnKey): string => (key.startsWith('field:') ? fieldLabel(key.slice('field:'.length)) : LABELS[key as BuiltinColumn]);

function cell(row: ViewRow, key: ColumnKey): string | number {
  if (key.startsWith('field:')) return row.fields[key.slice('field:'.length)] ?? '';
  switch (key as BuiltinColumn) {
    case 'tags':
      return row.tags.join('; ');
    case 'lists':
      return row.lists.join('; ');
    case 'sequences':
      return row.sequences.join('; ');
    case 'score':
      return row.score;
    case 'refreshed':
      return new Date(row.seenAt).toISOString();
    default:
      return String(row[key as Exclude<BuiltinColumn, 'tags' | 'lists' | 'sequences' | 'score' | 'refreshed'>] ?? '');
  }
}

export interface ExportSource {
  /** The cached leads of the selection, in the view's order, with when each was read. */
  leads: Iterable<{ lead: Lead; seenAt: number }>;
  count: number;
}

export async function exportLeads(source: ExportSource, input: Pick<ExportInput, 'columns' | 'format'>, now = new Date()): Promise<ExportFile> {
  const header = input.columns.map(columnLabel);
  const stamp = now.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const rows = (function* () {
    for (const { lead, seenAt } of source.leads) {
      const view = toViewRow(lead, seenAt);
      yield input.columns.map((key) => cell(view, key));
    }
  })();
  if (input.format === 'csv') {
    const text = csvDocument(header, (function* () {
      for (const r of rows) yield r.map(String);
    })());
    return { fileName: `leads-${stamp}.csv`, mime: 'text/csv;charset=utf-8', encoding: 'text', data: text, rows: source.count };
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Leads');
  sheet.addRow(header).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Strings are stored as text cells; the guard still goes in front so a copy-paste or CSV re-save stays inert.
  for (const r of rows) sheet.addRow(r.map((v) => (typeof v === 'number' ? v : neutralizeFormula(v))));
  input.columns.forEach((_, i) => (sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, header[i]!.length + 4))));
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return {
    fileName: `leads-${stamp}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    encoding: 'base64',
    data: buffer.toString('base64'),
    rows: source.count,
  };
}
