// Apply a saved recipe to pasted emails (one per line, invalid ones flagged) or to every lead of an import; the run shows in the job UI.
import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { RecipeTarget } from '../../../../shared/domain/import';
import { ErrorAlert } from '../../components/error-alert';
import { useBulk, useJobs, useRecipes } from '../import/import-context';
import { sortedJobs } from '../import/jobs-store';
import { parseEmails } from './recipe-model';

type Source = 'emails' | 'import';

export function ApplyRecipe({ recipeId, onClose }: { recipeId: string; onClose(): void }) {
  const { recipes, flow, show } = useBulk();
  const recipe = useRecipes((s) => s.recipes.find((r) => r.id === recipeId));
  const importJobId = useRecipes((s) => s.importJobId);
  const busy = useRecipes((s) => s.busy);
  const error = useRecipes((s) => s.error);
  const jobs = useJobs((s) => s.jobs);
  const imports = sortedJobs(jobs).filter((j) => j.kind === 'import' && j.counts.created + j.counts.updated > 0);
  const [source, setSource] = useState<Source>(importJobId ? 'import' : 'emails');
  const [text, setText] = useState('');
  const [jobId, setJobId] = useState<string | null>(importJobId);
  const parsed = useMemo(() => parseEmails(text), [text]);
  if (!recipe) return null;

  const target: RecipeTarget | null = source === 'emails' ? (parsed.emails.length > 0 && parsed.invalid.length === 0 ? { emails: parsed.emails } : null) : jobId ? { importJobId: jobId } : null;
  const apply = async () => {
    if (!target) return;
    const progress = await recipes.getState().apply(recipe.id, target);
    if (!progress) return;
    recipes.getState().targetImport(null);
    onClose();
    await flow.getState().openJob(progress);
    show('import');
  };

  return (
    <Stack gap="sm" maw={560} role="region" aria-label={`Apply ${recipe.name}`}>
      <Text fw={600}>Apply “{recipe.name}” to…</Text>
      <SegmentedControl
        aria-label="Apply to"
        value={source}
        onChange={(v) => setSource(v as Source)}
        data={[
          { value: 'emails', label: 'Pasted emails' },
          { value: 'import', label: 'An import’s leads' },
        ]}
      />
      {source === 'emails' ? (
        <>
          <Textarea label="Emails, one per line" rows={6} value={text} onChange={(e) => setText(e.currentTarget.value)} />
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
      ) : (
        <Select
          label="Import"
          placeholder={imports.length === 0 ? 'No finished import yet' : 'Choose an import'}
          data={imports.map((j) => ({ value: j.jobId, label: `${j.name} (${j.counts.created + j.counts.updated} leads)` }))}
          value={jobId}
          onChange={setJobId}
        />
      )}
      {error && <ErrorAlert error={error} />}
      <Group>
        <Button onClick={() => void apply()} disabled={!target} loading={busy}>
          Apply recipe
        </Button>
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}
