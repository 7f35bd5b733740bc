// Normalises get_lead's `lead_details` (kartra-api.md §8.2) into the shared Lead, tolerating every variant seen or guessed.
import { CUSTOM_FIELD_TYPES, type CustomFieldOption, type CustomFieldType, type Lead, type LeadCustomField } from '../../../shared/domain/lead';
import { isRecord } from './decode';

type Raw = Record<string, unknown>;

const TEXT_KEYS = [
  'email', 'first_name', 'middle_name', 'last_name', 'last_name2', 'phone', 'phone_country_code', 'ip', 'ip_country',
  'address', 'zip', 'city', 'state', 'country', 'company', 'lead_picture', 'website', 'facebook', 'twitter', 'linkedin',
  'lead_preferred_time_zone', 'sales_tax_id', 'date_joined', 'source', 'notes',
  'gdpr_lead_status', 'gdpr_lead_status_date', 'gdpr_lead_communications',
] as const;

/** Text of a scalar: ids and flags may arrive as numbers; null / objects become "". */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return '';
}

function num(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  return Number.isFinite(n) ? n : 0;
}

/** Kartra flags: "1"/1/true/"active"/"yes" mean on; a missing flag takes `absent`. */
export function flag(value: unknown, absent: boolean): boolean {
  if (value === undefined || value === null || value === '') return absent;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const s = String(value).trim().toLowerCase();
  return s === '1' || s === 'true' || s === 'yes' || s === 'active' || s === 'subscribed';
}

/** Array elements of a list Kartra may send as an array or a PHP-style keyed object. */
export function items(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value)) return Object.values(value);
  return [];
}

function firstText(obj: Raw, keys: readonly string[]): string {
  for (const key of keys) {
    const value = text(obj[key]);
    if (value !== '') return value;
  }
  return '';
}

/** Map get_lead's `lead_details` (an object, or an array holding one) to the shared Lead. */
export function normaliseLead(raw: unknown): Lead {
  const details = Array.isArray(raw) ? raw[0] : raw;
  const obj: Raw = isRecord(details) ? details : {};
  const lead = { id: firstText(obj, ['id', 'lead_id']) } as Record<string, unknown>;
  for (const key of TEXT_KEYS) lead[key] = text(obj[key]);
  lead.score = num(obj.score);
  lead.blacklisted = num(obj.blacklisted);
  lead.tags = normaliseTags(obj.tags);
  lead.lists = items(obj.lists).flatMap((item) => {
    const name = isRecord(item) ? firstText(item, ['list_name', 'name']) : text(item);
    return name ? [{ list_name: name, active: isRecord(item) ? flag(item.active, true) : true }] : [];
  });
  lead.sequences = items(obj.sequences).flatMap((item) => {
    if (!isRecord(item)) return text(item) ? [{ sequence_name: text(item), step: '', status: 'active' }] : [];
    const name = firstText(item, ['sequence_name', 'name']);
    if (!name) return [];
    const status = text(item.status).trim().toLowerCase() || (flag(item.active, true) ? 'active' : 'unsubscribed');
    return [{ sequence_name: name, step: firstText(item, ['step', 'step_id', 'sequence_step']), status }];
  });
  lead.memberships = items(obj.memberships).flatMap((item) => {
    if (!isRecord(item)) return [];
    const name = firstText(item, ['name', 'membership_name']);
    return name ? [{ name, level_name: firstText(item, ['level_name', 'level']), active: flag(item.active, true) }] : [];
  });
  lead.custom_fields = items(obj.custom_fields).flatMap((item) => (isRecord(item) ? [normaliseCustomField(item)] : []));
  lead.calendars = leadCalendars(obj);
  return lead as Lead;
}

function normaliseTags(value: unknown): string[] {
  const names = items(value).map((item) => (isRecord(item) ? firstText(item, ['tag_name', 'name']) : text(item)).trim());
  return [...new Set(names.filter((name) => name !== ''))];
}

const CHOICE_TYPES: readonly CustomFieldType[] = ['drop_down', 'radio_button', 'checkbox'];

function normaliseCustomField(item: Raw): LeadCustomField {
  const rawValue = item.field_value ?? item.value;
  const declared = text(item.field_type).trim().toLowerCase();
  const type: CustomFieldType = (CUSTOM_FIELD_TYPES as readonly string[]).includes(declared)
    ? (declared as CustomFieldType)
    : Array.isArray(rawValue) || isRecord(rawValue)
      ? 'checkbox'
      : 'input_field';
  const base = { field_id: text(item.field_id ?? item.id), field_identifier: text(item.field_identifier ?? item.identifier), field_type: type };
  if (!CHOICE_TYPES.includes(type)) {
    // A text field sent as a list (seen nowhere, but harmless) reads as its joined values.
    const value = Array.isArray(rawValue) ? normaliseOptions(rawValue).map((o) => o.option_value).join(', ') : text(rawValue);
    return { ...base, value };
  }
  return { ...base, value: normaliseOptions(rawValue) };
}

/** Selected options: objects {option_id, option_value}, bare ids, or a keyed map id → label. */
export function normaliseOptions(value: unknown): CustomFieldOption[] {
  if (typeof value === 'string' || typeof value === 'number') {
    const id = text(value).trim();
    return id ? [{ option_id: id, option_value: id }] : [];
  }
  if (isRecord(value) && !('option_id' in value)) {
    return Object.entries(value).flatMap(([key, label]) => (isRecord(label) ? normaliseOptions([label]) : [{ option_id: key, option_value: text(label) }]));
  }
  return items(Array.isArray(value) ? value : isRecord(value) ? [value] : []).flatMap((entry) => {
    if (isRecord(entry)) {
      const id = text(entry.option_id ?? entry.id).trim();
      const label = text(entry.option_value ?? entry.option_name ?? entry.value ?? entry.name);
      return id || label ? [{ option_id: id, option_value: label || id }] : [];
    }
    const id = text(entry).trim();
    return id ? [{ option_id: id, option_value: id }] : [];
  });
}

/** Calendar bookings, if Kartra ever includes them in get_lead (not evidenced, §8.2); null when absent. */
export function leadCalendars(raw: unknown): { calendar_name: string; class_name: string; active: boolean }[] | null {
  const details = Array.isArray(raw) ? raw[0] : raw;
  if (!isRecord(details)) return null;
  const list = details.calendars ?? details.calendar_subscriptions;
  if (list === undefined || list === null) return null;
  return items(list).flatMap((item) => {
    if (!isRecord(item)) return [];
    const calendar = firstText(item, ['calendar_name', 'calendar']);
    const cls = firstText(item, ['class_name', 'class']);
    const status = text(item.status).trim().toLowerCase();
    const active = status ? ['active', 'pending', 'subscribed', 'booked'].includes(status) : flag(item.active, true);
    return calendar ? [{ calendar_name: calendar, class_name: cls, active }] : [];
  });
}
