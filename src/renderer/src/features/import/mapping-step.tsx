// Step 2: one row per column — its header, an example from the file and the field it goes to, in plain words and grouped.
import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import type { ImportTarget } from '../../../../shared/domain/import';
import { InfoIcon } from '../../components/icons';
import { AnalysisSummary } from './file-step';
import { useImportFlow } from './import-context';
import { AddToLocalLeads } from './local-leads-panel';
import { SheetPicker } from './sheet-picker';
import { allValues, groupedTargets, targetLabel } from './mapping-targets';

const SAMPLES = 3;

export function MappingStep() {
  const analysis = useImportFlow((s) => s.analysis);
  const mapping = useImportFlow((s) => s.mapping);
  const catalog = useImportFlow((s) => s.catalog);
  const busy = useImportFlow((s) => s.busy);
  const setTarget = useImportFlow((s) => s.setTarget);
  const validate = useImportFlow((s) => s.validate);
  const purpose = useImportFlow((s) => s.purpose);
  if (!analysis) return null;

  const options = groupedTargets(catalog);
  // Columns whose suggested custom field the catalog does not list (yet) still show their value.
  const known = allValues(options);
  const targets = Object.values(mapping).filter((t) => t !== 'ignore');
  const emailMapped = targets.includes('email');
  const twice = targets.find((t, i) => targets.indexOf(t) !== i);

  return (
    <Stack gap="sm">
      <AnalysisSummary analysis={analysis} />
      <SheetPicker />
      {analysis.problems.map((problem) => (
        <Alert key={problem} color="yellow" title="Check the file">
          {problem}
        </Alert>
      ))}
      {analysis.mappingRemembered && (
        <Alert icon={<InfoIcon />} color="blue" variant="light">
          Mapping remembered from a previous import with the same columns.
        </Alert>
      )}
      <Table striped withTableBorder aria-label="Column mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column</Table.Th>
            <Table.Th>Example from the file</Table.Th>
            <Table.Th w={260}>Goes to</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analysis.headers.map((header, column) => {
            const value = mapping[header] ?? 'ignore';
            const data = known.has(value) ? options : [...options, { value, label: targetLabel(value) }];
            const samples = analysis.sample.slice(0, SAMPLES).map((row) => row[column] ?? '').filter(Boolean);
            return (
              <Table.Tr key={header}>
                <Table.Td fw={500}>{header}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1} title={samples.join(' · ')}>
                    {samples[0] ?? <Text span c="dimmed" size="sm">(empty in the first rows)</Text>}
                  </Text>
                  {samples.length > 1 && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      also {samples.slice(1).join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Map column ${header}`}
                    data={data}
                    value={value}
                    searchable
                    allowDeselect={false}
                    onChange={(next) => next && setTarget(header, next as ImportTarget)}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {!emailMapped && (
        <Alert color="yellow" title="Map a column to Email">
          Kartra identifies every lead by its email address: creating a lead needs it, and updating finds the lead by it. Map the column
          that holds the addresses to Email.
        </Alert>
      )}
      {twice && (
        <Text size="sm" c="red">
          Two columns go to the same field ({targetLabel(twice)}); map each field from one column only.
        </Text>
      )}
      {purpose === 'local' ? (
        <AddToLocalLeads disabled={!emailMapped || Boolean(twice)} rows={analysis.rowCount} />
      ) : (
        <Group>
          <Button onClick={() => void validate()} loading={busy === 'validate'} disabled={!emailMapped || Boolean(twice)}>
            Validate
          </Button>
          <Badge variant="light">{analysis.rowCount} rows</Badge>
        </Group>
      )}
    </Stack>
  );
}
