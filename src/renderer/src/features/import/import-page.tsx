// The import page: "Import CSV or Excel…" (or a drop anywhere), the steps File → Mapping → Review → Options → Run → Report, and past imports.
import { Button, Divider, FileButton, Group, Stack, Stepper, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { FileStep } from './file-step';
import { useBulk, useImportFlow } from './import-context';
import { IMPORT_STEPS, type ImportStep } from './import-store';
import { MappingStep } from './mapping-step';
import { OptionsStep } from './options-step';
import { PastImports } from './past-imports';
import { ReportStep } from './report-step';
import { ReviewStep } from './review-step';
import { RunPanel } from './run-panel';

const LABELS: Record<ImportStep, string> = { file: 'File', mapping: 'Mapping', review: 'Review', options: 'Options', run: 'Run', report: 'Report' };
/** Steps the user may go back to by clicking the stepper, before the run starts. */
const REVISITABLE: readonly ImportStep[] = ['file', 'mapping', 'review', 'options'];

export function ImportPage() {
  const { flow, recipes, show } = useBulk();
  const step = useImportFlow((s) => s.step);
  const kind = useImportFlow((s) => s.progress?.kind ?? 'import');
  const error = useImportFlow((s) => s.error);
  const busy = useImportFlow((s) => s.busy);
  const validated = useImportFlow((s) => s.progress?.status === 'validated');
  const resetRef = useRef<() => void>(null);
  const active = IMPORT_STEPS.indexOf(step);
  // The account's fields, tags, lists and sequences for the mapping and options (read once per account).
  useEffect(() => {
    if (flow.getState().catalog === null) void flow.getState().loadCatalog();
  }, [flow]);

  const onStepClick = (index: number) => {
    const target = IMPORT_STEPS[index];
    if (!target || !REVISITABLE.includes(step) || !REVISITABLE.includes(target) || index >= active) return;
    flow.getState().goTo(target);
  };
  const applyRecipe = (jobId: string) => {
    recipes.getState().targetImport(jobId);
    show('recipes');
  };

  return (
    <Stack gap="md" pb="xl" style={{ overflow: 'auto', height: '100%' }}>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {kind === 'recipe' ? 'Recipe run' : 'Import leads from CSV or Excel'}
        </Title>
        <FileButton onChange={(file) => {
            // Cleared at once so choosing the same file again (after fixing it) fires a change.
            resetRef.current?.();
            if (file) void flow.getState().pickFile(file);
          }} accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" inputProps={{ 'aria-label': 'CSV or Excel file' }} resetRef={resetRef}>
          {(props) => (
            <Button {...props} disabled={busy === 'upload' || busy === 'analyze'}>
              Import CSV or Excel…
            </Button>
          )}
        </FileButton>
      </Group>
      {kind === 'import' && (
        <Stepper active={active} onStepClick={onStepClick} size="sm" aria-label="Import steps">
          {IMPORT_STEPS.map((s) => (
            <Stepper.Step key={s} label={LABELS[s]} allowStepSelect={REVISITABLE.includes(step) && REVISITABLE.includes(s) && IMPORT_STEPS.indexOf(s) < active} />
          ))}
        </Stepper>
      )}
      {error && step !== 'run' && <ErrorAlert error={error} onClose={() => flow.getState().clearError()} />}
      <section aria-label={`${LABELS[step]} step`}>
        <VisuallyHidden>
          <Text>{LABELS[step]}</Text>
        </VisuallyHidden>
        {step === 'file' && <FileStep />}
        {step === 'mapping' && <MappingStep />}
        {step === 'review' && <ReviewStep />}
        {step === 'options' && (validated ? <OptionsStep /> : <Text c="dimmed">Validate the rows first.</Text>)}
        {step === 'run' && <RunPanel />}
        {step === 'report' && <ReportStep onApplyRecipe={applyRecipe} />}
      </section>
      <Divider />
      <Title order={3} size="h4">
        Past imports
      </Title>
      <PastImports />
    </Stack>
  );
}
