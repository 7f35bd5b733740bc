// "Columns": choose which columns the leads table shows (custom fields included) and their order; the
// choice is remembered per account with the view's layout.
import { ActionIcon, Button, Checkbox, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import type { ColumnKey } from '../../../../shared/domain/lead-filter';
import { useAccountLists, useViews, useWorkspace } from '../leads/workspace-context';
import { allColumns, DEFAULT_LAYOUT } from './columns';

/** One empty list, so the store selector answers the same value while no fields are loaded. */
const NO_FIELDS: never[] = [];

export function ColumnChooser() {
  const { views } = useWorkspace();
  const layout = useViews((s) => s.layout);
  const fields = useAccountLists((s) => s.lists?.custom_fields.items) ?? NO_FIELDS;
  const columns = allColumns(fields);
  const shown = layout.columns.map((c) => c.key);
  const hidden = columns.filter((c) => !shown.includes(c.key));
  const labelOf = (key: ColumnKey) => columns.find((c) => c.key === key)?.label ?? key;

  const setColumns = (next: typeof layout.columns) => views.getState().setLayout({ ...layout, columns: next });
  const toggle = (key: ColumnKey, on: boolean) => {
    if (on) setColumns([...layout.columns, { key, width: columns.find((c) => c.key === key)?.width ?? 160 }]);
    else if (layout.columns.length > 1) setColumns(layout.columns.filter((c) => c.key !== key));
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...layout.columns];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    setColumns(next);
  };

  return (
    <Popover position="bottom-end" shadow="md" width={300} trapFocus>
      <Popover.Target>
        <Button size="compact-sm" variant="default">
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <ScrollArea.Autosize mah={380} type="auto">
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              Shown, in order
            </Text>
            {layout.columns.map((column, index) => (
              <Group key={column.key} gap={4} wrap="nowrap" justify="space-between">
                <Checkbox
                  label={labelOf(column.key)}
                  checked
                  disabled={layout.columns.length === 1}
                  onChange={() => toggle(column.key, false)}
                />
                <Group gap={2} wrap="nowrap">
                  <ActionIcon size="sm" variant="subtle" aria-label={`Move ${labelOf(column.key)} left`} disabled={index === 0} onClick={() => move(index, -1)}>
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    aria-label={`Move ${labelOf(column.key)} right`}
                    disabled={index === layout.columns.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </ActionIcon>
                </Group>
              </Group>
            ))}
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" mt="xs">
              More columns
            </Text>
            {hidden.map((column) => (
              <Checkbox key={column.key} label={column.label} checked={false} onChange={() => toggle(column.key, true)} />
            ))}
            <Button size="compact-xs" variant="subtle" mt="xs" onClick={() => views.getState().setLayout({ ...DEFAULT_LAYOUT, sort: layout.sort })}>
              Reset to the standard columns
            </Button>
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
