// Settings → Keyboard shortcuts: every shortcut of the workspace, as the workspace registers them.
import { Kbd, Stack, Table, Title } from '@mantine/core';

export interface ShortcutEntry {
  keys: string;
  what: string;
}

export function ShortcutsSection({ shortcuts }: { shortcuts: readonly ShortcutEntry[] }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="settings-shortcuts">
      <Title order={3} size="h4" id="settings-shortcuts">
        Keyboard shortcuts
      </Title>
      <Table withRowBorders={false} verticalSpacing={4} aria-labelledby="settings-shortcuts" maw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={160}>Keys</Table.Th>
            <Table.Th>Does</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shortcuts.map((s) => (
            <Table.Tr key={s.keys}>
              <Table.Td>
                <Kbd size="sm">{s.keys}</Kbd>
              </Table.Td>
              <Table.Td>{s.what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
