// Step 5 (also a recipe run): live progress from job.progress — bar, rates, ETA, outcome counts — with Pause / Resume / Cancel.
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../../shared/domain/import';
import type { LimiterState } from '../../../../shared/domain/limiter';
import { ErrorAlert } from '../../components/error-alert';
import { useBulk, useImportFlow } from './import-context';
import { STATUS_LABELS, count, eta, rate } from './format';
import { Count } from './count';

/** Rows settled and rows in this run (settled + still ready), from the counts. */
export function runShare(progress: JobProgress): { settled: number; planned: number; percent: number } {
  const c = progress.counts;
  const settled = c.created + c.updated + c.skipped + c.failed;
  const planned = settled + c.ready;
  return { settled, planned, percent: planned === 0 ? 100 : Math.round((settled / planned) * 1000) / 10 };
}

/**
 * Requests that started at Kartra in the last second, from the rate limiter itself (`limiter.state`): the one number
 * that cannot exceed the limit, whatever the job estimates. Interactive and outbox requests count too — they share it.
 */
function RequestsPerSecond() {
  const { api } = useBulk();
  const [limiter, setLimiter] = useState<LimiterState | null>(null);
  // The limiter pushes its state while requests move (at most ~10 a second); one app_id per connected account.
  useEffect(() => api.on('limiter.state', setLimiter), [api]);
  return <Stat label="Requests/s" value={limiter ? `${limiter.startsLastSecond} of ${limiter.limit}` : '—'} />;
}

export function RunPanel() {
  const progress = useImportFlow((s) => s.progress);
  const busy = useImportFlow((s) => s.busy);
  const error = useImportFlow((s) => s.error);
  const control = useImportFlow((s) => s.control);
  if (!progress) return null;
  const { settled, planned, percent } = runShare(progress);
  const running = progress.status === 'running';
  const paused = progress.status === 'paused';
  const noun = progress.kind === 'recipe' ? 'recipe run' : 'import';

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600}>
          {progress.name} — {STATUS_LABELS[progress.status] ?? progress.status}
        </Text>
        <Text size="sm" c="dimmed">
          {count(settled)} of {count(planned)} rows
        </Text>
      </Group>
      <Progress value={percent} aria-label="Import progress" size="lg" animated={running} />
      <Group gap="lg" role="group" aria-label="Run statistics">
        <Stat label="Rows done" value={count(settled)} />
        <Stat label="Rows/s" value={rate(progress.rowsPerSec)} />
        <RequestsPerSecond />
        <Stat label="ETA" value={running ? eta(progress.etaSec) : '—'} />
      </Group>
      <Group gap="lg" role="group" aria-label="Outcomes">
        <Count label="Created" value={progress.counts.created} color="teal" />
        <Count label="Updated" value={progress.counts.updated} color="blue" />
        <Count label="Unchanged" value={progress.counts.unchanged} />
        <Count label="Failed" value={progress.counts.failed} color={progress.counts.failed > 0 ? 'red' : undefined} />
      </Group>
      {progress.error && <Text c="red" size="sm">{progress.error}</Text>}
      {error && <ErrorAlert error={error} />}
      <Group>
        {running && (
          <Button variant="default" onClick={() => void control('pause')} loading={busy === 'control'}>
            Pause
          </Button>
        )}
        {paused && (
          <Button onClick={() => void control('resume')} loading={busy === 'control'}>
            Resume
          </Button>
        )}
        {(running || paused) && (
          <Button color="red" variant="light" onClick={() => void control('cancel')} disabled={busy === 'control'} aria-label={progress.kind === 'recipe' ? 'Cancel recipe run' : 'Cancel import'}>
            Cancel {noun}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        You can leave this screen and keep working: the {noun} goes on, and the indicator at the top shows its progress.
      </Text>
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}
