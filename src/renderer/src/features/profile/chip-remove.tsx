// The × on a tag, list or sequence chip of the profile: one removal through the write queue (leads.applyActions,
// as every other profile change), shown pending on the chip until Kartra confirms it, with a toast either way.
import { ActionIcon, Tooltip } from '@mantine/core';
import type { LeadAction } from '../../../../shared/domain/actions';
import { useNotify } from '../../components/use-notify';
import { useProfile, useWorkspace } from '../leads/workspace-context';

export type ChipKind = 'tag' | 'list' | 'sequence';

const WORDS: Record<ChipKind, { label: (name: string) => string; done: string; queued: string; failed: string }> = {
  tag: { label: (n) => `Remove tag ${n}`, done: 'Tag removed', queued: 'Removing the tag', failed: 'The tag was not removed' },
  list: { label: (n) => `Unsubscribe from list ${n}`, done: 'Unsubscribed from the list', queued: 'Unsubscribing from the list', failed: 'The lead was not unsubscribed' },
  sequence: { label: (n) => `Remove from sequence ${n}`, done: 'Removed from the sequence', queued: 'Removing from the sequence', failed: 'The lead was not removed from the sequence' },
};

export function removalOf(kind: ChipKind, name: string): LeadAction {
  if (kind === 'tag') return { cmd: 'unassign_tag', tag_name: name };
  if (kind === 'list') return { cmd: 'unsubscribe_lead_from_list', list_name: name };
  return { cmd: 'unsubscribe_lead_from_sequence', sequence_name: name };
}

export function ChipRemove({ kind, name, disabled }: { kind: ChipKind; name: string; disabled?: boolean }) {
  const { profile } = useWorkspace();
  const applying = useProfile((s) => s.applying);
  const notify = useNotify();
  const words = WORDS[kind];
  const remove = async () => {
    const outcome = await profile.getState().apply([removalOf(kind, name)]);
    if (!outcome.ok) notify('error', words.failed, outcome.error.message);
    else if (outcome.receipt.confirmed) notify('success', words.done, `${name}: Kartra confirmed it.`);
    else notify('info', words.queued, `${name}: queued — it is sent as soon as Kartra answers, and shows as pending until then.`);
  };
  return (
    <Tooltip label={words.label(name)} openDelay={400}>
      <ActionIcon
        size="xs"
        variant="transparent"
        color="gray"
        radius="xl"
        aria-label={words.label(name)}
        disabled={disabled || applying}
        onClick={(e) => {
          e.stopPropagation();
          void remove();
        }}
      >
        ×
      </ActionIcon>
    </Tooltip>
  );
}
