// Create or edit a recipe: its name, the conditions a lead must meet ("has tag A and not in list B"), what it adds
// (tags, lists, a sequence at a step, points, a calendar booking) and what it removes (tags, lists, sequences, points,
// the values of fields).
import { Button, Divider, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AccountLists } from '../../../../shared/ipc/contract';
import { ifClause } from '../../../../shared/domain/recipe-conditions';
import { SequenceStepInput } from '../../components/sequence-step-input';
import { ConditionsEditor } from './conditions-editor';
import { choiceLabel, fieldChoices } from '../lead-editor/field-choices';
import { actionsOf, conditionsOf, describeRecipe, recipeErrors, type RecipeDraft } from './recipe-model';

export interface RecipeFormProps {
  initial: RecipeDraft;
  catalog: AccountLists | null;
  busy: boolean;
  onSave(draft: RecipeDraft): void;
  onCancel(): void;
}

const points = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);

export function RecipeForm({ initial, catalog, busy, onSave, onCancel }: RecipeFormProps) {
  const [draft, setDraft] = useState<RecipeDraft>(initial);
  const [tried, setTried] = useState(false);
  const errors = recipeErrors(draft);
  const shown = tried ? errors : {};
  const patch = (p: Partial<RecipeDraft>) => setDraft((d) => ({ ...d, ...p }));
  const tags = catalog?.tags.items ?? [];
  const lists = catalog?.lists.items ?? [];
  const sequences = catalog?.sequences.items.map((q) => q.name) ?? [];
  // A field the account no longer has stays listed (by its identifier) so it can be seen and taken out.
  const known = fieldChoices(catalog?.custom_fields.items ?? []);
  const fields = [...known, ...draft.clear.filter((f) => !known.some((c) => c.value === f)).map((value) => ({ value, label: choiceLabel(known, value) }))];
  const actions = actionsOf(draft);
  const conditions = conditionsOf(draft);

  return (
    <form
      aria-label={initial.id ? 'Edit recipe' : 'New recipe'}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (Object.keys(errors).length === 0) onSave(draft);
      }}
    >
      <Stack gap="sm" maw={640}>
        <TextInput label="Recipe name" value={draft.name} onChange={(e) => patch({ name: e.currentTarget.value })} error={shown.name} withAsterisk />
        <ConditionsEditor rows={draft.conditions} catalog={catalog} error={shown.conditions} onChange={(rows) => patch({ conditions: rows })} />
        <Divider label="Add" labelPosition="left" />
        <MultiSelect label="Assign tags" data={tags} value={draft.tags} onChange={(v) => patch({ tags: v })} searchable clearable />
        <MultiSelect label="Subscribe to lists" data={lists} value={draft.lists} onChange={(v) => patch({ lists: v })} searchable clearable />
        <Group grow align="flex-start">
          <Select label="Sequence" placeholder="None" data={sequences} value={draft.sequence} onChange={(sequence) => patch({ sequence, step: '' })} clearable searchable />
          <SequenceStepInput label="At step" sequence={draft.sequence} value={draft.step} onChange={(step) => patch({ step })} error={shown.step} />
        </Group>
        <NumberInput label="Give points" min={0} allowDecimal={false} value={draft.points} onChange={(v) => patch({ points: points(v) })} error={shown.points} />
        <Group grow align="flex-start">
          <TextInput label="Calendar" value={draft.calendar} onChange={(e) => patch({ calendar: e.currentTarget.value })} error={shown.calendar} />
          <TextInput label="Calendar class" value={draft.calendarClass} onChange={(e) => patch({ calendarClass: e.currentTarget.value })} />
        </Group>
        <Divider label="Remove" labelPosition="left" />
        <MultiSelect label="Remove tags" data={tags} value={draft.untags} onChange={(v) => patch({ untags: v })} searchable clearable />
        <MultiSelect label="Unsubscribe from lists" data={lists} value={draft.leaveLists} onChange={(v) => patch({ leaveLists: v })} searchable clearable />
        <MultiSelect label="Unsubscribe from sequences" data={sequences} value={draft.leaveSequences} onChange={(v) => patch({ leaveSequences: v })} searchable clearable />
        <NumberInput label="Remove points" min={0} allowDecimal={false} value={draft.removePoints} onChange={(v) => patch({ removePoints: points(v) })} error={shown.removePoints} />
        <MultiSelect
          label="Clear fields"
          description="Empties these fields on each lead; History keeps their values, so an undo can put them back"
          data={fields}
          value={draft.clear}
          onChange={(v) => patch({ clear: v })}
          error={shown.clear}
          searchable
          clearable
        />
        <Text size="sm" c={shown.actions ? 'red' : 'dimmed'} role={shown.actions ? 'alert' : undefined}>
          {shown.actions ??
            (actions.length > 0 || draft.clear.length > 0
              ? `${conditions.length > 0 ? `${ifClause(conditions)}: ` : 'Does: '}${describeRecipe({ actions, clear: draft.clear }, (f) => choiceLabel(fields, f))}`
              : 'No actions yet.')}
        </Text>
        <Group>
          <Button type="submit" loading={busy}>
            Save recipe
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
