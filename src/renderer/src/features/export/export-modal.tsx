// "Export…": the current view or the selection as a CSV or Excel file with the columns the user picks (the table's
// columns to start with; tags, lists, sequences and custom fields available). The core writes the file, formula-safe;
// it is saved the way the import's result CSV is.
import { Button, Checkbox, Group, Modal, ScrollArea, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ExportFile } from '../../../../shared/domain/bulk-actions';
import type { ColumnKey, LeadSelection } from '../../../../shared/domain/lead-filter';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';
import { ErrorAlert } from '../../components/error-alert';
import { useNotify } from '../../components/use-notify';
import { downloadBlob } from '../import/download';
import { useAccountLists, useViews, useWorkspace } from '../leads/workspace-context';
import { allColumns } from '../views/columns';

export interface ExportModalProps {
  opened: boolean;
  selection: LeadSelection;
  /** "the 40 selected leads", "this view (1,200 leads)". */
  targetLabel: string;
  onClose(): void;
}

function fileBlob(file: ExportFile): Blob {
  if (file.encoding === 'text') return new Blob([file.data], { type: file.mime });
  const bytes = Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: file.mime });
}

export function ExportModal({ opened, selection, targetLabel, onClose }: ExportModalProps) {
  const { api } = useWorkspace();
  const notify = useNotify();
  const fields = useAccountLists((s) => s.lists?.custom_fields.items ?? []);
  const layout = useViews((s) => s.layout);
  const [columns, setColumns] = useState<ColumnKey[]>([]);
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const choices = allColumns(fields);

  useEffect(() => {
    if (!opened) return;
    // The table's columns, email always among them (a file without it is hard to use or import back).
    const shown = layout.columns.map((c) => c.key);
    setColumns(shown.includes('email') ? shown : ['email', ...shown]);
    setError(null);
  }, [opened, layout]);

  const toggle = (key: ColumnKey, on: boolean) => setColumns((cols) => (on ? [...cols.filter((c) => c !== key), key] : cols.filter((c) => c !== key)));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await unwrap(api.leads.export({ selection, columns, format }));
      downloadBlob(file.fileName, fileBlob(file));
      notify('success', 'Export ready', `${file.rows.toLocaleString()} lead${file.rows === 1 ? '' : 's'} saved as ${file.fileName}.`);
      onClose();
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Export ${targetLabel}`} size="lg" centered>
      <Stack gap="sm">
        <SegmentedControl
          value={format}
          onChange={(v) => setFormat(v as 'csv' | 'xlsx')}
          data={[
            { value: 'csv', label: 'CSV' },
            { value: 'xlsx', label: 'Excel (.xlsx)' },
          ]}
          aria-label="File format"
        />
        <Group justify="space-between">
          <Text size="sm" fw={500} id="export-columns">
            Columns ({columns.length})
          </Text>
          <Group gap="xs">
            <Button size="compact-xs" variant="subtle" onClick={() => setColumns(choices.map((c) => c.key))}>
              All
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={() => setColumns([])}>
              None
            </Button>
          </Group>
        </Group>
        <ScrollArea.Autosize mah={280} type="auto" offsetScrollbars>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing={6} role="group" aria-labelledby="export-columns">
            {choices.map((c) => (
              <Checkbox key={c.key} size="sm" label={c.label} checked={columns.includes(c.key)} onChange={(e) => toggle(c.key, e.currentTarget.checked)} />
            ))}
          </SimpleGrid>
        </ScrollArea.Autosize>
        <Text size="xs" c="dimmed">
          Values that a spreadsheet would run as a formula (starting with =, +, - or @) are written with a leading apostrophe, so they open as text.
        </Text>
        {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={busy} disabled={columns.length === 0}>
            Export
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
