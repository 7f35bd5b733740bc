// "Create custom field": identifier, type and (for drop-down, radio and checkbox fields) at least two
// options, checked with the contract's own schema before anything is sent.
import { Button, Group, Paper, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../../../../shared/domain/lead';
import { commands } from '../../../../shared/ipc/contract';
import { ErrorAlert } from '../../components/error-alert';
import type { AppErrorData } from '../../api/unwrap';

const TYPE_LABELS: Record<CustomFieldType, string> = {
  input_field: 'Text (one line)',
  text_area: 'Long text',
  drop_down: 'Drop-down',
  radio_button: 'Radio buttons',
  checkbox: 'Checkboxes',
};

type Errors = Partial<Record<'identifier' | 'type' | 'options', string>>;

export function validateCustomField(input: { identifier: string; type: CustomFieldType; options: string[] }, existing: readonly string[]): Errors {
  const errors: Errors = {};
  if (input.identifier.trim() === '') errors.identifier = 'Give the field an identifier';
  const parsed = commands['account.createCustomField'].input.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] === 'options' ? 'options' : issue.path[0] === 'type' ? 'type' : 'identifier';
      errors[key] ??= issue.message.replace(/^\w/, (c) => c.toUpperCase());
    }
  }
  const taken = existing.find((id) => id.toLowerCase() === input.identifier.trim().toLowerCase());
  if (!errors.identifier && taken) errors.identifier = `A custom field named “${taken}” already exists`;
  if (!errors.options && new Set(input.options.map((o) => o.trim().toLowerCase())).size !== input.options.length) errors.options = 'Each option must be different';
  return errors;
}

export interface CreateCustomFieldFormProps {
  existing: readonly string[];
  creating: boolean;
  onCreate(input: { identifier: string; type: CustomFieldType; options: string[] }): Promise<{ ok: true } | { ok: false; error: AppErrorData }>;
}

export function CreateCustomFieldForm({ existing, creating, onCreate }: CreateCustomFieldFormProps) {
  const [identifier, setIdentifier] = useState('');
  const [type, setType] = useState<CustomFieldType>('input_field');
  const [options, setOptions] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<AppErrorData | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const withOptions = type !== 'input_field' && type !== 'text_area';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { identifier: identifier.trim(), type, options: withOptions ? options.map((o) => o.trim()) : [] };
    const found = validateCustomField(input, existing);
    setErrors(found);
    setCreated(null);
    if (Object.keys(found).length > 0) return;
    setFailure(null);
    const outcome = await onCreate(input);
    if (!outcome.ok) {
      if (outcome.error.details?.field === 'identifier') setErrors({ identifier: outcome.error.message });
      else setFailure(outcome.error);
      return;
    }
    setCreated(input.identifier);
    setIdentifier('');
    setOptions([]);
  };

  return (
    <Paper withBorder p="sm" radius="md">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Create custom field">
        <Stack gap="xs">
          <Text fw={600} size="sm">
            Create custom field
          </Text>
          <Group align="flex-start" gap="xs" grow>
            <TextInput
              label="Identifier"
              description="Letters, numbers, dashes and underscores"
              value={identifier}
              onChange={(e) => setIdentifier(e.currentTarget.value)}
              error={errors.identifier}
              autoComplete="off"
              spellCheck={false}
            />
            <Select
              label="Type"
              data={CUSTOM_FIELD_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
              value={type}
              onChange={(value) => value && setType(value as CustomFieldType)}
              allowDeselect={false}
              error={errors.type}
            />
          </Group>
          {withOptions && (
            <TagsInput
              label="Options"
              description="Type an option and press Enter; at least two"
              value={options}
              onChange={setOptions}
              error={errors.options}
              clearable
            />
          )}
          {failure && <ErrorAlert error={failure} title="The field was not created" onClose={() => setFailure(null)} />}
          {created && (
            <Text size="sm" c="teal" role="status">
              Created “{created}”.
            </Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={creating}>
              Create field
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
