// Reads the profile fields and custom-field values of a create_lead/edit_lead `lead[...]` block, fully validated
// before anything is written (a bad block changes nothing).
import type { MessageKey } from '../messages';
import { hasOptions, type FieldWithOptions } from '../store/catalog-store';
import { TEXT_AREA_MAX } from '../../../../shared/domain/lead';
import { isKartraTimeZone } from '../../../../shared/domain/time-zones';
import { PROFILE_FIELDS, type ProfileField } from '../types';
import { asList, isDigits, isRecord } from './context';

export type FieldChange = { fieldId: number; text: string } | { fieldId: number; optionIds: number[] };

export interface LeadInput {
  profile: Partial<Record<ProfileField, string>>;
  customFields: FieldChange[];
}

export type InputProblem = { key: MessageKey; field?: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** [U] Kartra's answer to a malformed address is undocumented; the sandbox refuses it (invented 292). */
export const isValidEmail = (email: string) => EMAIL.test(email) && email.length <= 254;

/**
 * Unknown and read-only keys of the block (source, date_joined, username, …) are ignored, not refused
 * (kartra-api.md §0.4 E8): only the profile fields and custom_fields are read.
 * Documented check first (271 Wrong custom field format), then the sandbox's own value checks (invented 292):
 * a profile field sent as an array, a time zone outside the 76 of §8.4 ([U]: kartra-api.md asks a simulator to
 * refuse them), a non-numeric business_type ([U]: "number" per §8.1).
 */
export function readLeadInput(
  block: Record<string, unknown>,
  fields: FieldWithOptions[],
  textArea: 'cut' | 'refuse' = 'cut',
): LeadInput | InputProblem {
  const customFields = readCustomFields(block.custom_fields, fields);
  if (customFields === null) return { key: 'customFieldFormat' };
  const tooLong = fitTextAreas(customFields, fields, textArea);
  if (tooLong) return { key: 'invalidValue', field: tooLong };
  const profile: Partial<Record<ProfileField, string>> = {};
  for (const name of PROFILE_FIELDS) {
    const value = block[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') return { key: 'invalidValue', field: name };
    profile[name] = value;
  }
  const tz = profile.lead_preferred_time_zone;
  if (tz !== undefined && tz !== '' && !isKartraTimeZone(tz)) return { key: 'invalidValue', field: 'lead_preferred_time_zone' };
  const bt = profile.business_type;
  if (bt !== undefined && bt !== '' && !isDigits(bt)) return { key: 'invalidValue', field: 'business_type' };
  return { profile, customFields };
}

/**
 * Text areas hold at most 365 characters (E9): cut in place ('cut', the default: what Kartra keeps), or the
 * identifier of the first one too long ('refuse'; [U] answered with invented 292, since Kartra's answer is unknown).
 * Characters are Unicode code points, as PHP's mb_ functions count them.
 */
function fitTextAreas(changes: FieldChange[], fields: FieldWithOptions[], mode: 'cut' | 'refuse'): string | null {
  for (const change of changes) {
    if (!('text' in change)) continue;
    const field = fields.find((f) => f.id === change.fieldId);
    const chars = [...change.text];
    if (field?.type !== 'text_area' || chars.length <= TEXT_AREA_MAX) continue;
    if (mode === 'refuse') return field.identifier;
    change.text = chars.slice(0, TEXT_AREA_MAX).join('');
  }
  return null;
}

export const isProblem = (v: LeadInput | InputProblem): v is InputProblem => 'key' in v;

/**
 * `lead[custom_fields][i][field_identifier|field_value]` → changes, or null for 271. Unknown identifiers are
 * silently ignored (kartra-api.md §8.3). drop_down/radio_button take one option id, checkbox a list of option ids,
 * text fields a string; '' clears any type. Anything else — a non-list, an entry without identifier or value,
 * a list for a single-value field, an option id of another field — is 271.
 */
export function readCustomFields(raw: unknown, fields: FieldWithOptions[]): FieldChange[] | null {
  if (raw === undefined) return [];
  const entries = asList(raw);
  if (entries === null) return null;
  const changes = new Map<number, FieldChange>();
  for (const entry of entries) {
    if (!isRecord(entry)) return null;
    const identifier = entry.field_identifier;
    if (typeof identifier !== 'string' || identifier === '') return null;
    if (!('field_value' in entry)) return null;
    const field = fields.find((f) => f.identifier.toLowerCase() === identifier.toLowerCase());
    if (!field) continue;
    const change = readValue(field, entry.field_value);
    if (change === null) return null;
    changes.set(field.id, change);
  }
  return [...changes.values()];
}

function readValue(field: FieldWithOptions, value: unknown): FieldChange | null {
  if (!hasOptions(field.type)) return typeof value === 'string' ? { fieldId: field.id, text: value } : null;
  if (value === '') return { fieldId: field.id, optionIds: [] };
  const optionOf = (v: unknown): number | null => {
    if (typeof v !== 'string' || !isDigits(v)) return null;
    const option = field.options.find((o) => o.id === Number(v));
    return option ? option.id : null;
  };
  if (field.type === 'checkbox') {
    const list = asList(value);
    if (list === null || list.length === 0) return null;
    const ids = list.map(optionOf);
    if (ids.some((id) => id === null)) return null;
    return { fieldId: field.id, optionIds: ids as number[] };
  }
  const id = optionOf(value);
  return id === null ? null : { fieldId: field.id, optionIds: [id] };
}
