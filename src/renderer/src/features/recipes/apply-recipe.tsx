// Apply a saved recipe to pasted emails (one per line, invalid ones flagged), every lead of a saved view, or every
// lead of an import: first a preview of what it would do, then the run, which shows in the job UI.
import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { RecipeTarget } from '../../../../shared/domain/import';
import type { RecipePreview } from '../../../../shared/domain/recipe-preview';
import { describeConditions } from '../../../../shared/domain/recipe-conditions';
import { ErrorAlert } from '../../components/error-alert';
import { useBulk, useJobs, useRecipes } from '../import/import-context';
import { sortedJobs } from '../import/jobs-store';
import { parseEmails } from './recipe-model';
import { RunPreview } from './run-preview';

type Source = 'emails' | 'view' | 'import';

export function ApplyRecipe({ recipeId, onClose }: { recipeId: string; onClose(): void }) {
  const { recipes, flow, show } = useBulk();
  const recipe = useRecipes((s) => s.recipes.find((r) => r.id === recipeId));
  const importJobId = useRecipes((s) => s.importJobId);
  const views = useRecipes((s) => s.views);
  const busy = useRecipes((s) => s.busy);
  const error = useRecipes((s) => s.error);
  const jobs = useJobs((s) => s.jobs);
  const imports = sortedJobs(jobs).filter((j) => j.kind === 'import' && j.counts.created + j.counts.updated > 0);
  const [source, setSource] = useState<Source>(importJobId ? 'import' : 'emails');
  const [text, setText] = useState('');
  const [jobId, setJobId] = useState<string | null>(importJobId);
  const [viewId, setViewId] = useState<string | null>(null);
  // The target as it was previewed: the run uses exactly these leads.
  const [previewed, setPreviewed] = useState<{ target: RecipeTarget; preview: RecipePreview } | null>(null);
  const parsed = useMemo(() => parseEmails(text), [text]);
  useEffect(() => {
    void recipes.getState().loadViews();
  }, [recipes]);
  if (!recipe) return null;
  const conditions = recipe.conditions ?? [];

  const view = views.find((v) => v.id === viewId) ?? null;
  const ready = source === 'emails' ? parsed.emails.length > 0 && parsed.invalid.length === 0 : source === 'import' ? jobId !== null : view !== null;
  const targetNow = async (): Promise<RecipeTarget | null> => {
    if (source === 'emails') return { emails: parsed.emails };
    if (source === 'import') return jobId ? { importJobId: jobId } : null;
    if (!view) return null;
    const ids = await recipes.getState().idsOfView(view);
    if (ids === null) return null;
    if (ids.length === 0) {
      recipes.setState({ error: { code: 'invalid_input', message: `The view “${view.name}” has no leads in the local cache.`, retryable: false } });
      return null;
    }
    return { leadIds: ids };
  };
  const runPreview = async () => {
    const target = await targetNow();
    if (!target) return;
    const preview = await recipes.getState().preview(recipe.id, target);
    if (preview) setPreviewed({ target, preview });
  };
  const apply = async () => {
    if (!previewed) return;
    const progress = await recipes.getState().apply(recipe.id, previewed.target);
    if (!progress) return;
    recipes.getState().targetImport(null);
    onClose();
    await flow.getState().openJob(progress);
    show('import');
  };
  const change = (fn: () => void) => {
    fn();
    setPreviewed(null);
  };

  const buttons = (
    <Group>
      {previewed ? (
        <Button onClick={() => void apply()} loading={busy}>
          Run on {previewed.preview.leads.toLocaleString()} lead{previewed.preview.leads === 1 ? '' : 's'}
        </Button>
      ) : (
        <Button onClick={() => void runPreview()} disabled={!ready} loading={busy}>
          Preview
        </Button>
      )}
      <Button variant="default" onClick={onClose}>
        Close
      </Button>
    </Group>
  );

  return (
    <Stack gap="sm" maw={760} role="region" aria-label={`Apply ${recipe.name}`}>
      <Text fw={600}>Apply “{recipe.name}” to…</Text>
      {conditions.length > 0 && (
        <Text size="sm" c="dimmed">
          Only leads that meet: {describeConditions(conditions)}.
        </Text>
      )}
      <SegmentedControl
        aria-label="Apply to"
        value={source}
        onChange={(v) => change(() => setSource(v as Source))}
        data={[
          { value: 'emails', label: 'Pasted emails' },
          { value: 'view', label: 'A saved view' },
          { value: 'import', label: 'An import’s leads' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {source === 'emails' && (
        <>
          <Textarea label="Emails, one per line" rows={6} value={text} onChange={(e) => change(() => setText(e.currentTarget.value))} />
          <Text size="sm" c="dimmed">
            {parsed.emails.length} valid email{parsed.emails.length === 1 ? '' : 's'}
          </Text>
          {parsed.invalid.length > 0 && (
            <Alert color="red" title="Not email addresses">
              {parsed.invalid.slice(0, 10).join(', ')}
              {parsed.invalid.length > 10 ? ` and ${parsed.invalid.length - 10} more` : ''} — fix or remove them.
            </Alert>
          )}
        </>
      )}
      {source === 'view' && (
        <Select
          label="Saved view"
          placeholder={views.length === 0 ? 'No saved views yet: save one on the Leads page' : 'Choose a view'}
          data={views.map((v) => ({ value: v.id, label: v.name }))}
          value={viewId}
          onChange={(v) => change(() => setViewId(v))}
          searchable
        />
      )}
      {source === 'import' && (
        <Select
          label="Import"
          placeholder={imports.length === 0 ? 'No finished import yet' : 'Choose an import'}
          data={imports.map((j) => ({ value: j.jobId, label: `${j.name} (${j.counts.created + j.counts.updated} leads)` }))}
          value={jobId}
          onChange={(v) => change(() => setJobId(v))}
        />
      )}
      {error && <ErrorAlert error={error} />}
      {previewed ? <RunPreview preview={previewed.preview} hasConditions={conditions.length > 0} actions={buttons} /> : buttons}
    </Stack>
  );
}
