// The lead's tags as badges, plus the tag being assigned shown dimmed with a loader until the call returns.
import { Badge, Group, Loader, Text } from '@mantine/core';

export interface LeadTagsProps {
  tags: readonly string[];
  pendingTag: string | null;
}

export function LeadTags({ tags, pendingTag }: LeadTagsProps) {
  const empty = tags.length === 0 && pendingTag === null;
  return (
    <>
      <Group gap="xs" role="list" aria-label="Tags">
        {tags.map((tag) => (
          <Badge key={tag} role="listitem" aria-label={tag} variant="light" tt="none">
            {tag}
          </Badge>
        ))}
        {pendingTag !== null && (
          <Badge
            role="listitem"
            aria-label={`${pendingTag} (assigning)`}
            aria-busy="true"
            data-pending="true"
            variant="outline"
            color="gray"
            tt="none"
            opacity={0.7}
            leftSection={<Loader size={10} color="gray" />}
          >
            {pendingTag}
          </Badge>
        )}
      </Group>
      {empty && (
        <Text size="sm" c="dimmed">
          No tags yet.
        </Text>
      )}
    </>
  );
}
