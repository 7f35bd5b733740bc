// What one outbox row shows under its summary: Kartra's reason when it failed, both values of a conflict
// with keep mine / keep Kartra's, what was sent and what Kartra shows for a write that needs the user's check
// (send again / it's fine), and a small form to change the values a queued edit will send.
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { EditLeadChanges } from '../../../../shared/domain/lead-input';
import type { OutboxItemView } from '../../../../shared/domain/outbox';
import { fieldLabel } from '../lead-editor/lead-fields';
import { useOutbox, useWorkspace } from '../leads/workspace-context';
import { ResolveConflictButtons } from './resolve-conflict-buttons';

/** The text fields (and new email) a queued edit sends: the ones the edit form can change here. */
export function editableFields(item: OutboxItemView): [string, string][] {
  if (item.change.kind !== 'edit') return [];
  return Object.entries(item.change.changes).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

export function OutboxItemDetails({ item, editing, onDoneEditing }: { item: OutboxItemView; editing: boolean; onDoneEditing(): void }) {
  return (
    <Stack gap={4}>
      {item.error && item.status === 'failed' && (
        <Text size="xs" c="red">
          Kartra said: {item.error.message}
        </Text>
      )}
      {item.status === 'conflict' && <ConflictChoice item={item} />}
      {item.status === 'needs_check' && <CheckChoice item={item} />}
      {editing && <EditQueued item={item} onDone={onDoneEditing} />}
    </Stack>
  );
}

function ConflictChoice({ item }: { item: OutboxItemView }) {
  return (
    <Stack gap={2} aria-label={`Conflict of change ${item.id}`} role="group">
      <Text size="xs" c="orange">
        Changed in Kartra while this waited:
      </Text>
      {(item.conflict ?? []).map((c) => (
        <Text size="xs" key={c.field}>
          {fieldLabel(c.field)}: yours “{c.mine || '—'}” · Kartra now “{c.theirs || '—'}” (you saw “{c.seen || '—'}”)
        </Text>
      ))}
      <ResolveConflictButtons itemId={item.id} />
    </Stack>
  );
}

/** Never re-sent on its own: the user looks at Kartra and decides. */
function CheckChoice({ item }: { item: OutboxItemView }) {
  const { outbox } = useWorkspace();
  const busy = useOutbox((s) => s.busy.includes(item.id));
  return (
    <Stack gap={2} aria-label={`Check of change ${item.id}`} role="group">
      <Text size="xs" c="yellow.8">
        Kartra’s answer did not say whether this was applied, and Lead Desk cannot tell by reading Kartra. Check in Kartra, then decide:
      </Text>
      <Text size="xs">
        <Text span size="xs" fw={600}>
          Sent:
        </Text>{' '}
        {item.check?.sent ?? item.summary}
      </Text>
      <Text size="xs">
        <Text span size="xs" fw={600}>
          Kartra shows:
        </Text>{' '}
        {item.check?.kartraShows ?? 'nothing that tells'}
      </Text>
      <Group gap={4}>
        <Button size="compact-xs" variant="light" loading={busy} onClick={() => void outbox.getState().settleCheck(item.id, 'send_again')} aria-label={`Send change ${item.id} again`}>
          Send again
        </Button>
        <Button size="compact-xs" variant="default" disabled={busy} onClick={() => void outbox.getState().settleCheck(item.id, 'fine')} aria-label={`Change ${item.id} is fine`}>
          It’s fine
        </Button>
      </Group>
    </Stack>
  );
}

function EditQueued({ item, onDone }: { item: OutboxItemView; onDone(): void }) {
  const { outbox } = useWorkspace();
  const busy = useOutbox((s) => s.busy.includes(item.id));
  const fields = editableFields(item);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields));
  if (item.change.kind !== 'edit') return null;
  const base = item.change.changes;
  const save = async () => {
    // Only the text values change here; custom fields and the rest of the queued edit stay as they were.
    const changes = { ...base, ...values } as EditLeadChanges;
    if (await outbox.getState().edit(item.id, changes)) onDone();
  };
  return (
    <form
      aria-label={`Edit queued change ${item.id}`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Group gap="xs" align="flex-end">
        {fields.map(([key]) => (
          <TextInput
            key={key}
            size="xs"
            label={fieldLabel(key)}
            value={values[key] ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setValues((v) => ({ ...v, [key]: value }));
            }}
          />
        ))}
        <Button size="compact-xs" type="submit" loading={busy}>
          Save
        </Button>
        <Button size="compact-xs" variant="subtle" color="gray" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </form>
  );
}
