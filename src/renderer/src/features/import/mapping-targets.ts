// The mapping screen's targets in plain words, grouped as people think of a contact (not Kartra's raw field names).
import type { AccountLists } from '../../../../shared/ipc/contract';
import { FIELD_LABELS } from '../lead-editor/lead-fields';

const LABELS: Record<string, string> = {
  ...FIELD_LABELS,
  email: 'Email',
  last_name2: 'Last name (second)',
  state: 'State / province',
  twitter: 'X (Twitter)',
  sales_tax_id: 'Sales tax ID (VAT)',
  tags: 'Tags — several per cell',
  lists: 'Lists — several per cell',
  sequences: 'Sequences — several per cell, from step 1',
  ignore: "Don't import",
};

const GROUPS: { group: string; fields: string[] }[] = [
  { group: 'Contact', fields: ['email', 'first_name', 'middle_name', 'last_name', 'last_name2', 'company', 'phone', 'phone_country_code', 'website', 'lead_preferred_time_zone'] },
  { group: 'Address', fields: ['address', 'city', 'state', 'zip', 'country'] },
  { group: 'Social', fields: ['facebook', 'twitter', 'linkedin', 'lead_picture'] },
  { group: 'Tags, lists and sequences', fields: ['tags', 'lists', 'sequences'] },
  { group: 'Other', fields: ['sales_tax_id', 'ip'] },
];

export type TargetData = ({ value: string; label: string } | { group: string; items: { value: string; label: string }[] })[];

/** A target's label in plain words ("Last name (second)", "IP address", "Custom: job_title"). */
export function targetLabel(target: string): string {
  if (target.startsWith('custom:')) return `Custom: ${target.slice(7)}`;
  return LABELS[target] ?? target.replace(/_/g, ' ');
}

/** Grouped Select data: Don't import, Contact, Address, Social, Tags…, Other, Custom fields (from the account). */
export function groupedTargets(catalog: AccountLists | null): TargetData {
  const custom = (catalog?.custom_fields.items ?? []).map((f) => ({ value: `custom:${f.field_identifier}`, label: targetLabel(`custom:${f.field_identifier}`) }));
  return [
    { value: 'ignore', label: targetLabel('ignore') },
    ...GROUPS.map((g) => ({ group: g.group, items: g.fields.map((value) => ({ value, label: targetLabel(value) })) })),
    ...(custom.length > 0 ? [{ group: 'Custom fields', items: custom }] : []),
  ];
}

export const allValues = (data: TargetData): Set<string> =>
  new Set(data.flatMap((d) => ('group' in d ? d.items.map((i) => i.value) : [d.value])));
