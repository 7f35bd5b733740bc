// Step 6: the outcome — counts, the rows that failed or were skipped with Kartra's reason, and their CSV to fix and drop again.
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { useBulk, useImportFlow, useReview } from './import-context';
import { downloadText } from './download';
import { STATUS_LABELS, count } from './format';
import { Count } from './count';

const SHOWN = 100;
/** A run that ended: its result CSV tells every row's outcome. */
const DONE = ['finished', 'cancelled', 'failed'];

export function ReportStep({ onApplyRecipe }: { onApplyRecipe?: (jobId: string) => void }) {
  const { review } = useBulk();
  const progress = useImportFlow((s) => s.progress);
  const busy = useImportFlow((s) => s.busy);
  const error = useImportFlow((s) => s.error);
  const exportFailed = useImportFlow((s) => s.exportFailed);
  const exportResult = useImportFlow((s) => s.exportResult);
  const reset = useImportFlow((s) => s.reset);
  const rows = useReview((s) => s.rows);
  const total = useReview((s) => s.total);
  const jobId = progress?.jobId ?? null;
  const status = progress?.status;

  // The failed, skipped and invalid rows, read again whenever the job's outcome changes.
  useEffect(() => {
    if (jobId !== null) review.getState().reset(jobId, 'failed');
  }, [review, jobId, status]);

  if (!progress) return null;
  const c = progress.counts;
  const problems = c.failed + c.unchanged + c.invalid;
  const shown = Object.entries(rows)
    .map(([, row]) => row)
    .slice(0, SHOWN);
  const download = async (which: 'failed' | 'result') => {
    const file = await (which === 'failed' ? exportFailed() : exportResult());
    if (file) downloadText(file.fileName, file.csv);
  };

  return (
    <Stack gap="sm">
      <Text fw={600}>
        {progress.name} — {STATUS_LABELS[progress.status] ?? progress.status}
      </Text>
      {progress.error && <Text c="red">{progress.error}</Text>}
      <Group gap="lg" role="group" aria-label="Import report">
        <Count label="Created" value={c.created} color="teal" />
        <Count label="Updated" value={c.updated} color="blue" />
        <Count label="Unchanged" value={c.unchanged} />
        <Count label="Failed" value={c.failed} color={c.failed > 0 ? 'red' : undefined} />
        <Count label="Not imported (errors)" value={c.invalid} />
        <Count label="Excluded" value={c.excluded} />
      </Group>
      {error && <ErrorAlert error={error} />}
      {problems > 0 && (
        <>
          <Text size="sm">
            {count(total ?? problems)} rows were not imported{total !== null && total > SHOWN ? ` (the first ${SHOWN} are shown)` : ''}:
          </Text>
          <Table withTableBorder striped aria-label="Rows not imported">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((row) => (
                <Table.Tr key={row.row}>
                  <Table.Td>{row.row}</Table.Td>
                  <Table.Td>{emailOf(row.values)}</Table.Td>
                  <Table.Td>{row.status}</Table.Td>
                  <Table.Td>{row.outcome ?? row.errors.map((e) => `${e.column}: ${e.message}`).join('; ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Group>
        {/* The export holds the rows to fix and drop again (failed and invalid); skipped rows need no fixing. */}
        {c.failed + c.invalid > 0 && (
          <Button variant="default" onClick={() => void download('failed')} loading={busy === 'export'}>
            Download failed rows (CSV)
          </Button>
        )}
        {progress.kind === 'import' && DONE.includes(progress.status) && (
          <Button variant="default" onClick={() => void download('result')} loading={busy === 'export'} title="Every row of the file with its outcome and Kartra lead id">
            Download the result (CSV)
          </Button>
        )}
        {onApplyRecipe && progress.kind === 'import' && c.created + c.updated > 0 && (
          <Button variant="default" onClick={() => onApplyRecipe(progress.jobId)}>
            Apply a recipe to these leads…
          </Button>
        )}
        <Button onClick={reset}>Import another file</Button>
      </Group>
    </Stack>
  );
}

function emailOf(values: Record<string, string>): string {
  const key = Object.keys(values).find((k) => /e-?mail/i.test(k));
  return key ? (values[key] ?? '') : '';
}
