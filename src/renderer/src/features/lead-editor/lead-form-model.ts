// The lead form's values and what they become: a CreateLeadInput, or only the changed fields of an edit
// with the values the user saw (`seen`, for the core's conflict check). Validated with the shared schemas.
import type { z } from 'zod';
import type { AccountCustomField } from '../../../../shared/domain/account';
import type { CustomFieldType, Lead, LeadTextField } from '../../../../shared/domain/lead';
import { LEAD_TEXT_FIELDS, textAreaProblem } from '../../../../shared/domain/lead';
import { CreateLeadInput, EditLeadChanges, type CustomFieldInput } from '../../../../shared/domain/lead-input';
import { FIELD_LABELS } from './lead-fields';

/** A custom field value in the form: text, one option id ('' = none), or option ids for checkboxes. */
export type CustomValue = string | string[];

export interface LeadFormValues {
  email: string;
  fields: Record<LeadTextField, string>;
  custom: Record<string, CustomValue>;
}

export type FormErrors = Record<string, string>;

export const hasOptions = (type: CustomFieldType) => type !== 'input_field' && type !== 'text_area';

const emptyFields = (): Record<LeadTextField, string> =>
  Object.fromEntries(LEAD_TEXT_FIELDS.map((f) => [f, ''])) as Record<LeadTextField, string>;

const emptyCustom = (type: CustomFieldType): CustomValue => (type === 'checkbox' ? [] : '');

/**
 * The custom fields the form offers: the account's (from its cached lists), plus any the lead carries
 * that the cache does not know yet (their options then come from the lead's own values).
 */
export function customFieldDefs(account: readonly AccountCustomField[], lead?: Lead): AccountCustomField[] {
  const defs = [...account];
  for (const field of lead?.custom_fields ?? []) {
    if (defs.some((d) => d.field_identifier === field.field_identifier)) continue;
    defs.push({
      field_id: field.field_id,
      field_identifier: field.field_identifier,
      field_type: field.field_type,
      options: typeof field.value === 'string' ? [] : field.value,
    });
  }
  return defs;
}

export function emptyFormValues(defs: readonly AccountCustomField[]): LeadFormValues {
  return { email: '', fields: emptyFields(), custom: Object.fromEntries(defs.map((d) => [d.field_identifier, emptyCustom(d.field_type)])) };
}

/** A lead's custom value as the form holds it. */
export function leadCustomValue(lead: Lead, def: AccountCustomField): CustomValue {
  const field = lead.custom_fields.find((f) => f.field_identifier === def.field_identifier);
  if (!field) return emptyCustom(def.field_type);
  if (typeof field.value === 'string') {
    // A text value on an option field: Kartra's answer was odd; show it as "no option" rather than guess.
    return hasOptions(def.field_type) ? emptyCustom(def.field_type) : field.value;
  }
  const ids = field.value.map((o) => o.option_id);
  if (def.field_type === 'checkbox') return ids;
  if (!hasOptions(def.field_type)) return field.value.map((o) => o.option_value).join(', ');
  return ids[0] ?? '';
}

export function formValuesFromLead(lead: Lead, defs: readonly AccountCustomField[]): LeadFormValues {
  const fields = emptyFields();
  for (const f of LEAD_TEXT_FIELDS) fields[f] = lead[f];
  return {
    email: lead.email,
    fields,
    custom: Object.fromEntries(defs.map((d) => [d.field_identifier, leadCustomValue(lead, d)])),
  };
}

/** One comparable string per value: checkbox ids sorted and joined by "," (the `seen` format). */
export function normalizeCustom(value: CustomValue): string {
  return Array.isArray(value) ? [...value].sort().join(',') : value.trim();
}

/** The field_value the core expects for a custom field of this type. */
export function encodeCustomValue(def: Pick<AccountCustomField, 'field_type'>, value: CustomValue): CustomFieldInput['field_value'] {
  if (def.field_type === 'checkbox') return Array.isArray(value) ? [...value] : value === '' ? [] : [value];
  if (Array.isArray(value)) return value[0] ?? '';
  return hasOptions(def.field_type) ? value : value.trim();
}

const isEmptyCustom = (value: CustomValue) => (Array.isArray(value) ? value.length === 0 : value.trim() === '');

