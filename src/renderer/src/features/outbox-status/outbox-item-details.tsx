// What one outbox row shows under its summary: Kartra's reason when it failed, both values of a conflict
// with keep mine / keep Kartra's, and a small form to change the values a queued edit will send.
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
