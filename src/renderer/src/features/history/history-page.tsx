// The History page: every write to Kartra of every source, newest first, with filters, "Older" paging, live
// updates (a write queued or settled anywhere shows here at once) and Undo of an entry or of a whole run.
import { Button, Center, Group, Loader, Modal, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { HistoryEntry } from '../../../../shared/domain/history';
import { ErrorAlert } from '../../components/error-alert';
import { RefreshIcon } from '../../components/icons';
import { useWorkspace } from '../leads/workspace-context';
import { HistoryEntryView } from './history-entry';
import { HistoryFilters } from './history-filters';
import { useHistory, useHistoryStore } from './use-history';
import { useUndo } from './use-undo';

export function HistoryPage({ onOpenLead }: { onOpenLead(id: string): void }) {
  const { accountId, api } = useWorkspace();
  const store = useHistoryStore(accountId);
  // After an undo is queued the list is read again: the undone entries then say so.
  const { undoEntry, undoRun, pending } = useUndo(api, () => void store.getState().load());
  // A whole run is undone only after the user confirmed it.
  const [confirmRun, setConfirmRun] = useState<HistoryEntry | null>(null);
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
            <HistoryEntryView
              key={entry.id}
              entry={entry}
              onOpenLead={onOpenLead}
              onUndo={(e) => void undoEntry(e)}
              onUndoRun={setConfirmRun}
              undoing={pending.has(entry.id)}
            />
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
      <Modal opened={confirmRun !== null} onClose={() => setConfirmRun(null)} title="Undo the whole run?" centered>
        <Stack gap="sm">
          <Text size="sm">
            Every lead this run changed gets the inverse change (a tag it added is removed, a list it subscribed is unsubscribed, points go back, a field gets its
            value before). Leads it skipped are left alone; leads it created stay, since Kartra's API cannot remove them.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmRun(null)}>
              Keep it
            </Button>
            <Button
              color="red"
              onClick={() => {
                const jobId = confirmRun?.jobId;
                setConfirmRun(null);
                if (jobId) void undoRun(jobId);
              }}
            >
              Undo the run
            </Button>
          </Group>
        </Stack>
      </Modal>
    </ScrollArea>
  );
}
