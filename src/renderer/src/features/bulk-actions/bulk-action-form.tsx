// The fields of one bulk action: what to do, then what it needs (a tag, list or sequence from the account, a step,
// points, or a field and its new value).
import { NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { SequenceStepInput } from '../../components/sequence-step-input';
import { fieldChoices } from '../lead-editor/field-choices';
import { useAccountLists } from '../leads/workspace-context';
import { BULK_KINDS, type BulkDraft, type BulkKind } from './bulk-model';

export function BulkActionForm({ draft, onChange }: { draft: BulkDraft; onChange(patch: Partial<BulkDraft>): void }) {
  const lists = useAccountLists((s) => s.lists);
  const needs = BULK_KINDS[draft.kind].needs;
  const names = needs === 'tag' ? (lists?.tags.items ?? []) : needs === 'list' ? (lists?.lists.items ?? []) : needs === 'sequence' ? (lists?.sequences.items ?? []).map((s) => s.name) : [];
  // Set to a typed value: text custom fields only (an option field takes option ids, not words).
  const fields = fieldChoices(lists?.custom_fields.items ?? [], ['input_field', 'text_area']);
  return (
    <Stack gap="sm">
      <Select
        label="Action"
        data={Object.entries(BULK_KINDS).map(([value, k]) => ({ value, label: k.label }))}
        value={draft.kind}
        onChange={(v) => v && onChange({ kind: v as BulkKind, name: '', step: '' })}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      {(needs === 'tag' || needs === 'list' || needs === 'sequence') && (
        <Select
          label={needs === 'tag' ? 'Tag' : needs === 'list' ? 'List' : 'Sequence'}
          placeholder={`Choose a ${needs}`}
          data={names}
          value={draft.name || null}
          onChange={(v) => onChange({ name: v ?? '' })}
          searchable
          nothingFoundMessage={`No ${needs} of that name in this account`}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {draft.kind === 'subscribe_lead_to_sequence_at_step' && <SequenceStepInput sequence={draft.name || null} value={draft.step} onChange={(step) => onChange({ step })} />}
      {needs === 'points' && (
        <NumberInput label="Points" min={1} max={1_000_000} allowDecimal={false} value={draft.points} onChange={(v) => onChange({ points: typeof v === 'number' ? v : '' })} />
      )}
      {needs === 'field' && (
        <>
          <Select label="Field" placeholder="Choose a field" data={fields} value={draft.field || null} onChange={(v) => onChange({ field: v ?? '' })} searchable comboboxProps={{ withinPortal: true }} />
          <TextInput label="New value" description="Leave empty to clear the field" value={draft.value} onChange={(e) => onChange({ value: e.currentTarget.value })} maxLength={2000} />
        </>
      )}
    </Stack>
  );
}
