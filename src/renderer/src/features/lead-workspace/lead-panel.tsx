// The found lead: who it is, where, its score, tags and lists, and the control to add a tag.
import { Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Lead } from '../../../../shared/domain/lead';
import { AssignTagControl } from './assign-tag-control';
import { LeadLists } from './lead-lists';
import { LeadTags } from './lead-tags';
import { leadDisplayName, leadPlaceLine } from './lead-format';

export function LeadPanel({ lead, pendingTag }: { lead: Lead; pendingTag: string | null }) {
  const name = leadDisplayName(lead);
  const place = leadPlaceLine(lead);
  return (
    <Paper withBorder p="lg" component="section" aria-label="Lead" data-lead-id={lead.id}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={2}>{name}</Title>
            {lead.email !== '' && name !== lead.email && <Text c="dimmed">{lead.email}</Text>}
            {place !== '' && <Text size="sm">{place}</Text>}
          </Stack>
          <Stack gap={0} align="flex-end">
            <Text size="xs" c="dimmed">
              Score
            </Text>
            <Text fw={700} size="xl" aria-label={`Score ${lead.score}`}>
              {lead.score}
            </Text>
            <Text size="xs" c="dimmed">
              Lead {lead.id}
            </Text>
          </Stack>
        </Group>
        <Divider />
        <Stack gap="xs">
          <Title order={3} size="h5">
            Tags
          </Title>
          <LeadTags tags={lead.tags} pendingTag={pendingTag} />
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h5">
            Add tag
          </Title>
          <AssignTagControl lead={lead} pendingTag={pendingTag} />
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h5">
            Lists
          </Title>
          <LeadLists lists={lead.lists} />
        </Stack>
      </Stack>
    </Paper>
  );
}
