// The profile's History section: this lead's writes (every source), newest first, live, with "Older".
import { Button, Group, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert';
import { HistoryEntryView } from '../history/history-entry';
import { useHistory, useHistoryStore } from '../history/use-history';
import { useWorkspace } from '../leads/workspace-context';

const PROFILE_PAGE = 10;

/** Mount with `key={leadId}`: a different lead is a different list. */
export function LeadHistory({ leadId }: { leadId: string }) {
  const { accountId } = useWorkspace();
  const store = useHistoryStore(accountId, { leadId }, PROFILE_PAGE);
  const entries = useHistory(store, (s) => s.entries);
  const loading = useHistory(store, (s) => s.loading);
  const error = useHistory(store, (s) => s.error);
  const more = useHistory(store, (s) => s.nextBeforeId !== null);
  return (
    <Stack gap={0}>
      {error && <ErrorAlert error={error} title="History could not be read" />}
      {/* A feed holds articles only (ARIA), so its empty note is one; the error and "Older" stay outside it. */}
      <Stack gap={0} aria-label="Lead history" role="feed" aria-busy={loading}>
        {entries.map((entry) => (
          <HistoryEntryView key={entry.id} entry={entry} showLead={false} />
        ))}
        {entries.length === 0 && !error && (
          <Text size="sm" c="dimmed" component="article">
            {loading ? 'Reading…' : 'No writes to this lead from Lead Desk yet.'}
          </Text>
        )}
      </Stack>
      {more && (
        <Group pt="xs">
          <Button variant="subtle" size="compact-xs" loading={loading} onClick={() => void store.getState().older()}>
            Older
          </Button>
        </Group>
      )}
    </Stack>
  );
}
