// Lead shapes shared by core and renderer: Kartra's field names, normalised (tags as names, typed custom fields).
import { z } from 'zod';
import { MAX_EMAIL, MAX_LEAD_ID } from './bounded';

/** Profile fields Kartra accepts in `lead[...]` for create_lead/edit_lead (kartra-api.md §8.1). */
export const LEAD_TEXT_FIELDS = [
  'first_name',
  'middle_name',
  'last_name',
  'last_name2',
  'phone',
  'phone_country_code',
  'ip',
  'address',
  'zip',
  'city',
  'state',
  'country',
  'company',
  'lead_picture',
  'website',
  'facebook',
  'twitter',
  'linkedin',
  'lead_preferred_time_zone',
  'sales_tax_id',
] as const;
export type LeadTextField = (typeof LEAD_TEXT_FIELDS)[number];

export const CUSTOM_FIELD_TYPES = ['input_field', 'text_area', 'drop_down', 'radio_button', 'checkbox'] as const;
export const CustomFieldType = z.enum(CUSTOM_FIELD_TYPES);
export type CustomFieldType = z.infer<typeof CustomFieldType>;

/** Kartra keeps at most this many characters in a text-area custom field (kartra-api.md §0.4 E9). */
export const TEXT_AREA_MAX = 365;

/** Characters as Kartra (PHP's mb_ functions) counts them: Unicode code points, so an emoji is one. */
export const countChars = (value: string): number => [...value].length;

/**
 * Why a text area's value cannot be sent, naming the field, or null. Longer values are refused rather than
 * sent: Kartra would cut them silently (E9), and what was cut would be lost without anyone knowing.
 */
export function textAreaProblem(identifier: string, value: string): string | null {
  const n = countChars(value);
  if (n <= TEXT_AREA_MAX) return null;
  return `${identifier} has ${n} characters; Kartra keeps at most ${TEXT_AREA_MAX} in a text area — shorten it by ${n - TEXT_AREA_MAX}`;
}

export const CustomFieldOption = z.object({ option_id: z.string(), option_value: z.string() });
export type CustomFieldOption = z.infer<typeof CustomFieldOption>;

/** A custom field's value on a lead: text for input/text_area, selected options otherwise. */
export const LeadCustomField = z.object({
  field_id: z.string(),
  field_identifier: z.string(),
  field_type: CustomFieldType,
  value: z.union([z.string(), z.array(CustomFieldOption)]),
});
export type LeadCustomField = z.infer<typeof LeadCustomField>;

export const LeadListMembership = z.object({ list_name: z.string(), active: z.boolean() });
export const LeadSequenceMembership = z.object({
  sequence_name: z.string(),
  step: z.string(),
  status: z.string(),
});
/** Calendar bookings; null when Kartra's answer does not include them (not evidenced in get_lead). */
export const LeadCalendar = z.object({ calendar_name: z.string(), class_name: z.string(), active: z.boolean() });
export const LeadMembership = z.object({ name: z.string(), level_name: z.string(), active: z.boolean() });

export const Lead = z.object({
  id: z.string(),
  email: z.string(),
  first_name: z.string(),
  middle_name: z.string(),
  last_name: z.string(),
  last_name2: z.string(),
  phone: z.string(),
  phone_country_code: z.string(),
  ip: z.string(),
  ip_country: z.string(),
  address: z.string(),
  zip: z.string(),
  city: z.string(),
  state: z.string(),
  country: z.string(),
  company: z.string(),
  lead_picture: z.string(),
  website: z.string(),
  facebook: z.string(),
  twitter: z.string(),
  linkedin: z.string(),
  lead_preferred_time_zone: z.string(),
  sales_tax_id: z.string(),
  date_joined: z.string(),
  score: z.number(),
  source: z.string(),
  notes: z.string(),
  blacklisted: z.number(),
  gdpr_lead_status: z.string(),
  gdpr_lead_status_date: z.string(),
  gdpr_lead_communications: z.string(),
  tags: z.array(z.string()),
  lists: z.array(LeadListMembership),
  sequences: z.array(LeadSequenceMembership),
  memberships: z.array(LeadMembership),
  custom_fields: z.array(LeadCustomField),
  calendars: z.array(LeadCalendar).nullable(),
});
export type Lead = z.infer<typeof Lead>;

/** A lead with every profile field empty, no score and no memberships: what is known of it is filled in by the caller. */
export function blankLead(id: string, email: string): Lead {
  return {
    id,
    email,
    ...(Object.fromEntries(LEAD_TEXT_FIELDS.map((f) => [f, ''])) as Record<LeadTextField, string>),
    ip_country: '',
    date_joined: '',
    score: 0,
    source: '',
    notes: '',
    blacklisted: 0,
    gdpr_lead_status: '',
    gdpr_lead_status_date: '',
    gdpr_lead_communications: '',
    tags: [],
    lists: [],
    sequences: [],
    memberships: [],
    custom_fields: [],
    calendars: null,
  };
}

/** How a lead is addressed in a call: Kartra lets the id win when both are given. */
export const LeadRef = z
  .object({ id: z.string().max(MAX_LEAD_ID).regex(/^\d+$/, 'lead id must be digits').optional(), email: z.string().max(MAX_EMAIL).email().optional() })
  .refine((r) => r.id !== undefined || r.email !== undefined, { message: 'give the lead id or email' });
export type LeadRef = z.infer<typeof LeadRef>;
