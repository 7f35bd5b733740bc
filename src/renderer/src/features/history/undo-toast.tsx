// The message of a "Change saved" toast with its Undo button: the inverse goes through the write queue like
// any change (its own toast follows); a change Kartra cannot reverse answers with the reason.
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { LeadDeskApi } from '../../api/api';

export function UndoToastMessage({ text, historyId, api, onDone }: { text: string; historyId: number; api: LeadDeskApi; onDone(result: { ok: boolean; message: string }): void }) {
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const undo = async () => {
    setState('busy');
    const answer = await api.history.undo({ id: historyId });
    setState('done');
    onDone(answer.ok ? { ok: true, message: 'Undo queued: the change is being reversed.' } : { ok: false, message: answer.error.message });
  };
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {text}
      </Text>
      <Button size="compact-xs" variant="light" loading={state === 'busy'} disabled={state === 'done'} onClick={() => void undo()}>
        Undo
      </Button>
    </Group>
  );
}
