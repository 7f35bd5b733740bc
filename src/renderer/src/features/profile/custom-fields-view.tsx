// Every custom field of the lead: labelled in words with its type ("Job title · Text"), options shown by
// their label (not their id); the identifier stays visible for people who know it from Kartra.
import { Group, Table, Text } from '@mantine/core';
import type { AccountCustomField } from '../../../../shared/domain/account';
import type { Lead } from '../../../../shared/domain/lead';
import { fieldLabel, FIELD_TYPE_WORDS } from '../../../../shared/domain/custom-field-labels';
import { PendingBadge } from './pending-badge';
import type { FieldMark } from './pending-overlay';

/** An option id as people know it: the account's label first (always current), then the lead's own. */
function optionLabel(id: string, def: AccountCustomField | undefined, fallback?: string): string {
  return def?.options.find((o) => o.option_id === id)?.option_value ?? fallback ?? `option ${id}`;
}

export function displayCustomValue(value: Lead['custom_fields'][number]['value'] | string[], def: AccountCustomField | undefined): string {
  if (typeof value === 'string') {
    if (def && def.field_type !== 'input_field' && def.field_type !== 'text_area') return value === '' ? '' : optionLabel(value, def);
    return value;
  }
  return value.map((v) => (typeof v === 'string' ? optionLabel(v, def) : optionLabel(v.option_id, def, v.option_value))).join(', ');
}

/** One string per value, option ids sorted (the core's `seen` format), to compare shown and queued values. */
function comparable(value: Lead['custom_fields'][number]['value'] | string[] | string): string {
  if (typeof value === 'string') return value.trim();
  return value
    .map((v) => (typeof v === 'string' ? v : v.option_id))
    .sort()
    .join(',');
}

export interface CustomFieldsViewProps {
  lead: Lead;
  defs: readonly AccountCustomField[];
  marks: Record<string, FieldMark>;
}

export function CustomFieldsView({ lead, defs, marks }: CustomFieldsViewProps) {
  // The lead's values first, then the account's other fields (empty on this lead), so every field is listed.
  const identifiers = [...new Set([...lead.custom_fields.map((f) => f.field_identifier), ...defs.map((d) => d.field_identifier)])];
  if (identifiers.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This account has no custom fields.
      </Text>
    );
  }
  return (
    <Table aria-label="Custom fields" withRowBorders={false} verticalSpacing={4} layout="fixed">
      <Table.Tbody>
        {identifiers.map((identifier) => {
          const field = lead.custom_fields.find((f) => f.field_identifier === identifier);
          const def = defs.find((d) => d.field_identifier === identifier);
          const type = field?.field_type ?? def?.field_type;
          const shown = field ? displayCustomValue(field.value, def) : '';
          const queued = marks[`custom:${identifier}`];
          // An offline copy already shows queued values: then only the badge says it is not confirmed yet.
          const alreadyShown = queued !== undefined && field !== undefined && comparable(field.value) === comparable(queued.value);
          const mark = alreadyShown ? undefined : queued;
          return (
            <Table.Tr key={identifier} data-field={identifier}>
              <Table.Th w="40%" fw={500}>
                <Text size="sm">{fieldLabel(identifier)}</Text>
                <Text size="xs" c="dimmed" title={`Kartra identifier: ${identifier}`}>
                  {type ? `${FIELD_TYPE_WORDS[type]} · ` : ''}
                  {identifier}
                </Text>
              </Table.Th>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" c={shown === '' || mark ? 'dimmed' : undefined} td={mark ? 'line-through' : undefined} style={{ whiteSpace: 'pre-wrap' }}>
                    {shown === '' ? '—' : shown}
                  </Text>
                  {alreadyShown && queued && <PendingBadge status={queued.status} />}
                  {mark && (
                    <>
                      <Text size="sm" fs="italic">
                        {displayCustomValue(mark.value, def) || '(empty)'}
                      </Text>
                      <PendingBadge status={mark.status} />
                    </>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
