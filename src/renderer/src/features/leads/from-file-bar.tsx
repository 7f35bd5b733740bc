// The line above the Leads table while some cached leads came from a file: how many, and "Refresh from Kartra"
// (one read each on the bulk lane) with its progress and time left; the table re-reads as leads come back.
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CacheRefreshState } from '../../../../shared/domain/local-leads';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';
import { ErrorAlert } from '../../components/error-alert';
import { useLeadSearch, useWorkspace } from './workspace-context';

/** Kartra's limit: at most 20 requests start in any second. */
const PER_SECOND = 20;

export function FromFileBar() {
  const { api, search } = useWorkspace();
  const total = useLeadSearch((s) => s.total);
  const [state, setState] = useState<CacheRefreshState | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  // Re-read when the table's count changes (a file was just added) and follow a run's progress.
  useEffect(() => {
    void unwrap(api.leads.refreshState({})).then(setState, () => undefined);
  }, [api, total]);
  useEffect(
    () =>
      api.on('leads.refresh', (next) => {
        setState(next);
        search.getState().refresh();
      }),
    [api, search],
  );

  if (!state) return null;
  const running = state.status === 'running';
  if (!running && state.fromFile === 0 && state.status !== 'stopped') return null;
  const start = async () => {
    setError(null);
    try {
      setState(await unwrap(api.leads.refreshFromKartra({})));
    } catch (e) {
      setError(toErrorData(e));
    }
  };
  return (
    <Stack gap={4} role="region" aria-label="Leads from a file">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {running
            ? `Reading ${state.total.toLocaleString()} leads from Kartra: ${state.done.toLocaleString()} done${state.etaSec !== null ? `, about ${formatEta(state.etaSec)} left` : ''}.`
            : `${state.fromFile.toLocaleString()} ${state.fromFile === 1 ? 'lead comes' : 'leads come'} from a file and ${state.fromFile === 1 ? 'has' : 'have'} not been read from Kartra yet — one look-up each, about ${formatEta(Math.ceil(state.fromFile / PER_SECOND))} in all.`}
          {state.status === 'done' && state.missing > 0 && ` ${state.missing.toLocaleString()} not in Kartra (marked).`}
        </Text>
        {!running && state.fromFile > 0 && (
          // A short label, never cut at 1024 px: the cost is in the sentence beside it.
          <Button size="xs" variant="light" onClick={() => void start()} style={{ flexShrink: 0 }}>
            Refresh from Kartra
          </Button>
        )}
      </Group>
      {running && <Progress value={state.total ? (state.done / state.total) * 100 : 0} aria-label="Refresh progress" size="sm" />}
      {state.status === 'stopped' && state.error && <Text size="sm" c="orange">{state.error}</Text>}
      {error && <ErrorAlert error={error} title="The refresh could not start" onClose={() => setError(null)} />}
    </Stack>
  );
}

export function formatEta(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
