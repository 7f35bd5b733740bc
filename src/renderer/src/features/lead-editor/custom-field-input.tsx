// One custom field in the lead form, by its type: text, long text, a drop-down or radio group of the
// field's options (the option id is what is sent), or checkboxes as a multi-select of option ids.
import { Button, Group, MultiSelect, Radio, Select, Textarea, TextInput } from '@mantine/core';
import type { AccountCustomField } from '../../../../shared/domain/account';
import { countChars, TEXT_AREA_MAX } from '../../../../shared/domain/lead';
import type { CustomValue } from './lead-form-model';

export interface CustomFieldInputProps {
  def: AccountCustomField;
  value: CustomValue;
  error?: string | undefined;
  onChange(value: CustomValue): void;
  onBlur?: () => void;
}

const TYPE_HINT: Record<AccountCustomField['field_type'], string> = {
  input_field: 'Text',
  text_area: 'Long text',
  drop_down: 'Drop-down',
  radio_button: 'One choice',
  checkbox: 'Several choices',
};

export function CustomFieldInput({ def, value, error, onChange, onBlur }: CustomFieldInputProps) {
  const label = def.field_identifier;
  const description = TYPE_HINT[def.field_type];
  const options = def.options.map((o) => ({ value: o.option_id, label: o.option_value }));
  const text = Array.isArray(value) ? value.join(', ') : value;
  const common = { label, description, error, onBlur, 'data-custom-field': def.field_identifier };

  switch (def.field_type) {
    case 'input_field':
      return <TextInput {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'text_area':
      // Kartra keeps 365 characters of a text area (E9): the count shows before the limit is reached.
      return (
        <Textarea
          {...common}
          description={`${description} · ${countChars(text)} of ${TEXT_AREA_MAX} characters`}
          value={text}
          autosize
          minRows={2}
          maxRows={6}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'drop_down':
      return (
        <Select
          {...common}
          data={options}
          value={text === '' ? null : text}
          onChange={(next) => onChange(next ?? '')}
          clearable
          searchable
          placeholder="No option"
          nothingFoundMessage="No such option"
        />
      );
    case 'radio_button':
      return (
        <Radio.Group {...common} value={text} onChange={onChange}>
          <Group gap="md" mt={4}>
            {options.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
            {text !== '' && (
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onChange('')} aria-label={`Clear ${label}`}>
                Clear
              </Button>
            )}
          </Group>
        </Radio.Group>
      );
    case 'checkbox':
      return (
        <MultiSelect
          {...common}
          data={options}
          value={Array.isArray(value) ? value : value === '' ? [] : [value]}
          onChange={onChange}
          clearable
          searchable
          placeholder={Array.isArray(value) && value.length > 0 ? undefined : 'None ticked'}
        />
      );
  }
}
