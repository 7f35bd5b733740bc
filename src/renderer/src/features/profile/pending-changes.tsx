// This lead's queued changes: each with its state, Kartra's reason when it failed (retry or discard), and
// the fields to settle when it conflicts with a change made in Kartra meanwhile.
import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { OutboxItemView } from '../../../../shared/domain/outbox';
import { fieldLabel } from '../lead-editor/lead-fields';
import { useOutbox, useWorkspace } from '../leads/workspace-context';
import { ResolveConflictButtons } from '../outbox-status/resolve-conflict-buttons';
import { PendingBadge } from './pending-badge';
import type { PendingStatus } from './pending-overlay';

export function PendingChanges({ items }: { items: OutboxItemView[] }) {
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label="Pending changes">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          Changes waiting for Kartra ({items.length})
        </Text>
        <Stack role="list" aria-label="Pending changes" gap={6}>
          {items.map((item) => (
            <PendingItem key={item.id} item={item} />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function PendingItem({ item }: { item: OutboxItemView }) {
  const { outbox } = useWorkspace();
  const busy = useOutbox((s) => s.busy.includes(item.id));
  const status = item.status as PendingStatus;
  return (
    <Stack role="listitem" aria-label={`${item.summary} (${status.replace('_', ' ')})`} gap={4} data-outbox-id={item.id} data-status={status}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Group gap="xs" wrap="nowrap">
          <Text size="sm">{item.summary}</Text>
          <PendingBadge status={status} />
          {item.madeOffline && (
            <Text size="xs" c="dimmed">
              made offline
            </Text>
          )}
        </Group>
        {status === 'failed' && (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="light" loading={busy} onClick={() => void outbox.getState().retry([item.id])} aria-label={`Retry change ${item.id}`}>
              Retry
            </Button>
            <Button size="compact-xs" variant="subtle" color="gray" disabled={busy} onClick={() => void outbox.getState().discard([item.id])} aria-label={`Discard change ${item.id}`}>
              Discard
            </Button>
          </Group>
        )}
      </Group>
      {status === 'failed' && item.error && (
        <Text size="xs" c="red">
          {item.error.message}
        </Text>
      )}
      {status === 'conflict' && item.conflict && (
        <Stack gap={4}>
          <Text size="xs">Changed in Kartra while this waited. Which values should stay?</Text>
          <Table fz="xs" verticalSpacing={2} aria-label={`Conflict of change ${item.id}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Field</Table.Th>
                <Table.Th>You saw</Table.Th>
                <Table.Th>Yours</Table.Th>
                <Table.Th>Kartra now</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.conflict.map((c) => (
                <Table.Tr key={c.field}>
                  <Table.Td>{fieldLabel(c.field)}</Table.Td>
                  <Table.Td>{c.seen || '—'}</Table.Td>
                  <Table.Td>{c.mine || '—'}</Table.Td>
                  <Table.Td>{c.theirs || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ResolveConflictButtons itemId={item.id} />
        </Stack>
      )}
    </Stack>
  );
}
