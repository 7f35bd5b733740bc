// Settings → Local cache: how many leads this account has cached and what the database takes on disk; "Refresh all
// from Kartra" (every cached lead read again, on the bulk lane, behind user clicks and queued changes) and "Clear".
import { Button, Group, Modal, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { unwrap } from '../../api/unwrap';
import { RefreshIcon } from '../../components/icons';
import { bytes, count, eta } from '../import/format';
import { useWorkspace } from '../leads/workspace-context';
import type { SettingsData } from './use-settings';

export function CacheSection({ data }: { data: SettingsData }) {
  const { api, search } = useWorkspace();
  const [confirming, setConfirming] = useState(false);
  const { view, refresh } = data;
  const cache = view?.cache ?? null;
  const running = refresh?.status === 'running';

  const refreshAll = async () => {
    const state = await data.run(() => unwrap(api.settings.refreshCache({})));
    if (state) data.setRefresh(state);
  };
  const clear = async () => {
    setConfirming(false);
    const done = await data.run(() => unwrap(api.settings.clearCache({})));
    if (done) {
      search.getState().refresh();
      await data.reload();
    }
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="settings-cache">
      <Title order={3} size="h4" id="settings-cache">
        Local cache
      </Title>
      <Text size="sm" c="dimmed">
        Every lead Lead Desk has read is kept on this computer, so search, views and exports work offline and at once.
      </Text>
      {view && (
        <Text size="sm" data-testid="cache-size">
          {cache ? `${count(cache.leads)} lead${cache.leads === 1 ? '' : 's'} cached for this account` : 'No account connected'}
          {cache && cache.fromFile > 0 ? ` (${count(cache.fromFile)} known only from a file)` : ''} · database on disk {bytes(view.databaseBytes)}
        </Text>
      )}
      {running && refresh && (
        <Stack gap={4} role="status" aria-label="Refreshing the cache">
          <Progress value={refresh.total ? (refresh.done / refresh.total) * 100 : 0} aria-label="Refresh progress" />
          <Text size="xs" c="dimmed">
            Read {count(refresh.done)} of {count(refresh.total)} from Kartra · about {eta(refresh.etaSec)} left
          </Text>
        </Stack>
      )}
      {refresh && refresh.status !== 'running' && refresh.status !== 'idle' && (
        <Text size="xs" c="dimmed" role="status">
          Last refresh: {count(refresh.found)} updated, {count(refresh.missing)} unknown to Kartra, {count(refresh.failed)} failed
          {refresh.error ? ` — ${refresh.error}` : ''}
        </Text>
      )}
      <Group gap="sm">
        <Button variant="default" leftSection={<RefreshIcon size={14} />} loading={running} disabled={!cache || cache.leads === 0} onClick={() => void refreshAll()}>
          Refresh all from Kartra
        </Button>
        <Button variant="default" color="red" disabled={!cache || cache.leads === 0 || running} onClick={() => setConfirming(true)}>
          Clear cache…
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Clear the local cache?">
        <Stack gap="sm">
          <Text size="sm">
            This removes the {count(cache?.leads ?? 0)} cached leads of this account from this computer. Nothing changes in
            Kartra, and pending changes, History and saved views stay. Leads are cached again as you open, search or import them.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="red" onClick={() => void clear()}>
              Clear cache
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
