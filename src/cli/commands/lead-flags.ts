// Lead flags → the client's inputs: the lead reference, profile fields, custom fields and chained tag/list actions.
import { z } from 'zod';
import type { LeadAction } from '../../shared/domain/actions';
import { LEAD_TEXT_FIELDS, type LeadRef } from '../../shared/domain/lead';
import { isKartraTimeZone } from '../../shared/domain/time-zones';
import type { CustomFieldInput, EditLeadChanges } from '../../shared/domain/lead-input';
import { keyValue, list, str, UsageError, type FlagValues } from '../args';

const Email = z.string().email();

/** Flags every command that addresses one lead accepts. */
export const REF_OPTIONS = {
  email: { type: 'string' },
  id: { type: 'string' },
} as const;

/** Profile flags of create and edit. */
export const PROFILE_OPTIONS = {
  'first-name': { type: 'string' },
  'last-name': { type: 'string' },
  field: { type: 'string', multiple: true },
  custom: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  list: { type: 'string', multiple: true },
} as const;

export function checkEmail(raw: string, flag: string): string {
  const email = raw.trim();
  if (!Email.safeParse(email).success) throw new UsageError(`${flag}: "${raw}" is not a valid email address`, flag);
  return email;
}

/** --email or --id (exactly one). */
export function leadRef(values: FlagValues, command: string): LeadRef {
  const email = str(values, 'email');
  const id = str(values, 'id');
  if (email !== undefined && id !== undefined) throw new UsageError(`"${command}" takes --email or --id, not both`, '--id');
  if (id !== undefined) {
    if (!/^\d+$/.test(id.trim())) throw new UsageError(`--id must be a lead id (digits), got "${id}"`, '--id');
    return { id: id.trim() };
  }
  if (email !== undefined) return { email: checkEmail(email, '--email') };
  throw new UsageError(`"${command}" needs --email or --id to say which lead`, '--email');
}

/** Non-blank names of a repeatable flag such as --tag. */
export function names(values: FlagValues, name: string): string[] {
  return list(values, name).map((raw) => {
    const value = raw.trim();
    if (value === '') throw new UsageError(`--${name} cannot be empty`, `--${name}`);
    return value;
  });
}

type Profile = Omit<EditLeadChanges, 'new_email'>;

/** --first-name, --last-name, --field name=value and --custom identifier=value as create/edit fields. */
export function profileFrom(values: FlagValues): Profile {
  const profile: Record<string, unknown> = {};
  const set = (name: string, value: unknown, flag: string) => {
    if (name in profile) throw new UsageError(`${flag}: ${name} is given more than once`, flag);
    profile[name] = value;
  };
  const first = str(values, 'first-name');
  const last = str(values, 'last-name');
  if (first !== undefined) set('first_name', first, '--first-name');
  if (last !== undefined) set('last_name', last, '--last-name');
  for (const raw of list(values, 'field')) {
    const [name, value] = keyValue(raw, '--field');
    set(name, fieldValue(name, value), '--field');
  }
  const custom = customFields(list(values, 'custom'));
  if (custom.length > 0) profile.custom_fields = custom;
  return profile as Profile;
}

function fieldValue(name: string, value: string): string | number {
  if (name === 'email') throw new UsageError('--field email: the address is given with --email (and changed with --new-email)', '--field');
  if (name === 'new_email') throw new UsageError('--field new_email: use --new-email', '--field');
  if (name === 'business_type') {
    // Kartra documents business_type only as a number (kartra-api.md §8.1).
    if (!/^\d{1,15}$/.test(value.trim())) throw new UsageError(`--field business_type must be a whole number, got "${value}"`, '--field');
    return Number(value.trim());
  }
  if (!(LEAD_TEXT_FIELDS as readonly string[]).includes(name)) {
    throw new UsageError(`--field: unknown lead field "${name}" (known: ${[...LEAD_TEXT_FIELDS, 'business_type'].join(', ')})`, '--field');
  }
  if (name === 'lead_preferred_time_zone' && value !== '' && !isKartraTimeZone(value)) {
    throw new UsageError(`--field lead_preferred_time_zone: "${value}" is not one of the time zones Kartra accepts (e.g. Europe/London)`, '--field');
  }
  return value;
}

/**
 * --custom identifier=value, gathered per identifier: a checkbox takes one --custom per ticked option (repeat the
 * identifier); an empty value clears the field. The values are checked against the account in custom-options.ts.
 */
function customFields(raws: string[]): CustomFieldInput[] {
  const byId = new Map<string, string[]>();
  for (const raw of raws) {
    const [identifier, value] = keyValue(raw, '--custom');
    if (identifier === '') throw new UsageError(`--custom: the field identifier is empty in "${raw}"`, '--custom');
    const values = byId.get(identifier) ?? [];
    values.push(value);
    byId.set(identifier, values);
  }
  return [...byId].map(([identifier, values]) => {
    if (values.length === 1) return { field_identifier: identifier, field_value: values[0] ?? '' };
    if (values.some((v) => v.trim() === '')) {
      throw new UsageError(`--custom ${identifier}: an empty value clears the field and cannot be combined with option ids`, '--custom');
    }
    return { field_identifier: identifier, field_value: values.map((v) => v.trim()) };
  });
}

/** --tag and --list as actions chained behind create_lead/edit_lead (one API call). */
export function chainedActions(values: FlagValues): LeadAction[] {
  return [
    ...names(values, 'tag').map((tag_name): LeadAction => ({ cmd: 'assign_tag', tag_name })),
    ...names(values, 'list').map((list_name): LeadAction => ({ cmd: 'subscribe_lead_to_list', list_name })),
  ];
}
