// The lead fields a user picks by name — for a bulk "set a field" or a recipe's "clear fields": the profile's text
// fields in words, then the account's custom fields labelled with their type. Values are what the core takes: a
// field name, or `custom:<identifier>`.
import type { AccountCustomField } from '../../../../shared/domain/account';
import { fieldLabel, FIELD_TYPE_WORDS } from '../../../../shared/domain/custom-field-labels';
import { LEAD_TEXT_FIELDS, type CustomFieldType } from '../../../../shared/domain/lead';
import { FIELD_LABELS } from './lead-fields';

export interface FieldChoice {
  value: string;
  label: string;
}

/** `customTypes`: the custom field types offered (all when absent). The picture and IP are not typed by hand. */
export function fieldChoices(customFields: readonly AccountCustomField[], customTypes?: readonly CustomFieldType[]): FieldChoice[] {
  return [
    ...LEAD_TEXT_FIELDS.filter((f) => f !== 'lead_picture' && f !== 'ip').map((f) => ({ value: f, label: FIELD_LABELS[f] })),
    ...customFields
      .filter((f) => !customTypes || customTypes.includes(f.field_type))
      .map((f) => ({ value: `custom:${f.field_identifier}`, label: `${fieldLabel(f.field_identifier)} (${FIELD_TYPE_WORDS[f.field_type]})` })),
  ];
}

/** A chosen field in words, also when the account no longer has it. */
export function choiceLabel(choices: readonly FieldChoice[], value: string): string {
  return choices.find((c) => c.value === value)?.label ?? (value.startsWith('custom:') ? fieldLabel(value.slice('custom:'.length)) : value.replace(/_/g, ' '));
}
