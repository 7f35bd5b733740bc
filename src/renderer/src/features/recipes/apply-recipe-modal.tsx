// A modal that applies a chosen recipe to given leads (the table's selection or a whole view, or the open profile's
// lead): first its preview, then the run, which shows in the job UI as when applying from the recipes page.
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { RecipePreview } from '../../../../shared/domain/recipe-preview';
import { describeConditions } from '../../../../shared/domain/recipe-conditions';
import { ErrorAlert } from '../../components/error-alert';
import { RunPreview } from './run-preview';
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
  const [preview, setPreview] = useState<RecipePreview | null>(null);

  // Recipes are read when first needed (the workspace does not load them up front).
  useEffect(() => {
    if (opened) {
      store.getState().clearError();
      void store.getState().load();
    } else {
      setRecipeId(null);
      setPreview(null);
    }
  }, [opened, store]);

  const chosen = recipes.find((r) => r.id === recipeId) ?? null;
  const conditions = chosen?.conditions ?? [];
  const runPreview = async () => {
    if (!chosen || leadIds.length === 0) return;
    setPreview(await store.getState().preview(chosen.id, { leadIds: [...leadIds] }));
  };
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
    <Modal opened={opened} onClose={onClose} title={`Apply a recipe to ${targetLabel}`} size={preview ? 'xl' : 'md'}>
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
            onChange={(id) => {
              setRecipeId(id);
              setPreview(null);
            }}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {conditions.length > 0 && (
          <Text size="sm" c="dimmed">
            Only leads that meet: {describeConditions(conditions)}.
          </Text>
        )}
        {!preview && (
          <Text size="sm" c="dimmed">
            {leadIds.length} lead{leadIds.length === 1 ? '' : 's'} · one Kartra call per lead{conditions.length > 0 ? ', after reading it' : ''}.
          </Text>
        )}
        {error && <ErrorAlert error={error} onClose={() => store.getState().clearError()} />}
        {preview && <RunPreview preview={preview} hasConditions={conditions.length > 0} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          {preview ? (
            <Button onClick={() => void apply()} loading={busy}>
              Run on {preview.leads.toLocaleString()} lead{preview.leads === 1 ? '' : 's'}
            </Button>
          ) : (
            <Button onClick={() => void runPreview()} disabled={!chosen || leadIds.length === 0} loading={busy}>
              Preview
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
