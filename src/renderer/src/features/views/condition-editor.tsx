// The form that adds or changes one condition of the view: what to filter by, then the fields that kind
// needs (names picked from the account's cached lists). Checked with the contract's own schema.
import { Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { fieldLabel, FIELD_TYPE_WORDS } from '../../../../shared/domain/custom-field-labels';
import { FilterCondition, GDPR_STATUSES, type FilterKind } from '../../../../shared/domain/lead-filter';
import { useAccountLists } from '../leads/workspace-context';
import { KIND_LABELS } from '../../../../shared/domain/describe-condition';

export interface ConditionEditorProps {
  opened: boolean;
  /** The condition to change; null to add a new one. */
  initial: FilterCondition | null;
  onSave(condition: FilterCondition): void;
  onClose(): void;
}

type Draft = Record<string, unknown> & { kind: FilterKind };
const blank = (kind: FilterKind): Draft =>
  ({
    tag: { kind, op: 'has', name: '' },
    list: { kind, op: 'in', name: '' },
    sequence: { kind, op: 'in', name: '' },
    field: { kind, field: '', op: 'is', value: '' },
    score: { kind, min: null, max: null },
    gdpr: { kind, statuses: [] },
    joined: { kind, from: null, to: null },
    source: { kind, value: '' },
    refreshed: { kind, op: 'older', days: 30 },
  })[kind] as Draft;

const SOURCES = ['single-optin', 'double-optin', 'checkout', 'import', 'api', 'manual', 'affiliate-signup', 'helpdesk'];

export function ConditionEditor({ opened, initial, onSave, onClose }: ConditionEditorProps) {
  const [draft, setDraft] = useState<Draft>(() => (initial as Draft | null) ?? blank('tag'));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      setDraft((initial as Draft | null) ?? blank('tag'));
      setError(null);
    }
  }, [opened, initial]);
  const set = (patch: Record<string, unknown>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };

  const submit = () => {
    const parsed = FilterCondition.safeParse(draft);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'This condition is not complete.');
      return;
    }
    onSave(parsed.data);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={initial ? 'Change filter' : 'Add a filter'} centered>
      <form
        aria-label={initial ? 'Change filter' : 'Add a filter'}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Select
            label="Filter by"
            data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={draft.kind}
            allowDeselect={false}
            onChange={(kind) => kind && setDraft(blank(kind as FilterKind))}
            comboboxProps={{ withinPortal: true }}
          />
          <KindFields draft={draft} set={set} />
          {error && (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">{initial ? 'Apply' : 'Add filter'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function KindFields({ draft, set }: { draft: Draft; set(patch: Record<string, unknown>): void }) {
  const lists = useAccountLists((s) => s.lists);
  const str = (key: string) => (draft[key] as string | null) ?? '';
  switch (draft.kind) {
    case 'tag':
    case 'list':
    case 'sequence': {
      const names =
        draft.kind === 'tag' ? (lists?.tags.items ?? []) : draft.kind === 'list' ? (lists?.lists.items ?? []) : (lists?.sequences.items ?? []).map((s) => s.name);
      const ops = draft.kind === 'tag' ? [{ value: 'has', label: 'Has' }, { value: 'has_not', label: 'Has not' }] : [{ value: 'in', label: 'In' }, { value: 'not_in', label: 'Not in' }];
      const noun = draft.kind === 'tag' ? 'Tag' : draft.kind === 'list' ? 'List' : 'Sequence';
      return (
        <>
          <SegmentedControl aria-label="Condition" data={ops} value={str('op')} onChange={(op) => set({ op })} />
          <Select label={noun} placeholder={`Pick a ${noun.toLowerCase()}`} searchable data={names} value={str('name') || null} onChange={(name) => set({ name: name ?? '' })} />
        </>
      );
    }
    case 'field': {
      const fields = lists?.custom_fields.items ?? [];
      const field = fields.find((f) => f.field_identifier === draft.field);
      const needsValue = draft.op !== 'empty' && draft.op !== 'not_empty';
      return (
        <>
          <Select
            label="Custom field"
            placeholder="Pick a field"
            searchable
            data={fields.map((f) => ({ value: f.field_identifier, label: `${fieldLabel(f.field_identifier)} (${FIELD_TYPE_WORDS[f.field_type]})` }))}
            value={str('field') || null}
            onChange={(value) => set({ field: value ?? '', value: '' })}
          />
          <Select
            label="Condition"
            allowDeselect={false}
            data={[
              { value: 'is', label: 'is' },
              { value: 'is_not', label: 'is not' },
              { value: 'contains', label: 'contains' },
              { value: 'empty', label: 'is empty' },
              { value: 'not_empty', label: 'is not empty' },
            ]}
            value={str('op')}
            onChange={(op) => op && set({ op })}
          />
          {needsValue &&
            (field && field.options.length > 0 && draft.op !== 'contains' ? (
              <Select label="Value" searchable data={field.options.map((o) => o.option_value)} value={str('value') || null} onChange={(value) => set({ value: value ?? '' })} />
            ) : (
              <TextInput label="Value" value={str('value')} onChange={(e) => set({ value: e.currentTarget.value })} />
            ))}
        </>
      );
    }
    case 'score':
      return (
        <Group grow>
          <NumberInput label="Lowest score" allowDecimal={false} value={(draft.min as number | null) ?? ''} onChange={(v) => set({ min: typeof v === 'number' ? v : null })} />
          <NumberInput label="Highest score" allowDecimal={false} value={(draft.max as number | null) ?? ''} onChange={(v) => set({ max: typeof v === 'number' ? v : null })} />
        </Group>
      );
    case 'gdpr':
      return (
        <Checkbox.Group label="GDPR status is any of" value={draft.statuses as string[]} onChange={(statuses) => set({ statuses })}>
          <Stack gap={6} mt={6}>
            {Object.entries(GDPR_STATUSES).map(([value, label]) => (
              <Checkbox key={value} value={value} label={label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'joined':
      return (
        <Group grow>
          <TextInput type="date" label="First day" value={str('from')} onChange={(e) => set({ from: e.currentTarget.value || null })} />
          <TextInput type="date" label="Last day" value={str('to')} onChange={(e) => set({ to: e.currentTarget.value || null })} />
        </Group>
      );
    case 'source':
      return <Select label="Source" searchable data={SOURCES} value={str('value') || null} onChange={(value) => set({ value: value ?? '' })} />;
    case 'refreshed':
      return (
        <Group grow align="flex-end">
          <Select
            label="Last read from Kartra"
            allowDeselect={false}
            data={[
              { value: 'within', label: 'within the last' },
              { value: 'older', label: 'more than' },
            ]}
            value={str('op')}
            onChange={(op) => op && set({ op })}
          />
          <NumberInput label="Days" min={0} max={3650} allowDecimal={false} value={draft.days as number} onChange={(v) => set({ days: typeof v === 'number' ? v : 0 })} />
        </Group>
      );
  }
}
