// "Keep mine" / "Keep Kartra's" for a queued edit in conflict: the profile and the outbox page offer the same choice.
import { Button, Group } from '@mantine/core';
import { useOutbox, useWorkspace } from '../leads/workspace-context';

export function ResolveConflictButtons({ itemId }: { itemId: number }) {
  const { outbox } = useWorkspace();
  const busy = useOutbox((s) => s.busy.includes(itemId));
  return (
    <Group gap={4}>
      <Button size="compact-xs" loading={busy} onClick={() => void outbox.getState().resolve(itemId, 'mine')}>
        Keep mine
      </Button>
      <Button size="compact-xs" variant="default" disabled={busy} onClick={() => void outbox.getState().resolve(itemId, 'theirs')}>
        Keep Kartra’s
      </Button>
    </Group>
  );
}
