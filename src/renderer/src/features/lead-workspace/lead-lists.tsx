// The lead's list memberships; inactive ones (unsubscribed) are dimmed and labelled, not only coloured.
import { Badge, Group, Stack, Text } from '@mantine/core';
import type { Lead } from '../../../../shared/domain/lead';

export function LeadLists({ lists }: { lists: Lead['lists'] }) {
  if (lists.length === 0) {
    return (
      <>
        <Stack role="list" aria-label="Lists" gap={4} />
        <Text size="sm" c="dimmed">
          Not on any list.
        </Text>
      </>
    );
  }
  // Active memberships first: they are the ones that matter for mailings.
  const sorted = [...lists].sort((a, b) => Number(b.active) - Number(a.active) || a.list_name.localeCompare(b.list_name));
  return (
    <Stack role="list" aria-label="Lists" gap={4}>
      {sorted.map((list) => (
        <Group
          key={list.list_name}
          role="listitem"
          aria-label={`${list.list_name} (${list.active ? 'active' : 'inactive'})`}
          data-active={list.active}
          gap="xs"
          wrap="nowrap"
        >
          <Text size="sm" c={list.active ? undefined : 'dimmed'} fs={list.active ? undefined : 'italic'}>
            {list.list_name}
          </Text>
          <Badge size="xs" variant={list.active ? 'filled' : 'outline'} color={list.active ? 'teal' : 'gray'}>
            {list.active ? 'Active' : 'Inactive'}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}
