// The preview of a recipe run, shown before anything is sent: how many leads, how many meet the conditions as
// the cache has them (checked again on a fresh read when it runs), what changes on each, the calls and the time.
import { Badge, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { KARTRA_RATE, type RecipePreview } from '../../../../shared/domain/recipe-preview';

const n = (v: number) => v.toLocaleString();
const plural = (v: number, one: string, many = `${one}s`) => `${n(v)} ${v === 1 ? one : many}`;

export function duration(sec: number): string {
  if (sec < 60) return `about ${Math.max(1, sec)} s`;
  const min = Math.round(sec / 60);
  return min < 60 ? `about ${min} min` : `about ${Math.floor(min / 60)} h ${min % 60} min`;
}

/** `actions` (run / close) sit under the summary, above the per-lead list, so they are in sight without scrolling. */
export function RunPreview({ preview, hasConditions, actions }: { preview: RecipePreview; hasConditions: boolean; actions?: ReactNode }) {
  const p = preview;
  return (
    <Stack gap="xs" role="region" aria-label="Preview">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Stat label="Leads" value={n(p.leads)} />
        <Stat label={hasConditions ? 'Meet the conditions' : 'Will get the actions'} value={n(p.meet)} note={hasConditions ? 'judged from the cache' : undefined} />
        <Stat label="Calls" value={n(p.reads + p.writes)} note={`${plural(p.reads, 'read')} + up to ${plural(p.writes, 'write')}`} />
        <Stat label="Time" value={duration(p.etaSec)} note={`at ${KARTRA_RATE} requests/s`} />
      </SimpleGrid>
      <Text size="sm" aria-live="polite">
        {hasConditions
          ? `${plural(p.meet, 'lead')} meet the conditions, ${n(p.skip)} would be skipped${p.unknown ? `, ${n(p.unknown)} not in the local cache yet` : ''} — checked again on each lead when it runs.`
          : `${plural(p.change, 'lead')} would change; ${n(p.meet - p.change)} already ${p.meet - p.change === 1 ? 'is' : 'are'} as the recipe leaves ${p.meet - p.change === 1 ? 'it' : 'them'}${p.unknown ? `; ${n(p.unknown)} not in the local cache yet` : ''}.`}
      </Text>
      {actions}
      <ScrollArea.Autosize mah={280} type="auto">
        <Table striped withTableBorder aria-label="Changes per lead" fz="sm" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="34%">Lead</Table.Th>
              <Table.Th>What changes (checked again when it runs)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.sample.map((lead, i) => (
              <Table.Tr key={`${lead.leadId}:${lead.email}:${i}`}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Text size="sm" fw={500} lineClamp={1}>
                    {lead.name || lead.email || `Lead ${lead.leadId}`}
                  </Text>
                  {lead.name && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {lead.email}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {!lead.cached ? (
                    <Text size="sm" c="dimmed">
                      Not in the local cache: judged when it runs
                    </Text>
                  ) : lead.meets === false ? (
                    <Group gap={6} wrap="nowrap">
                      <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>
                        Skipped
                      </Badge>
                      <Text size="sm">fails “{lead.unmet}”</Text>
                    </Group>
                  ) : (
                    <Text size="sm">
                      {lead.effects.map((e, k) => (
                        <span key={k} style={e.changes ? undefined : { color: 'var(--mantine-color-dimmed)' }}>
                          {k > 0 ? ' · ' : ''}
                          {e.text}
                        </span>
                      ))}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {p.sample.length < p.leads && (
        <Text size="xs" c="dimmed">
          Showing the first {n(p.sample.length)} of {n(p.leads)} leads.
        </Text>
      )}
    </Stack>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder p="xs" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}