/** create_lead input: the email, every filled-in field, every custom field with a value. */
export function toCreateInput(values: LeadFormValues, defs: readonly AccountCustomField[]): CreateLeadInput {
  const input: CreateLeadInput = { email: values.email.trim() };
  for (const f of LEAD_TEXT_FIELDS) {
    const value = values.fields[f].trim();
    if (value !== '') input[f] = value;
  }
  const custom = defs
    .filter((d) => !isEmptyCustom(values.custom[d.field_identifier] ?? ''))
    .map((d) => ({ field_identifier: d.field_identifier, field_value: encodeCustomValue(d, values.custom[d.field_identifier] ?? '') }));
  if (custom.length > 0) input.custom_fields = custom;
  return input;
}

export interface EditPlan {
  changes: EditLeadChanges;
  /** What the user saw of each changed field before editing. */
  seen: Record<string, string>;
  /** Keys of what changed (lead field names, "new_email", "custom:<identifier>"). */
  changed: string[];
}

/** Only what differs from what the user started from; an emptied field is sent as "" (Kartra clears it). */
export function toEditPlan(values: LeadFormValues, initial: LeadFormValues, defs: readonly AccountCustomField[]): EditPlan {
  const changes: EditLeadChanges = {};
  const seen: Record<string, string> = {};
  const changed: string[] = [];
  const email = values.email.trim();
  if (email.toLowerCase() !== initial.email.trim().toLowerCase()) {
    changes.new_email = email;
    seen.new_email = initial.email;
    changed.push('new_email');
  }
  for (const f of LEAD_TEXT_FIELDS) {
    const value = values.fields[f].trim();
    if (value === initial.fields[f].trim()) continue;
    changes[f] = value;
    seen[f] = initial.fields[f];
    changed.push(f);
  }
  const custom: CustomFieldInput[] = [];
  for (const def of defs) {
    const id = def.field_identifier;
    const now = values.custom[id] ?? emptyCustom(def.field_type);
    const before = initial.custom[id] ?? emptyCustom(def.field_type);
    if (normalizeCustom(now) === normalizeCustom(before)) continue;
    custom.push({ field_identifier: id, field_value: encodeCustomValue(def, now) });
    seen[`custom:${id}`] = normalizeCustom(before);
    changed.push(`custom:${id}`);
  }
  if (custom.length > 0) changes.custom_fields = custom;
  return { changes, seen, changed };
}

/** Field-level errors of an input against its shared schema, keyed by the form's paths. */
export function schemaErrors(schema: z.ZodType, input: unknown, customIds: readonly string[]): FormErrors {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const [head, index] = issue.path;
    let path: string;
    let label: string;
    if (head === 'email' || head === 'new_email') {
      path = 'email';
      label = 'Email';
    } else if (head === 'custom_fields' && typeof index === 'number') {
      const id = (input as { custom_fields?: CustomFieldInput[] }).custom_fields?.[index]?.field_identifier ?? customIds[index] ?? '';
      path = `custom.${id}`;
      label = id;
    } else if (typeof head === 'string' && head in FIELD_LABELS) {
      path = `fields.${head}`;
      label = FIELD_LABELS[head as LeadTextField];
    } else {
      path = String(head ?? 'form');
      label = '';
    }
    errors[path] ??= label ? `${label} ${issue.message}` : issue.message;
  }
  return errors;
}

/** Text areas over Kartra's 365 characters (kartra-api.md §0.4 E9), each error naming its field. */
export function textAreaErrors(values: LeadFormValues, defs: readonly AccountCustomField[]): FormErrors {
  const errors: FormErrors = {};
  for (const def of defs) {
    const value = values.custom[def.field_identifier];
    if (def.field_type !== 'text_area' || typeof value !== 'string') continue;
    const problem = textAreaProblem(def.field_identifier, value);
    if (problem) errors[`custom.${def.field_identifier}`] = problem;
  }
  return errors;
}

export function createErrors(values: LeadFormValues, defs: readonly AccountCustomField[]): FormErrors {
  const errors = { ...schemaErrors(CreateLeadInput, toCreateInput(values, defs), defs.map((d) => d.field_identifier)), ...textAreaErrors(values, defs) };
  if (values.email.trim() === '') errors.email = 'Email is required to create a lead';
  return errors;
}

export function editErrors(values: LeadFormValues, initial: LeadFormValues, defs: readonly AccountCustomField[]): FormErrors {
  const plan = toEditPlan(values, initial, defs);
  const errors = { ...schemaErrors(EditLeadChanges, plan.changes, defs.map((d) => d.field_identifier)), ...textAreaErrors(values, defs) };
  if (values.email.trim() === '') errors.email = 'Email cannot be empty: a lead needs an address';
  return errors;
}
