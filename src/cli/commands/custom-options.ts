// Checks --custom values against the account's custom fields and puts them in Kartra's shape (option ids, checkbox arrays).
import type { AccountCustomField } from '../../shared/domain/account';
import type { CustomFieldInput } from '../../shared/domain/lead-input';
import { UsageError } from '../args';

const isId = (value: string) => /^\d+$/.test(value);

/**
 * Kartra silently ignores an unknown identifier and answers 271 for a malformed value, so both are caught here
 * with a message naming the field: text fields take one text; drop-down and radio fields one option; checkboxes
 * any number of options (one --custom per option). Options may be given by id or by label (case-insensitive).
 * An empty value clears the field.
 */
export function resolveCustomFields(fields: readonly CustomFieldInput[], account: readonly AccountCustomField[]): CustomFieldInput[] {
  return fields.map((input) => {
    const id = input.field_identifier;
    const field = account.find((f) => f.field_identifier === id);
    if (!field) {
      const known = account.map((f) => f.field_identifier).join(', ') || 'none';
      throw new UsageError(`--custom: the account has no custom field "${id}" (known: ${known})`, '--custom');
    }
    const values = Array.isArray(input.field_value) ? input.field_value : [input.field_value];
    if (field.field_type === 'input_field' || field.field_type === 'text_area') {
      if (values.length > 1) throw new UsageError(`--custom ${id}: a ${field.field_type} field takes one value, got ${values.length}`, '--custom');
      return input;
    }
    if (values.length === 1 && values[0]?.trim() === '') return { field_identifier: id, field_value: '' };
    const toId = (value: string): string => {
      const wanted = value.trim();
      const option = field.options.find((o) => (isId(wanted) ? o.option_id === wanted : o.option_value.trim().toLowerCase() === wanted.toLowerCase()));
      if (!option) {
        const known = field.options.map((o) => `${o.option_id} "${o.option_value}"`).join(', ');
        throw new UsageError(`--custom ${id}: "${value}" is not one of its options (${known})`, '--custom');
      }
      return option.option_id;
    };
    const ids = values.map(toId);
    if (field.field_type === 'checkbox') return { field_identifier: id, field_value: ids };
    if (ids.length > 1) throw new UsageError(`--custom ${id}: a ${field.field_type} field takes one option, got ${ids.length}`, '--custom');
    return { field_identifier: id, field_value: ids[0] ?? '' };
  });
}
