// Suggests a column mapping from header names: lead fields by name and common aliases, then the account's custom fields.
import type { AccountCustomField } from '../../../shared/domain/account';
import type { ColumnMapping, ImportTarget } from '../../../shared/domain/import';
import { IMPORT_ACTION_TARGETS, IMPORT_TARGET_FIELDS } from '../../../shared/domain/import';

type LeadTarget = (typeof IMPORT_TARGET_FIELDS)[number] | (typeof IMPORT_ACTION_TARGETS)[number];

/** Aliases as they appear in exports of CRMs, spreadsheets and Kartra itself, compared after normalise(). */
const ALIASES: Record<LeadTarget, readonly string[]> = {
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'emailaddress', 'primary email', 'work email', 'contact email', 'lead email'],
  first_name: ['first name', 'firstname', 'first', 'given name', 'forename', 'vorname', 'prénom', 'prenom'],
  middle_name: ['middle name', 'middle', 'middle initial', 'second name'],
  last_name: ['last name', 'lastname', 'last', 'surname', 'family name', 'nachname'],
  last_name2: ['last name 2', 'second last name', 'second surname', 'maternal surname'],
  phone: ['phone', 'phone number', 'telephone', 'tel', 'mobile', 'mobile phone', 'mobile number', 'cell', 'cell phone', 'cellphone', 'handy', 'work phone'],
  phone_country_code: ['phone country code', 'country calling code', 'calling code', 'dial code', 'dialing code'],
  company: ['company', 'company name', 'organisation', 'organization', 'organisation name', 'organization name', 'business', 'business name', 'employer', 'firm', 'firma', 'unternehmen', 'société', 'empresa'],
  address: ['address', 'street', 'street address', 'address 1', 'address line 1', 'address1'],
  city: ['city', 'town', 'town/city', 'city/town', 'locality'],
  state: ['state', 'province', 'region', 'county', 'state/province', 'state or province'],
  zip: ['zip', 'zip code', 'zipcode', 'postcode', 'post code', 'postal code', 'postalcode', 'plz'],
  country: ['country', 'country name', 'country code', 'nation'],
  website: ['website', 'web site', 'web', 'url', 'homepage', 'home page', 'site'],
  facebook: ['facebook', 'facebook url', 'facebook profile'],
  twitter: ['twitter', 'twitter handle', 'x', 'x handle', 'twitter url'],
  linkedin: ['linkedin', 'linked in', 'linkedin url', 'linkedin profile'],
  lead_preferred_time_zone: ['time zone', 'timezone', 'tz', 'preferred time zone', 'lead preferred time zone'],
  sales_tax_id: ['sales tax id', 'vat', 'vat id', 'vat number', 'tax id', 'tax number'],
  ip: ['ip', 'ip address'],
  lead_picture: ['picture', 'photo', 'avatar', 'image', 'lead picture', 'profile picture', 'picture url'],
  tags: ['tags', 'tag', 'kartra tags', 'lead tags', 'labels', 'label'],
  lists: ['lists', 'list', 'mailing list', 'mailing lists', 'kartra lists', 'email lists'],
  sequences: ['sequences', 'sequence', 'kartra sequences', 'autoresponder', 'autoresponders'],
};

/** Lowercase, accents and punctuation removed: "E-mail", "e_mail" and "EMAIL " all become "email". */
export function normalise(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const BY_ALIAS = new Map<string, LeadTarget>();
for (const target of [...IMPORT_TARGET_FIELDS, ...IMPORT_ACTION_TARGETS]) {
  BY_ALIAS.set(normalise(target), target);
  for (const alias of ALIASES[target]) if (!BY_ALIAS.has(normalise(alias))) BY_ALIAS.set(normalise(alias), target);
}

/** The target a header suggests on its own, or 'ignore'. */
export function targetFor(header: string, fields: readonly AccountCustomField[]): ImportTarget {
  const key = normalise(header);
  if (key === '') return 'ignore';
  const lead = BY_ALIAS.get(key);
  if (lead) return lead;
  const custom = fields.find((f) => normalise(f.field_identifier) === key);
  return custom ? `custom:${custom.field_identifier}` : 'ignore';
}

/** One target per column; when two columns suggest the same field, the first (leftmost) keeps it. */
export function suggestMapping(headers: readonly string[], fields: readonly AccountCustomField[]): ColumnMapping {
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const target = targetFor(header, fields);
    if (target !== 'ignore' && used.has(target)) mapping[header] = 'ignore';
    else {
      mapping[header] = target;
      used.add(target);
    }
  }
  return mapping;
}

/** Key of a header set for remembered mappings: the same columns in any order and case. */
export function headerSetKey(headers: readonly string[]): string {
  return [...new Set(headers.map((h) => h.trim().toLowerCase()))].sort().join('\u001f');
}

/**
 * The mapping offered for a file: the one the user confirmed for the same columns before (per account),
 * where it still fits the account's custom fields, else the suggestion.
 */
export function chooseMapping(
  headers: readonly string[],
  fields: readonly AccountCustomField[],
  remembered: ColumnMapping | undefined,
): { mapping: ColumnMapping; remembered: boolean } {
  const suggested = suggestMapping(headers, fields);
  if (!remembered) return { mapping: suggested, remembered: false };
  const byLower = new Map(Object.entries(remembered).map(([column, target]) => [column.toLowerCase(), target]));
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const target = byLower.get(header.toLowerCase());
    // A custom field deleted in Kartra since falls back to the suggestion.
    const usable = target !== undefined && (!target.startsWith('custom:') || fields.some((f) => `custom:${f.field_identifier}` === target));
    mapping[header] = usable ? target : (suggested[header] ?? 'ignore');
  }
  return { mapping, remembered: true };
}
