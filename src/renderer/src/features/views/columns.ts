// The leads table's columns: built-in ones and one per custom field, their labels, default widths and
// the text each shows for a row.
import type { AccountCustomField } from '../../../../shared/domain/account';
import { fieldLabel } from '../../../../shared/domain/custom-field-labels';
import { BUILTIN_COLUMNS, DEFAULT_SORT, GDPR_STATUSES, type ColumnKey, type TableLayout, type ViewRow } from '../../../../shared/domain/lead-filter';
import type { LeadRow } from '../../../../shared/domain/lead-views';
import { formatKartraDate } from './kartra-dates';

const BUILTIN: Record<(typeof BUILTIN_COLUMNS)[number], { label: string; width: number; numeric?: boolean }> = {
  name: { label: 'Name', width: 200 },
  email: { label: 'Email', width: 240 },
  company: { label: 'Company', width: 160 },
  country: { label: 'Country', width: 130 },
  city: { label: 'City', width: 130 },
  phone: { label: 'Phone', width: 140 },
  tags: { label: 'Tags', width: 200 },
  lists: { label: 'Lists', width: 180 },
  sequences: { label: 'Sequences', width: 180 },
  score: { label: 'Score', width: 80, numeric: true },
  joined: { label: 'Joined', width: 120 },
  source: { label: 'Source', width: 120 },
  gdpr: { label: 'GDPR', width: 130 },
  refreshed: { label: 'Last refreshed', width: 140 },
};

export const DEFAULT_LAYOUT: TableLayout = {
  columns: (['name', 'email', 'company', 'country', 'tags', 'score'] as const).map((key) => ({ key, width: BUILTIN[key].width })),
  sort: DEFAULT_SORT,
};

export interface ColumnInfo {
  key: ColumnKey;
  label: string;
  width: number;
  numeric: boolean;
}

/** Every column the table can show for this account: built-ins, then its custom fields. */
export function allColumns(fields: readonly AccountCustomField[]): ColumnInfo[] {
  return [
    ...BUILTIN_COLUMNS.map((key) => ({ key, label: BUILTIN[key].label, width: BUILTIN[key].width, numeric: BUILTIN[key].numeric ?? false })),
    ...fields.map((f) => ({ key: `field:${f.field_identifier}` as ColumnKey, label: fieldLabel(f.field_identifier), width: 160, numeric: false })),
  ];
}

export function columnInfo(key: ColumnKey): ColumnInfo {
  if (key.startsWith('field:')) return { key, label: fieldLabel(key.slice(6)), width: 160, numeric: false };
  const b = BUILTIN[key as keyof typeof BUILTIN];
  return { key, label: b.label, width: b.width, numeric: b.numeric ?? false };
}

const ago = (ms: number) => {
  const minutes = Math.round((Date.now() - ms) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
};

/** The text a cell shows; rows from the plain search lack the view's extra values (shown empty). */
export function cellText(row: LeadRow, key: ColumnKey): string {
  const r = row as Partial<ViewRow> & LeadRow;
  if (key.startsWith('field:')) return r.fields?.[key.slice(6)] ?? '';
  switch (key) {
    case 'tags':
      return r.tags.join(', ');
    case 'lists':
      return (r.lists ?? []).join(', ');
    case 'sequences':
      return (r.sequences ?? []).join(', ');
    case 'score':
      return r.score.toLocaleString();
    case 'joined':
      return formatKartraDate(r.joined ?? '');
    case 'gdpr':
      return GDPR_STATUSES[(r.gdpr ?? '') as keyof typeof GDPR_STATUSES] ?? r.gdpr ?? '';
    case 'refreshed':
      return ago(r.seenAt);
    default:
      return String(r[key as keyof ViewRow] ?? '');
  }
}
