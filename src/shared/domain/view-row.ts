// A lead as one row of the leads table: shared so the core builds pages and the renderer updates a row
// live from a `lead.updated` event with the very same mapping.
import type { Lead } from './lead';
import type { ViewRow } from './lead-filter';
import type { LeadRow } from './lead-views';

export function leadName(lead: Pick<Lead, 'first_name' | 'last_name'>): string {
  return [lead.first_name, lead.last_name].filter(Boolean).join(' ');
}

const optionText = (value: Lead['custom_fields'][number]['value']) => (typeof value === 'string' ? value : value.map((o) => o.option_value).join(', '));

export function toViewRow(lead: Lead, seenAt: number, origin?: LeadRow['origin']): ViewRow {
  return {
    id: lead.id,
    email: lead.email,
    name: leadName(lead),
    company: lead.company,
    country: lead.country,
    tags: lead.tags,
    score: lead.score,
    seenAt,
    ...(origin && origin !== 'kartra' ? { origin } : {}),
    city: lead.city,
    phone: lead.phone ? `${lead.phone_country_code ? `+${lead.phone_country_code.replace(/^\+/, '')} ` : ''}${lead.phone}` : '',
    lists: lead.lists.filter((l) => l.active).map((l) => l.list_name),
    sequences: lead.sequences.filter((s) => s.status !== 'unsubscribed').map((s) => s.sequence_name),
    joined: lead.date_joined,
    source: lead.source,
    gdpr: lead.gdpr_lead_status,
    fields: Object.fromEntries(lead.custom_fields.map((f) => [f.field_identifier, optionText(f.value)])),
  };
}
