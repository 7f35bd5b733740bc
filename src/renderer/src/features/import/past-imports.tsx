// Past imports and recipe runs (jobs.list, kept fresh by job.progress): status, counts, dates; open one to see or resume it.
import { Badge, Button, Table, Text } from '@mantine/core';
import type { JobProgress } from '../../../../shared/domain/import';
import { ErrorAlert } from '../../components/error-alert';
import { useBulk, useJobs } from './import-context';
import { STATUS_LABELS, count, when } from './format';
import { sortedJobs } from './jobs-store';

const COLORS: Record<string, string> = { running: 'blue', paused: 'yellow', finished: 'teal', failed: 'red', cancelled: 'gray' };

export function PastImports() {
  const { flow } = useBulk();
  const jobs = useJobs((s) => s.jobs);
  const loaded = useJobs((s) => s.loaded);
  const error = useJobs((s) => s.error);
  const list = sortedJobs(jobs).filter((j) => j.status !== 'uploading');
  if (error) return <ErrorAlert error={error} title="Past imports could not be read" />;
  if (!loaded) return <Text c="dimmed">Reading past imports…</Text>;
  if (list.length === 0) return <Text c="dimmed">No imports yet.</Text>;
  return (
    // A column per outcome: tighter cells, and a sideways scroll rather than a cut-off Report button on a narrow window.
    <Table.ScrollContainer minWidth={900}>
    <Table striped withTableBorder horizontalSpacing="xs" aria-label="Past imports">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Rows</Table.Th>
          <Table.Th>Created</Table.Th>
          <Table.Th>Updated</Table.Th>
          <Table.Th>Unchanged</Table.Th>
          <Table.Th>Failed</Table.Th>
          <Table.Th title="Rows with errors: never sent">Invalid</Table.Th>
          <Table.Th title="Rows excluded in the review: never sent">Excluded</Table.Th>
          <Table.Th>Started</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.map((job) => (
          <Table.Tr key={job.jobId}>
            <Table.Td>
              {job.kind === 'recipe' ? 'Recipe: ' : ''}
              {job.name}
            </Table.Td>
            <Table.Td>
              {/* Never cut to "FI…": with a column per outcome the table is tight at 1024 px. */}
              <Badge variant="light" color={COLORS[job.status] ?? 'gray'} style={{ minWidth: 'max-content' }}>
                {STATUS_LABELS[job.status] ?? job.status}
              </Badge>
            </Table.Td>
            <Table.Td>{count(job.counts.total)}</Table.Td>
            {/* Every row in exactly one column: they add up to Rows once the import finished. */}
            <Table.Td>{count(job.counts.created)}</Table.Td>
            <Table.Td>{count(job.counts.updated)}</Table.Td>
            <Table.Td>{count(job.counts.unchanged)}</Table.Td>
            <Table.Td>{count(job.counts.failed)}</Table.Td>
            <Table.Td>{count(job.counts.invalid)}</Table.Td>
            <Table.Td>{count(job.counts.excluded)}</Table.Td>
            <Table.Td>{when(job.createdAt)}</Table.Td>
            <Table.Td>
              <Button size="xs" variant="default" onClick={() => void flow.getState().openJob(job)} aria-label={`Open ${job.name}`}>
                {openLabel(job)}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
    </Table.ScrollContainer>
  );
}

function openLabel(job: JobProgress): string {
  if (job.status === 'running') return 'Show progress';
  if (job.status === 'paused') return 'Resume…';
  if (job.status === 'finished' || job.status === 'cancelled' || job.status === 'failed') return 'Report';
  return 'Continue';
}
