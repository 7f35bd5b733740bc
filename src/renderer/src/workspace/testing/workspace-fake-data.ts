// Test kit data for the workspace's fake core: the account catalog, a lead with custom values, and how the
// fake applies a change to a lead the way Kartra would (enough for the UI tests).
import type { AccountCustomField, AccountPage, AccountSequence } from '../../../../shared/domain/account';
import type { LeadAction } from '../../../../shared/domain/actions';
import type { Lead } from '../../../../shared/domain/lead';
import type { CreateLeadInput, EditLeadChanges } from '../../../../shared/domain/lead-input';
import { LEAD_TEXT_FIELDS } from '../../../../shared/domain/lead';
import type { LeadRow } from '../../../../shared/domain/lead-views';
import type { OutboxChange } from '../../../../shared/domain/outbox';
import type { AccountLists } from '../../../../shared/ipc/contract';
import { makeLead } from '../../testing/fixtures';

export const FETCHED_AT = 1_700_000_000_000;

export interface Catalog {
  tags: string[];
  lists: string[];
  sequences: AccountSequence[];
  pages: AccountPage[];
  custom_fields: AccountCustomField[];
}

export const CATALOG: Catalog = {
  tags: ['customer', 'VIP', 'Webinar 2024'],
  lists: ['Newsletter', 'Old promo', 'Product Updates'],
  sequences: [
    { name: 'Welcome Series' },
    { name: 'Win-back' },
  ],
  pages: [{ id: '1', name: 'Home', url: 'https://demo.kartra.com/home' }],
  custom_fields: [
    { field_id: '1', field_identifier: 'job_title', field_type: 'input_field', options: [] },
    { field_id: '2', field_identifier: 'goals', field_type: 'text_area', options: [] },
    {
      field_id: '3',
      field_identifier: 'company_size',
      field_type: 'drop_down',
      options: [
        { option_id: '601', option_value: 'Just me' },
        { option_id: '602', option_value: '2-10' },
        { option_id: '603', option_value: '11-50' },
      ],
    },
    {
      field_id: '4',
      field_identifier: 'preferred_contact',
      field_type: 'radio_button',
      options: [
        { option_id: '611', option_value: 'Email' },
        { option_id: '612', option_value: 'Phone' },
      ],
    },
    {
      field_id: '5',
      field_identifier: 'interests',
      field_type: 'checkbox',
      options: [
        { option_id: '621', option_value: 'Webinars' },
        { option_id: '622', option_value: 'Memberships' },
        { option_id: '623', option_value: 'Funnels' },
      ],
    },
  ],
};

export function ada(overrides: Partial<Lead> = {}): Lead {
  return makeLead({
    custom_fields: [
      { field_id: '1', field_identifier: 'job_title', field_type: 'input_field', value: 'Analyst' },
      { field_id: '3', field_identifier: 'company_size', field_type: 'drop_down', value: [{ option_id: '602', option_value: '2-10' }] },
      { field_id: '5', field_identifier: 'interests', field_type: 'checkbox', value: [{ option_id: '621', option_value: 'Webinars' }] },
    ],
    ...overrides,
  });
}

export function lists(catalog: Catalog): AccountLists {
  const at = <T>(items: T[]) => ({ items: structuredClone(items), fetchedAt: FETCHED_AT });
  return {
    tags: at(catalog.tags),
    lists: at(catalog.lists),
    sequences: at(catalog.sequences),
    pages: at(catalog.pages),
    custom_fields: at(catalog.custom_fields),
    stale: false,
  };
}

export function unknownNames(catalog: Catalog, actions: LeadAction[]): string | null {
  for (const a of actions) {
    if ('tag_name' in a && !catalog.tags.includes(a.tag_name)) return `No tag named "${a.tag_name}" exists in this Kartra account.`;
    if ('list_name' in a && !catalog.lists.includes(a.list_name)) return `No list named "${a.list_name}" exists in this Kartra account.`;
    if ('sequence_name' in a && !catalog.sequences.some((s) => s.name === a.sequence_name)) {
      return `No sequence named "${a.sequence_name}" exists in this Kartra account.`;
    }
  }
  return null;
}

export function toRow(lead: Lead): LeadRow {
  return {
    id: lead.id,
    email: lead.email,
    name: [lead.first_name, lead.last_name].filter(Boolean).join(' '),
    company: lead.company,
    country: lead.country,
    tags: [...lead.tags],
    score: lead.score,
    seenAt: FETCHED_AT,
  };
}

export function summarize(change: OutboxChange): string {
  if (change.kind === 'create') return `Create lead ${change.lead.email}`;
  if (change.kind === 'edit') return change.changes.new_email ? `Change email to ${change.changes.new_email}` : 'Edit lead';
  return change.kind === 'payment' ? change.payment.cmd : `${change.action.cmd}`;
}

/** Applies a change to the fake's lead the way Kartra would (enough for the UI tests). */
export function applyChange(lead: Lead, change: OutboxChange | { kind: 'edit'; changes: EditLeadChanges | CreateLeadInput }): void {
  if (change.kind === 'create') return;
  if (change.kind === 'edit') {
    const c = change.changes;
    for (const field of LEAD_TEXT_FIELDS) if (c[field] !== undefined) lead[field] = c[field];
    if ('new_email' in c && c.new_email) lead.email = c.new_email;
    for (const f of c.custom_fields ?? []) {
      const def = CATALOG.custom_fields.find((d) => d.field_identifier === f.field_identifier);
      if (!def) continue;
      const ids = Array.isArray(f.field_value) ? f.field_value : f.field_value ? [f.field_value] : [];
      const value =
        def.field_type === 'input_field' || def.field_type === 'text_area'
          ? String(f.field_value)
          : ids.map((id) => def.options.find((o) => o.option_id === id) ?? { option_id: id, option_value: id });
      lead.custom_fields = [...lead.custom_fields.filter((x) => x.field_identifier !== f.field_identifier), { field_id: def.field_id, field_identifier: def.field_identifier, field_type: def.field_type, value }];
    }
    return;
  }
  if (change.kind === 'payment') return;
  const a = change.action;
  switch (a.cmd) {
    case 'assign_tag':
      if (!lead.tags.includes(a.tag_name)) lead.tags.push(a.tag_name);
      break;
    case 'unassign_tag':
      lead.tags = lead.tags.filter((t) => t !== a.tag_name);
      break;
    case 'subscribe_lead_to_list':
    case 'unsubscribe_lead_from_list':
      lead.lists = [...lead.lists.filter((l) => l.list_name !== a.list_name), { list_name: a.list_name, active: a.cmd === 'subscribe_lead_to_list' }];
      break;
    case 'subscribe_lead_to_sequence_at_step':
      lead.sequences = [...lead.sequences.filter((s) => s.sequence_name !== a.sequence_name), { sequence_name: a.sequence_name, step: a.step, status: 'active' }];
      break;
    case 'unsubscribe_lead_from_sequence':
      lead.sequences = lead.sequences.map((s) => (s.sequence_name === a.sequence_name ? { ...s, status: 'unsubscribed' } : s));
      break;
    case 'give_points_to_lead':
      lead.score += a.points;
      break;
    case 'remove_points_from_lead':
      lead.score = Math.max(0, lead.score - a.points);
      break;
    default:
      break;
  }
}
