// Create or edit a recipe: its name and the actions it applies (tags, lists, sequence at a step, points, calendar).
import { Button, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AccountLists } from '../../../../shared/ipc/contract';
import { SequenceStepInput } from '../../components/sequence-step-input';
import { describeActions } from './recipe-model';
import { actionsOf, recipeErrors, type RecipeDraft } from './recipe-model';

export interface RecipeFormProps {
  initial: RecipeDraft;
  catalog: AccountLists | null;
  busy: boolean;
  onSave(draft: RecipeDraft): void;
  onCancel(): void;
}

export function RecipeForm({ initial, catalog, busy, onSave, onCancel }: RecipeFormProps) {
  const [draft, setDraft] = useState<RecipeDraft>(initial);
  const [tried, setTried] = useState(false);
  const errors = recipeErrors(draft);
  const shown = tried ? errors : {};
  const patch = (p: Partial<RecipeDraft>) => setDraft((d) => ({ ...d, ...p }));
  const sequences = catalog?.sequences.items ?? [];
  const actions = actionsOf(draft);

  return (
    <form
      aria-label={initial.id ? 'Edit recipe' : 'New recipe'}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (Object.keys(errors).length === 0) onSave(draft);
      }}
    >
      <Stack gap="sm" maw={560}>
        <TextInput label="Recipe name" value={draft.name} onChange={(e) => patch({ name: e.currentTarget.value })} error={shown.name} withAsterisk />
        <MultiSelect label="Assign tags" data={catalog?.tags.items ?? []} value={draft.tags} onChange={(tags) => patch({ tags })} searchable clearable />
        <MultiSelect label="Subscribe to lists" data={catalog?.lists.items ?? []} value={draft.lists} onChange={(lists) => patch({ lists })} searchable clearable />
        <Group grow align="flex-start">
          <Select label="Sequence" placeholder="None" data={sequences.map((q) => q.name)} value={draft.sequence} onChange={(sequence) => patch({ sequence, step: '' })} clearable searchable />
          <SequenceStepInput label="At step" sequence={draft.sequence} value={draft.step} onChange={(step) => patch({ step })} error={shown.step} />
        </Group>
        <NumberInput label="Give points" min={0} allowDecimal={false} value={draft.points} onChange={(v) => patch({ points: typeof v === 'number' ? v : Number(v) || 0 })} error={shown.points} />
        <Group grow align="flex-start">
          <TextInput label="Calendar" value={draft.calendar} onChange={(e) => patch({ calendar: e.currentTarget.value })} error={shown.calendar} />
          <TextInput label="Calendar class" value={draft.calendarClass} onChange={(e) => patch({ calendarClass: e.currentTarget.value })} />
        </Group>
        <Text size="sm" c={shown.actions ? 'red' : 'dimmed'} role={shown.actions ? 'alert' : undefined}>
          {shown.actions ?? (actions.length > 0 ? `Does: ${describeActions(actions)}` : 'No actions yet.')}
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
