// A workbook with several sheets: which one is imported (the first by default). Picking another reads the file again
// from that sheet — its columns, sample and mapping replace the current ones.
import { Group, Select, Text } from '@mantine/core';
import { useImportFlow } from './import-context';

export function SheetPicker() {
  const analysis = useImportFlow((s) => s.analysis);
  const busy = useImportFlow((s) => s.busy);
  const pickSheet = useImportFlow((s) => s.pickSheet);
  const sheets = analysis?.sheets ?? [];
  if (sheets.length < 2) return null;
  return (
    <Group gap="sm" align="end">
      <Select
        label="Sheet to import"
        aria-label="Sheet to import"
        data={sheets}
        value={analysis?.sheet ?? null}
        placeholder="Choose a sheet"
        allowDeselect={false}
        disabled={busy !== null}
        onChange={(next) => next && next !== analysis?.sheet && void pickSheet(next)}
        comboboxProps={{ withinPortal: true }}
        w={260}
      />
      <Text size="sm" c="dimmed" pb={6}>
        {busy === 'analyze' ? 'Reading the sheet…' : `This workbook has ${sheets.length} sheets; the mapping below is for the one chosen here.`}
      </Text>
    </Group>
  );
}
