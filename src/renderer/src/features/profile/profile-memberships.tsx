// The lead's tags, lists, sequences, memberships and calendar bookings, with queued changes shown inline
// (dimmed, with their state) until Kartra confirms them; each tag, list and sequence chip has its own remove button.
import { Badge, Group, Stack, Text } from '@mantine/core';
import type { Lead } from '../../../../shared/domain/lead';
import { ChipRemove } from './chip-remove';
import { PendingBadge } from './pending-badge';
import type { ListView, PendingOverlay, SequenceView, TagView } from './pending-overlay';

export function TagsView({ tags }: { tags: TagView[] }) {
  return (
    <>
      <Group gap="xs" role="list" aria-label="Tags">
        {tags.map((tag) => {
          const pending = tag.pending;
          const name = pending ? `${tag.name} (${pending.kind === 'add' ? 'adding' : 'removing'}, ${pending.status.replace('_', ' ')})` : tag.name;
          return (
            <Badge
              key={tag.name}
              role="listitem"
              aria-label={name}
              data-pending={pending ? pending.kind : undefined}
              variant={pending ? 'outline' : 'light'}
              color={pending?.status === 'failed' ? 'red' : pending ? 'gray' : undefined}
              opacity={pending ? 0.75 : 1}
              td={pending?.kind === 'remove' ? 'line-through' : undefined}
              tt="none"
              pr={pending ? undefined : 2}
              rightSection={pending ? undefined : <ChipRemove kind="tag" name={tag.name} />}
            >
              {tag.name}
            </Badge>
          );
        })}
      </Group>
      {tags.length === 0 && (
        <Text size="sm" c="dimmed">
          No tags yet.
        </Text>
      )}
    </>
  );
}

export function ListsView({ lists }: { lists: ListView[] }) {
  return (
    <>
      <Stack role="list" aria-label="Lists" gap={4}>
        {lists.map((list) => (
          <Group
            key={list.name}
            role="listitem"
            aria-label={`${list.name} (${list.active ? 'active' : 'inactive'})`}
            data-active={list.active}
            gap="xs"
            wrap="nowrap"
          >
            <Text size="sm" c={list.active ? undefined : 'dimmed'} fs={list.active ? undefined : 'italic'}>
              {list.name}
            </Text>
            <Badge size="xs" variant={list.active ? 'filled' : 'outline'} color={list.active ? 'teal' : 'gray'}>
              {list.active ? 'Active' : 'Inactive'}
            </Badge>
            {list.pending && (
              <PendingBadge status={list.pending.status} label={`${list.pending.kind === 'subscribe' ? 'subscribing' : 'unsubscribing'} · ${list.pending.status.replace('_', ' ')}`} />
            )}
            {list.active && !list.pending && <ChipRemove kind="list" name={list.name} />}
          </Group>
        ))}
      </Stack>
      {lists.length === 0 && (
        <Text size="sm" c="dimmed">
          Not on any list.
        </Text>
      )}
    </>
  );
}

export function SequencesView({ sequences }: { sequences: SequenceView[] }) {
  if (sequences.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        In no sequence.
      </Text>
    );
  }
  return (
    <Stack role="list" aria-label="Sequences" gap={4}>
      {sequences.map((s) => {
        const known = s.step !== '';
        return (
          <Group key={s.name} role="listitem" aria-label={`${s.name}${known ? ` (step ${s.step}, ${s.status})` : ''}`} gap="xs" wrap="nowrap">
            <Text size="sm">{s.name}</Text>
            {known && (
              <Text size="xs" c="dimmed">
                step {s.step} · {s.status}
              </Text>
            )}
            {s.pending && (
              <PendingBadge
                status={s.pending.status}
                label={`${s.pending.kind === 'subscribe' ? `to step ${s.pending.step ?? ''}` : 'stopping'} · ${s.pending.status.replace('_', ' ')}`}
              />
            )}
            {!s.pending && s.status !== 'unsubscribed' && <ChipRemove kind="sequence" name={s.name} />}
          </Group>
        );
      })}
    </Stack>
  );
}

export function MembershipsView({ memberships }: { memberships: Lead['memberships'] }) {
  if (memberships.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No memberships.
      </Text>
    );
  }
  return (
    <Stack role="list" aria-label="Memberships" gap={4}>
      {memberships.map((m) => (
        <Group key={`${m.name}/${m.level_name}`} role="listitem" gap="xs" wrap="nowrap">
          <Text size="sm">{m.name}</Text>
          <Text size="xs" c="dimmed">
            {m.level_name}
          </Text>
          <Badge size="xs" variant={m.active ? 'filled' : 'outline'} color={m.active ? 'teal' : 'gray'}>
            {m.active ? 'Active' : 'Inactive'}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}

/** Bookings: Kartra's get_lead does not always include them, so "none known" differs from "none". */
export function CalendarsView({ calendars, pending }: { calendars: Lead['calendars']; pending: PendingOverlay['calendars'] }) {
  if ((calendars === null || calendars.length === 0) && pending.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {calendars === null ? 'Kartra did not report calendar bookings for this lead.' : 'No bookings.'}
      </Text>
    );
  }
  return (
    <Stack role="list" aria-label="Calendars" gap={4}>
      {(calendars ?? []).map((c) => (
        <Group key={`${c.calendar_name}/${c.class_name}`} role="listitem" gap="xs" wrap="nowrap">
          <Text size="sm">{c.class_name}</Text>
          <Text size="xs" c="dimmed">
            {c.calendar_name}
          </Text>
          <Badge size="xs" variant={c.active ? 'filled' : 'outline'} color={c.active ? 'teal' : 'gray'}>
            {c.active ? 'Booked' : 'Cancelled'}
          </Badge>
        </Group>
      ))}
      {pending.map((p, i) => (
        <Group key={`pending-${i}`} role="listitem" gap="xs" wrap="nowrap" opacity={0.75}>
          <Text size="sm">{p.className}</Text>
          <Text size="xs" c="dimmed">
            {p.calendar}
          </Text>
          <PendingBadge status={p.status} label={`${p.kind === 'book' ? 'booking' : 'cancelling'} · ${p.status.replace('_', ' ')}`} />
        </Group>
      ))}
    </Stack>
  );
}
