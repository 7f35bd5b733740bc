// A small modal that applies a chosen recipe to given leads (the table's selection, or the open profile's lead);
// the run then shows in the job UI, as when applying from the recipes page.
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { useBulk, useRecipes } from '../import/import-context';

export interface ApplyRecipeModalProps {
  opened: boolean;
  /** Kartra lead ids the recipe runs on. */
  leadIds: readonly string[];
  /** Who the leads are, for the title ("2 selected leads", "Ada Lovelace"). */
  targetLabel: string;
  onClose(): void;
  /** Called after the core accepted the run (e.g. to clear the selection). */
  onApplied?(): void;
}

export function ApplyRecipeModal({ opened, leadIds, targetLabel, onClose, onApplied }: ApplyRecipeModalProps) {
  const { recipes: store, flow, show } = useBulk();
  const recipes = useRecipes((s) => s.recipes);
  const loaded = useRecipes((s) => s.loaded);
  const busy = useRecipes((s) => s.busy);
  const error = useRecipes((s) => s.error);
  const [recipeId, setRecipeId] = useState<string | null>(null);

  // Recipes are read when first needed (the workspace does not load them up front).
  useEffect(() => {
    if (opened) {
      store.getState().clearError();
      void store.getState().load();
    } else setRecipeId(null);
  }, [opened, store]);

  const chosen = recipes.find((r) => r.id === recipeId) ?? null;
  const apply = async () => {
    if (!chosen || leadIds.length === 0) return;
    const progress = await store.getState().apply(chosen.id, { leadIds: [...leadIds] });
    if (!progress) return;
    onApplied?.();
    onClose();
    await flow.getState().openJob(progress);
    show('import');
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Apply a recipe to ${targetLabel}`}>
      <Stack gap="sm">
        {loaded && recipes.length === 0 ? (
          <Text size="sm" c="dimmed">
            No recipes yet. Create one on the Recipes page first.
          </Text>
        ) : (
          <Select
            label="Recipe"
            placeholder={loaded ? 'Choose a recipe' : 'Loading recipes…'}
            data={recipes.map((r) => ({ value: r.id, label: r.name }))}
            value={recipeId}
            onChange={setRecipeId}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Text size="sm" c="dimmed">
          {leadIds.length} lead{leadIds.length === 1 ? '' : 's'} · one Kartra call per action and lead.
        </Text>
        {error && <ErrorAlert error={error} onClose={() => store.getState().clearError()} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void apply()} disabled={!chosen || leadIds.length === 0} loading={busy}>
            Apply
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
