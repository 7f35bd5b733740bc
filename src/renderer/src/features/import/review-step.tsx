// Step 3: the validated rows with counts, the plan (each class a filter) and a filter; fix cells inline or exclude
// rows, then go on to the options.
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert';
import { useBulk, useImportFlow, useReview } from './import-context';
import { Count } from './count';
import { count } from './format';
import { BulkFixPanel } from './bulk-fix-panel';
import { PlanSummary } from './plan-summary';
import { usePlan } from './use-plan';
import { ReviewTable } from './review-table';
import { UnknownNamesAlert } from './unknown-names-alert';
import type { RowFilter } from './review-store';

const FILTERS: { value: RowFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'errors', label: 'With errors' },
  { value: 'excluded', label: 'Excluded' },
];

export function ReviewStep() {
  const { review } = useBulk();
  const headers = useImportFlow((s) => s.analysis?.headers ?? []);
  const counts = useImportFlow((s) => s.progress?.counts);
  const goTo = useImportFlow((s) => s.goTo);
  const filter = useReview((s) => s.filter);
  const total = useReview((s) => s.total);
  const error = useReview((s) => s.error);
  const plan = usePlan();
  const shownFilter = FILTERS.some((f) => f.value === filter) ? filter : '';

  return (
    <Stack gap="sm">
      {counts && (
        <Group gap="lg" role="group" aria-label="Row counts">
          <Count label="Total" value={counts.total} />
          <Count label="Ready" value={counts.ready} color="green" />
          <Count label="With errors" value={counts.invalid} color={counts.invalid > 0 ? 'red' : undefined} />
          <Count label="Excluded" value={counts.excluded} />
        </Group>
      )}
      {plan.plan && <PlanSummary view={{ ...plan, plan: plan.plan }} />}
      <UnknownNamesAlert />
      {counts && counts.invalid > 0 && <BulkFixPanel />}
      <Group justify="space-between">
        <SegmentedControl
          aria-label="Show rows"
          data={FILTERS}
          value={shownFilter}
          onChange={(value) => review.getState().setFilter(value as RowFilter)}
        />
        <Text size="sm" c="dimmed">
          {total === null ? 'Loading rows…' : `${count(total)} ${total === 1 ? 'row' : 'rows'} shown. Click a cell to fix it; Enter saves.`}
        </Text>
      </Group>
      {error && <ErrorAlert error={error} title="The change was not saved" />}
      <ReviewTable headers={headers} editable />
      <Group>
        <Button variant="default" onClick={() => goTo('mapping')}>
          Back to mapping
        </Button>
        <Button onClick={() => goTo('options')} disabled={!counts || counts.ready === 0}>
          Continue to options
        </Button>
        {counts && counts.invalid > 0 && (
          <Text size="sm" c="dimmed">
            Rows with errors are not imported unless fixed.
          </Text>
        )}
      </Group>
    </Stack>
  );
}
