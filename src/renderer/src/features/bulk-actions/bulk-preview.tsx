// The preview of a bulk action before anything is sent: how many leads, how many change and how many are skipped
// (the cache shows them already as asked), the calls it takes, the time at the current rate, and per lead what
// it gets.
import { Badge, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { BulkPreview } from '../../../../shared/domain/bulk-actions';
import { formatEta, plural } from './bulk-model';

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder radius="md" p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg" lh={1.2}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

export function BulkPreviewView({ preview }: { preview: BulkPreview }) {
  const shownMore = preview.total - preview.leads.length;
  return (
    <Stack gap="sm" aria-label="Preview">
      <Text size="sm">
        <Text span fw={600}>
          {preview.summary}
        </Text>{' '}
        for {plural(preview.total, 'lead')} of the selection.
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Figure label="Will change" value={preview.changes.toLocaleString()} />
        <Figure label="Skipped" value={preview.skipped.toLocaleString()} hint="already as asked" />
        <Figure label="Kartra calls" value={preview.calls.toLocaleString()} hint="one per changed lead" />
        <Figure label="Time" value={formatEta(preview.etaSeconds)} hint={`at ${preview.rate} requests/s`} />
      </SimpleGrid>
      <ScrollArea.Autosize mah={260} type="auto" offsetScrollbars>
        <Table striped={false} highlightOnHover withTableBorder verticalSpacing={4} fz="sm" aria-label="What each lead gets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Lead</Table.Th>
              <Table.Th>Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.leads.map((lead) => (
              <Table.Tr key={lead.leadId} data-changes={lead.changes}>
                <Table.Td style={{ maxWidth: 260 }}>
                  <Text size="sm" truncate title={lead.email}>
                    {lead.name || lead.email}
                  </Text>
                  {lead.name && (
                    <Text size="xs" c="dimmed" truncate>
                      {lead.email}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Badge size="xs" variant="light" color={lead.changes ? 'teal' : 'gray'} tt="none" style={{ flexShrink: 0 }}>
                      {lead.changes ? 'changes' : 'skipped'}
                    </Badge>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {lead.what}
                    </Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {shownMore > 0 && (
        <Text size="xs" c="dimmed">
          …and {plural(shownMore, 'more lead')}.
        </Text>
      )}
    </Stack>
  );
}
