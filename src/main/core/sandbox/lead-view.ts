// Renders a lead: as get_lead's `lead_details` (kartra-api.md §8.2) and as the inspector's SandboxLeadState.
import { formatEst } from './est-time';
import { hasOptions, type AccountRow } from './store/catalog-store';
import type { LeadRow } from './store/lead-store';
import type { SandboxState } from './store/state';
import { PROFILE_FIELDS, type ProfileField, type SandboxLeadState } from './types';

/**
 * get_lead's `lead_details`. Scalars follow the official table (ids as strings, score/blacklisted as integers);
 * relations follow kartra-api.md §0.4 E7 and §8.2: tags [{tag_name}] (no tag_id), lists [{list_id, list_name, active}],
 * sequences [{sequence_id, sequence_name, step, status}], memberships with both `name` (production code) and
 * `membership_name` (AE) and `active` "1"/"0", custom_fields for every account field, GDPR fields. No calendar
 * bookings: no source shows them in get_lead (E7), so a booking cannot be read back here.
 */
export function leadDetails(state: SandboxState, account: AccountRow, lead: LeadRow): Record<string, unknown> {
  const { leads, catalog } = state;
  const texts = leads.textValues(lead.id);
  const options = leads.optionValues(lead.id);
  const customFields = catalog.fields(account.id).map((f) => {
    if (!hasOptions(f.type)) {
      return { field_id: String(f.id), field_identifier: f.identifier, field_type: f.type, field_value: texts.get(f.id) ?? '' };
    }
    const chosen = options.get(f.id) ?? [];
    return {
      field_id: String(f.id),
      field_identifier: f.identifier,
      field_type: f.type,
      field_value: f.options
        .filter((o) => chosen.includes(o.id))
        .map((o) => ({ option_id: String(o.id), option_value: o.value })),
    };
  });
  return {
    id: String(lead.id),
    first_name: lead.first_name,
    middle_name: lead.middle_name,
    last_name: lead.last_name,
    last_name2: lead.last_name2,
    email: lead.email,
    date_joined: formatEst(lead.date_joined),
    phone_country_code: lead.phone_country_code,
    phone: lead.phone,
    ip: lead.ip,
    address: lead.address,
    zip: lead.zip,
    city: lead.city,
    state: lead.state,
    country: lead.country,
    company: lead.company,
    lead_picture: lead.lead_picture,
    score: lead.score,
    source: lead.source,
    source_id: lead.source_id,
    ip_country: lead.ip_country,
    website: lead.website,
    facebook: lead.facebook,
    twitter: lead.twitter,
    linkedin: lead.linkedin,
    lead_preferred_time_zone: lead.lead_preferred_time_zone,
    sales_tax_id: lead.sales_tax_id,
    notes: lead.notes,
    blacklisted: lead.blacklisted,
    gdpr_lead_status: lead.gdpr_status,
    gdpr_lead_status_date: lead.gdpr_status_date,
    gdpr_lead_status_ip: lead.gdpr_status_ip,
    gdpr_lead_communications: lead.gdpr_communications,
    custom_fields: customFields,
    tags: leads.tags(lead.id).map((t) => ({ tag_name: t.name })),
    lists: leads.lists(lead.id).map((l) => ({ list_id: String(l.id), list_name: l.name, active: l.active ? '1' : '0' })),
    sequences: leads.sequences(lead.id).map((s) => ({
      sequence_id: String(s.id),
      sequence_name: s.name,
      step: s.step,
      status: s.status,
    })),
    memberships: leads.memberships(lead.id).map((m) => ({
      membership_id: String(m.membership_id),
      name: m.name,
      membership_name: m.name,
      level_id: String(m.level_id),
      level_name: m.level_name,
      active: m.active ? '1' : '0',
    })),
  };
}

export function leadState(state: SandboxState, account: AccountRow, lead: LeadRow): SandboxLeadState {
  const { leads, catalog } = state;
  const texts = leads.textValues(lead.id);
  const options = leads.optionValues(lead.id);
  const customFields: Record<string, string | string[]> = {};
  for (const f of catalog.fields(account.id)) {
    customFields[f.identifier] = hasOptions(f.type) ? (options.get(f.id) ?? []).map(String) : (texts.get(f.id) ?? '');
  }
  const profile = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, lead[f]])) as Record<ProfileField, string>;
  return {
    id: String(lead.id),
    email: lead.email,
    deleted: lead.deleted === 1,
    deletedAt: lead.deleted_at === null ? null : formatEst(lead.deleted_at),
    dateJoined: formatEst(lead.date_joined),
    source: lead.source,
    score: lead.score,
    profile,
    tags: leads.tags(lead.id).map((t) => t.name),
    lists: leads.lists(lead.id).map((l) => ({ name: l.name, active: l.active === 1 })),
    sequences: leads.sequences(lead.id).map((s) => ({ name: s.name, step: s.step, status: s.status === 'active' ? 'active' : 'unsubscribed' })),
    customFields,
    calendars: leads.bookings(lead.id).map((b) => ({
      calendar: b.calendar_name,
      className: b.class_name,
      status: b.status,
      startsAt: b.starts_at === null ? null : formatEst(b.starts_at),
    })),
    memberships: leads.memberships(lead.id).map((m) => ({ name: m.name, level: m.level_name, active: m.active === 1 })),
    gdpr: {
      status: lead.gdpr_status,
      statusDate: lead.gdpr_status_date,
      statusIp: lead.gdpr_status_ip,
      communications: lead.gdpr_communications,
    },
  };
}
