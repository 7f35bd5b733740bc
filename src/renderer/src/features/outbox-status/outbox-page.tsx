// The outbox page: every change still waiting for Kartra (or failed, or in conflict) for this account,
// with retry / discard, and the badge that shows how many are waiting from anywhere in the workspace.
import { Alert, Badge, Button, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { OutboxItemView } from '../../../../shared/domain/outbox';
import { ErrorAlert } from '../../components/error-alert';
import { RefreshIcon } from '../../components/icons';
import { useSession } from '../../stores/stores-context';
import { formatAge } from '../leads/format';
import { useOutbox, useWorkspace } from '../leads/workspace-context';
import { PendingBadge } from '../profile/pending-badge';
import { editableFields, OutboxItemDetails } from './outbox-item-details';
import type { PendingStatus } from '../profile/pending-overlay';

/** Changes waiting plus those needing the user, for the tab's badge. */
export function useOutboxCount(): { waiting: number; attention: number } {
  const state = useOutbox((s) => s.state);
  if (!state) return { waiting: 0, attention: 0 };
  const { pending, inFlight, failed, conflict, needsCheck = 0 } = state.counts;
  return { waiting: pending + inFlight, attention: failed + conflict + needsCheck };
}

/** The Outbox tab's count (the workspace shell tells the status bar how to open this page). */
export function OutboxBadge() {
  const { waiting, attention } = useOutboxCount();
  if (waiting + attention === 0) return null;
  return (
    <Badge size="sm" circle={false} color={attention > 0 ? 'red' : 'gray'} variant={attention > 0 ? 'filled' : 'light'} aria-label={`${waiting} waiting, ${attention} need attention`}>
      {waiting + attention}
    </Badge>
  );
}

export function OutboxPage({ onOpenLead }: { onOpenLead(id: string): void }) {
  const { outbox } = useWorkspace();
  const items = useOutbox((s) => s.items);
  const state = useOutbox((s) => s.state);
  const loading = useOutbox((s) => s.loading);
  const error = useOutbox((s) => s.error);
  const online = useSession((s) => s.status?.online ?? true);
  const failed = items.filter((i) => i.status === 'failed').map((i) => i.id);
  // In flight: Kartra may be applying it. Needs a check: settled with Send again / It's fine, not discarded.
  const discardable = items.filter((i) => i.status !== 'in_flight' && i.status !== 'needs_check').map((i) => i.id);
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars>
      <Stack gap="md" pb="md">
        <Group justify="space-between">
          <Title order={2} size="h3">
            Outbox
          </Title>
          <Group gap="xs">
            <Button variant="default" disabled={failed.length === 0} onClick={() => void outbox.getState().retry(failed)}>
              Retry failed ({failed.length})
            </Button>
            {confirmDiscard ? (
              <Button
                color="red"
                disabled={discardable.length === 0}
                onClick={() => {
                  setConfirmDiscard(false);
                  void outbox.getState().discard(discardable);
                }}
                onBlur={() => setConfirmDiscard(false)}
              >
                Really discard {discardable.length}?
              </Button>
            ) : (
              <Button variant="default" color="red" disabled={discardable.length === 0} onClick={() => setConfirmDiscard(true)}>
                Discard all ({discardable.length})
              </Button>
            )}
            <Button variant="default" leftSection={<RefreshIcon size={14} />} loading={loading} onClick={() => void outbox.getState().load()}>
              Reload
            </Button>
          </Group>
        </Group>
        {!online && (
          <Alert color="yellow" variant="light" role="status" title="Offline">
            Changes wait here and are sent in order when Kartra can be reached again
            {state?.nextProbeAt ? ` (next try in ${Math.max(1, Math.round((state.nextProbeAt - Date.now()) / 1000))} s)` : ''}.
          </Alert>
        )}
        {error && <ErrorAlert error={error} title="The outbox could not be changed" />}
        {items.length === 0 ? (
          <Text c="dimmed">Nothing is waiting: every change reached Kartra.</Text>
        ) : (
          <Table aria-label="Outbox" fz="sm" verticalSpacing={6} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Lead</Table.Th>
                <Table.Th>Change</Table.Th>
                <Table.Th style={{ minWidth: 120 }}>State</Table.Th>
                <Table.Th>Queued</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <OutboxRow key={item.id} item={item} onOpenLead={onOpenLead} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </ScrollArea>
  );
}

function OutboxRow({ item, onOpenLead }: { item: OutboxItemView; onOpenLead(id: string): void }) {
  const { outbox } = useWorkspace();
  const busy = useOutbox((s) => s.busy.includes(item.id));
  const status = item.status as PendingStatus;
  const [editing, setEditing] = useState(false);
  const canEdit = status !== 'in_flight' && editableFields(item).length > 0;
  return (
    <Table.Tr data-outbox-id={item.id} data-status={status}>
      <Table.Td>
        {item.leadId ? (
          <Button size="compact-xs" variant="subtle" onClick={() => onOpenLead(item.leadId!)}>
            {item.leadEmail || `Lead ${item.leadId}`}
          </Button>
        ) : (
          item.leadEmail
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.summary}</Text>
        <OutboxItemDetails item={item} editing={editing} onDoneEditing={() => setEditing(false)} />
      </Table.Td>
      <Table.Td>
        <PendingBadge status={status} />
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {formatAge(item.createdAt)}
          {item.madeOffline ? ' · offline' : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        {(status === 'failed' || status === 'conflict' || status === 'pending') && (
          <Group gap={4} wrap="nowrap" justify="flex-end">
            {status === 'failed' && (
              <Button size="compact-xs" variant="light" loading={busy} onClick={() => void outbox.getState().retry([item.id])} aria-label={`Retry change ${item.id}`}>
                Retry
              </Button>
            )}
            {canEdit && !editing && (
              <Button size="compact-xs" variant="subtle" disabled={busy} onClick={() => setEditing(true)} aria-label={`Edit change ${item.id}`}>
                Edit
              </Button>
            )}
            <Button size="compact-xs" variant="subtle" color="gray" disabled={busy} onClick={() => void outbox.getState().discard([item.id])} aria-label={`Discard change ${item.id}`}>
              Discard
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
