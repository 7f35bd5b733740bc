// "Only for leads that …": the recipe's conditions as rows joined by "and" — what to test (has tag, is not in
// list, field equals, score is at least …), then the name, field or value it needs, picked from the account.
import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { AccountLists } from '../../../../shared/ipc/contract';
import { fieldLabel, FIELD_TYPE_WORDS } from '../../../../shared/domain/custom-field-labels';
import type { RecipeConditionKind } from '../../../../shared/domain/recipe-conditions';
import { blankCondition, CONDITION_CHOICES, type ConditionDraft } from './condition-draft';

export interface ConditionsEditorProps {
  rows: ConditionDraft[];
  catalog: AccountLists | null;
  error?: string;
  onChange(rows: ConditionDraft[]): void;
}

export function ConditionsEditor({ rows, catalog, error, onChange }: ConditionsEditorProps) {
  const names: Record<'tag' | 'list' | 'sequence', string[]> = {
    tag: catalog?.tags.items ?? [],
    list: catalog?.lists.items ?? [],
    sequence: catalog?.sequences.items.map((q) => q.name) ?? [],
  };
  const fields = (catalog?.custom_fields.items ?? []).map((f) => ({ value: f.field_identifier, label: `${fieldLabel(f.field_identifier)} (${FIELD_TYPE_WORDS[f.field_type]})` }));
  const set = (i: number, patch: Partial<ConditionDraft>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));

  return (
    <Stack gap={6} role="group" aria-label="Conditions">
      <Text size="sm" fw={600}>
        Only for leads that…
      </Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          Every lead it is applied to (no conditions).
        </Text>
      )}
      {rows.map((row, i) => {
        const label = `Condition ${i + 1}`;
        const needsValue = row.kind === 'score' || (row.kind === 'field' && row.op !== 'empty' && row.op !== 'not_empty');
        return (
          <Group key={i} gap="xs" wrap="nowrap" align="flex-end" role="group" aria-label={label}>
            <Text size="sm" w={28} c="dimmed" ta="right" pb={6}>
              {i === 0 ? 'if' : 'and'}
            </Text>
            <Select
              aria-label={`${label}: test`}
              data={CONDITION_CHOICES}
              value={`${row.kind}:${row.op}`}
              onChange={(v) => {
                if (!v) return;
                const [kind, op] = v.split(':') as [RecipeConditionKind, string];
                set(i, kind === row.kind ? { op } : { kind, op, name: '', value: '' });
              }}
              allowDeselect={false}
              w={190}
              comboboxProps={{ withinPortal: true }}
            />
            {row.kind !== 'score' && (
              <Select
                aria-label={`${label}: ${row.kind === 'field' ? 'custom field' : row.kind}`}
                placeholder={row.kind === 'field' ? 'Custom field' : `Pick a ${row.kind}`}
                data={row.kind === 'field' ? fields : names[row.kind]}
                value={row.name || null}
                onChange={(name) => set(i, { name: name ?? '' })}
                searchable
                style={{ flex: 1, minWidth: 0 }}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {needsValue && (
              <TextInput
                aria-label={`${label}: ${row.kind === 'score' ? 'score' : 'value'}`}
                placeholder={row.kind === 'score' ? 'e.g. 50' : 'Value'}
                value={row.value}
                onChange={(e) => set(i, { value: e.currentTarget.value })}
                w={row.kind === 'score' ? 100 : 140}
                inputMode={row.kind === 'score' ? 'numeric' : undefined}
              />
            )}
            <ActionIcon variant="subtle" color="gray" aria-label={`Remove condition ${i + 1}`} onClick={() => onChange(rows.filter((_, k) => k !== i))} mb={4}>
              ×
            </ActionIcon>
          </Group>
        );
      })}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => onChange([...rows, blankCondition()])}>
          Add condition
        </Button>
        <Text size="xs" c="dimmed">
          Checked on each lead, read fresh from Kartra when the recipe runs; a lead that fails one is skipped.
        </Text>
      </Group>
    </Stack>
  );
}
