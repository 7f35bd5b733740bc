// What the lead form and the profile call each of Kartra's lead fields, and how the form groups them.
import type { LeadTextField } from '../../../../shared/domain/lead';

export const FIELD_LABELS: Record<LeadTextField, string> = {
  first_name: 'First name',
  middle_name: 'Middle name',
  last_name: 'Last name',
  last_name2: 'Second last name',
  phone: 'Phone',
  phone_country_code: 'Phone country code',
  ip: 'IP address',
  address: 'Address',
  zip: 'ZIP / postal code',
  city: 'City',
  state: 'State / region',
  country: 'Country',
  company: 'Company',
  lead_picture: 'Picture URL',
  website: 'Website',
  facebook: 'Facebook',
  twitter: 'Twitter',
  linkedin: 'LinkedIn',
  lead_preferred_time_zone: 'Time zone',
  sales_tax_id: 'Sales tax ID',
};

/** The form's sections, in the order people fill them in. The time zone has its own picker. */
export const FIELD_GROUPS: { title: string; fields: LeadTextField[] }[] = [
  { title: 'Name', fields: ['first_name', 'middle_name', 'last_name', 'last_name2'] },
  { title: 'Contact', fields: ['company', 'phone_country_code', 'phone', 'website'] },
  { title: 'Address', fields: ['address', 'city', 'state', 'zip', 'country'] },
  { title: 'Social', fields: ['facebook', 'twitter', 'linkedin'] },
  { title: 'Other', fields: ['sales_tax_id', 'ip', 'lead_picture'] },
];

/** A label for any key of `seen`/changes: lead fields, "email", or "custom:<identifier>". */
export function fieldLabel(key: string): string {
  if (key === 'email' || key === 'new_email') return 'Email';
  if (key.startsWith('custom:')) return key.slice('custom:'.length);
  return (FIELD_LABELS as Record<string, string>)[key] ?? key.replace(/_/g, ' ');
}
