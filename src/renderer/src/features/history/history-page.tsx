// The History page: every write to Kartra of every source, newest first, with filters, "Older" paging and
// live updates (a write queued or settled anywhere shows here at once).
import { Button, Center, Group, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert';
import { RefreshIcon } from '../../components/icons';
import { useWorkspace } from '../leads/workspace-context';
import { HistoryEntryView } from './history-entry';
import { HistoryFilters } from './history-filters';
import { useHistory, useHistoryStore } from './use-history';

export function HistoryPage({ onOpenLead }: { onOpenLead(id: string): void }) {
  const { accountId } = useWorkspace();
  const store = useHistoryStore(accountId);
  const query = useHistory(store, (s) => s.query);
  const entries = useHistory(store, (s) => s.entries);
  const loading = useHistory(store, (s) => s.loading);
  const error = useHistory(store, (s) => s.error);
  const more = useHistory(store, (s) => s.nextBeforeId !== null);

  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars>
      <Stack gap="sm" pb="md">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3">
            History
          </Title>
          <Button variant="default" leftSection={<RefreshIcon size={14} />} loading={loading} onClick={() => void store.getState().load()}>
            Reload
          </Button>
        </Group>
        <HistoryFilters query={query} onChange={(next) => void store.getState().setQuery(next)} />
        {error && <ErrorAlert error={error} title="History could not be read" />}
        <Stack gap={0} aria-label="History" role="feed" aria-busy={loading}>
          {entries.map((entry) => (
            <HistoryEntryView key={entry.id} entry={entry} onOpenLead={onOpenLead} />
          ))}
          {/* A feed holds articles only (ARIA): its empty note is one. */}
          {entries.length === 0 && !loading && (
            <Text c="dimmed" component="article">
              {error ? 'No entries to show.' : 'No writes match these filters.'}
            </Text>
          )}
        </Stack>
        {loading && entries.length === 0 && (
          <Center py="md">
            <Loader size="sm" aria-label="Loading history" />
          </Center>
        )}
        {more && (
          <Group justify="center">
            <Button variant="default" size="xs" loading={loading} onClick={() => void store.getState().older()}>
              Older
            </Button>
          </Group>
        )}
      </Stack>
    </ScrollArea>
  );
}
