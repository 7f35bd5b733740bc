// The recipes page: saved recipes (their conditions and what each does), create / edit / delete them, and apply one
// to leads after a preview.
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ifClause } from '../../../../shared/domain/recipe-conditions';
import { ErrorAlert } from '../../components/error-alert';
import { useBulk, useImportFlow, useRecipes } from '../import/import-context';
import { ApplyRecipe } from './apply-recipe';
import { RecipeForm } from './recipe-form';
import { choiceLabel, fieldChoices } from '../lead-editor/field-choices';
import { EMPTY_RECIPE, describeRecipe, draftOf, type RecipeDraft } from './recipe-model';

type Panel = { kind: 'form'; draft: RecipeDraft } | { kind: 'apply'; recipeId: string } | null;

export function RecipesPage() {
  const { recipes: store } = useBulk();
  const recipes = useRecipes((s) => s.recipes);
  const busy = useRecipes((s) => s.busy);
  const error = useRecipes((s) => s.error);
  const importJobId = useRecipes((s) => s.importJobId);
  const catalog = useImportFlow((s) => s.catalog);
  const [panel, setPanel] = useState<Panel>(null);
  const fields = fieldChoices(catalog?.custom_fields.items ?? []);
  const { flow } = useBulk();
  useEffect(() => {
    void store.getState().load();
    if (flow.getState().catalog === null) void flow.getState().loadCatalog();
  }, [store, flow]);

  // Arriving from an import's report: offer the recipes to apply to it.
  useEffect(() => {
    if (importJobId && recipes[0] && panel === null) setPanel({ kind: 'apply', recipeId: recipes[0].id });
  }, [importJobId, recipes, panel]);

  const save = async (draft: RecipeDraft) => {
    if (await store.getState().save(draft)) setPanel(null);
  };

  return (
    <Stack gap="md" pb="xl" style={{ overflow: 'auto', height: '100%' }}>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Recipes
        </Title>
        <Button onClick={() => setPanel({ kind: 'form', draft: EMPTY_RECIPE })}>New recipe</Button>
      </Group>
      <Text size="sm" c="dimmed">
        A recipe adds or removes tags, lists, sequences and points, clears fields (and can book a calendar) on many leads in one go, one call per lead —
        optionally only on the leads that meet its conditions, checked on each lead as Kartra has it when the recipe runs.
      </Text>
      {error && <ErrorAlert error={error} onClose={() => store.getState().clearError()} />}
      {recipes.length === 0 ? (
        <Text c="dimmed">No recipes yet.</Text>
      ) : (
        <Table striped withTableBorder aria-label="Recipes">
          <Table.Tbody>
            {recipes.map((recipe) => (
              <Table.Tr key={recipe.id}>
                <Table.Td fw={500}>{recipe.name}</Table.Td>
                <Table.Td>
                  {(recipe.conditions ?? []).length > 0 && (
                    <Text size="sm" c="dimmed">
                      {ifClause(recipe.conditions ?? [])}:
                    </Text>
                  )}
                  <Text size="sm">{describeRecipe(recipe, (field) => choiceLabel(fields, field))}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" onClick={() => setPanel({ kind: 'apply', recipeId: recipe.id })} aria-label={`Apply ${recipe.name}`}>
                      Apply…
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setPanel({ kind: 'form', draft: draftOf(recipe) })} aria-label={`Edit ${recipe.name}`}>
                      Edit
                    </Button>
                    <Button size="xs" color="red" variant="subtle" onClick={() => void store.getState().remove(recipe.id)} aria-label={`Delete ${recipe.name}`} disabled={busy}>
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {panel?.kind === 'form' && <RecipeForm key={panel.draft.id ?? 'new'} initial={panel.draft} catalog={catalog} busy={busy} onSave={(d) => void save(d)} onCancel={() => setPanel(null)} />}
      {panel?.kind === 'apply' && (
        <ApplyRecipe
          key={panel.recipeId}
          recipeId={panel.recipeId}
          onClose={() => {
            store.getState().targetImport(null);
            setPanel(null);
          }}
        />
      )}
    </Stack>
  );
}
