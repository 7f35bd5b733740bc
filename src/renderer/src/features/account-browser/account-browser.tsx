// The account page: the Kartra account's tags, lists, sequences (with steps), pages (with URLs) and custom
// fields (with type and options), each with when it was fetched and a Refresh, and "Create custom field".
import { Alert, Badge, Button, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { AccountListKind } from '../../../../shared/domain/account';
import { ErrorAlert } from '../../components/error-alert';
import { RefreshIcon } from '../../components/icons';
import { formatAge } from '../leads/format';
import { useAccountLists, useWorkspace } from '../leads/workspace-context';
import { FacetLinks } from '../views/facet-links';
import { CreateCustomFieldForm } from './create-custom-field-form';

const TITLES: Record<AccountListKind, string> = {
  tags: 'Tags',
  lists: 'Lists',
  sequences: 'Sequences',
  pages: 'Pages',
  custom_fields: 'Custom fields',
};

/** The current time, updated every `everyMs`, so "fetched 3 min ago" stays true while the page is open. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function AccountBrowser() {
  const { accountLists } = useWorkspace();
  const lists = useAccountLists((s) => s.lists);
  const loading = useAccountLists((s) => s.loading);
  const error = useAccountLists((s) => s.error);
  const creating = useAccountLists((s) => s.creating);
  const now = useNow(30_000);

  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars>
      <Stack gap="md" pb="md">
        <Group justify="space-between">
          <Title order={2} size="h3">
            Account
          </Title>
          <Button variant="default" leftSection={<RefreshIcon size={14} />} loading={loading} onClick={() => void accountLists.getState().refresh()}>
            Refresh all
          </Button>
        </Group>
        {error && <ErrorAlert error={error} title="Could not read the account’s lists" />}
        {lists?.stale && (
          <Alert color="yellow" variant="light" role="status" title="Offline">
            Kartra could not be reached: these are the lists as last fetched.
          </Alert>
        )}
        {!lists && loading && <Text c="dimmed">Loading the account’s lists…</Text>}
        {lists && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Kind kind="tags" fetchedAt={lists.tags.fetchedAt} count={lists.tags.items.length} now={now}>
              <FacetLinks kind="tag" names={lists.tags.items} label="Account tags" />
            </Kind>
            <Kind kind="lists" fetchedAt={lists.lists.fetchedAt} count={lists.lists.items.length} now={now}>
              <FacetLinks kind="list" names={lists.lists.items} label="Account lists" />
            </Kind>
            <Kind kind="sequences" fetchedAt={lists.sequences.fetchedAt} count={lists.sequences.items.length} now={now}>
              <Table aria-label="Account sequences" fz="sm" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lists.sequences.items.map((s) => (
                    <Table.Tr key={s.name}>
                      <Table.Td>{s.name}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Kind>
            <Kind kind="pages" fetchedAt={lists.pages.fetchedAt} count={lists.pages.items.length} now={now}>
              <Table aria-label="Account pages" fz="sm" verticalSpacing={4} layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="40%">Name</Table.Th>
                    <Table.Th>URL</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lists.pages.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.name}</Table.Td>
                      {/* Plain text: the app opens no remote content. */}
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        <Text span size="sm" ff="monospace">
                          {p.url}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Kind>
          </SimpleGrid>
        )}
        {lists && (
          <Kind kind="custom_fields" fetchedAt={lists.custom_fields.fetchedAt} count={lists.custom_fields.items.length} now={now}>
            <Table aria-label="Account custom fields" fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Identifier</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Options</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lists.custom_fields.items.map((f) => (
                  <Table.Tr key={f.field_id}>
                    <Table.Td>{f.field_identifier}</Table.Td>
                    <Table.Td>{f.field_type.replace('_', ' ')}</Table.Td>
                    <Table.Td>{f.options.length === 0 ? '—' : f.options.map((o) => o.option_value).join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Kind>
        )}
        {lists && (
          <CreateCustomFieldForm
            existing={lists.custom_fields.items.map((f) => f.field_identifier)}
            creating={creating}
            onCreate={(input) => accountLists.getState().createCustomField(input)}
          />
        )}
      </Stack>
    </ScrollArea>
  );
}

function Kind({ kind, fetchedAt, count, now, children }: { kind: AccountListKind; fetchedAt: number | null; count: number; now: number; children: ReactNode }) {
  const { accountLists } = useWorkspace();
  const refreshing = useAccountLists((s) => s.refreshing.includes(kind));
  const title = TITLES[kind];
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={`Account ${title.toLowerCase()}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text fw={600}>{title}</Text>
            <Badge size="sm" variant="default">
              {count}
            </Badge>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" data-testid={`fetched-${kind}`}>
              {fetchedAt === null ? 'never fetched' : `fetched ${formatAge(fetchedAt, now)}`}
            </Text>
            <Button size="compact-xs" variant="default" loading={refreshing} onClick={() => void accountLists.getState().refresh([kind])} aria-label={`Refresh ${title.toLowerCase()}`}>
              Refresh
            </Button>
          </Group>
        </Group>
        {count === 0 ? (
          <Text size="sm" c="dimmed">
            None in this account.
          </Text>
        ) : (
          children
        )}
      </Stack>
    </Paper>
  );
}
