// Step 1: the upload's progress, then what the analysis found (encoding, delimiter, rows) and any file-level problems.
import { Alert, Button, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { AlertIcon } from '../../components/icons';
import type { FileAnalysis } from '../../../../shared/domain/import';
import { useImportFlow } from './import-context';
import { DELIMITER_NAMES, bytes, count } from './format';
import { PurposeChoice } from './local-leads-panel';
import { SheetPicker } from './sheet-picker';

export function FileStep() {
  const file = useImportFlow((s) => s.file);
  const upload = useImportFlow((s) => s.upload);
  const analysis = useImportFlow((s) => s.analysis);
  const busy = useImportFlow((s) => s.busy);
  const failed = useImportFlow((s) => s.progress?.status === 'failed');
  const goTo = useImportFlow((s) => s.goTo);

  if (!file) {
    return (
      <Stack gap="md">
        <PurposeChoice />
        <Text c="dimmed">Drop a CSV or Excel (.xlsx) file anywhere on the window, or choose one with “Import CSV or Excel…”.</Text>
      </Stack>
    );
  }
  const percent = upload && upload.total > 0 ? Math.round((upload.sent / upload.total) * 100) : 100;
  return (
    <Stack gap="sm">
      {busy === 'upload' && (
        <Stack gap={4}>
          <Text size="sm">
            Uploading {file.name}… {upload ? `${bytes(upload.sent)} of ${bytes(upload.total)}` : ''}
          </Text>
          <Progress value={percent} aria-label="Upload progress" animated />
        </Stack>
      )}
      {busy === 'analyze' && <Text size="sm">Reading the file: encoding, delimiter, columns and rows…</Text>}
      {analysis && (
        <>
          <AnalysisSummary analysis={analysis} />
          <SheetPicker />
          {analysis.problems.map((problem) => (
            <Alert key={problem} color={failed ? 'red' : 'yellow'} icon={<AlertIcon />} title={failed ? 'This file cannot be imported' : 'Check the file'}>
              {problem}
            </Alert>
          ))}
          {failed ? (
            <Text size="sm">{(analysis.sheets?.length ?? 0) > 1 ? 'Choose another sheet above, or fix the file and drop it again.' : 'Fix the file and drop it again.'}</Text>
          ) : (
            <Group>
              <Button onClick={() => goTo('mapping')}>Map columns</Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

/** File name, size, encoding and delimiter (or a workbook's sheet) and row count, as detected by the core. */
export function AnalysisSummary({ analysis }: { analysis: FileAnalysis }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" aria-label="File analysis" role="group">
      <Fact label="File" value={analysis.fileName} />
      <Fact label="Size" value={bytes(analysis.bytes)} />
      {analysis.sheet !== undefined ? (
        <Fact label="Sheet" value={analysis.sheet} />
      ) : (
        <>
          <Fact label="Encoding" value={analysis.encoding.toUpperCase()} />
          <Fact label="Delimiter" value={DELIMITER_NAMES[analysis.delimiter] ?? analysis.delimiter} />
        </>
      )}
      <Fact label="Rows" value={count(analysis.rowCount)} />
    </SimpleGrid>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} truncate title={value}>
        {value}
      </Text>
    </div>
  );
}
