// "Add to my local leads — sends nothing to Kartra": the choice at the start of the import flow, and the mapping
// step's button and its result (how many leads entered the local cache, dated as of the file).
import { Alert, Badge, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useImportFlow } from './import-context';
import type { ImportPurpose } from './import-store';
import { count } from './format';

export function PurposeChoice() {
  const purpose = useImportFlow((s) => s.purpose);
  const setPurpose = useImportFlow((s) => s.setPurpose);
  const busy = useImportFlow((s) => s.busy);
  return (
    <Radio.Group label="What should this file do?" value={purpose} onChange={(v) => setPurpose(v as ImportPurpose)}>
      <Stack gap={6} mt={6}>
        <Radio value="kartra" label="Import into Kartra" description="Create or update these leads in your Kartra account." disabled={busy !== null} />
        <Radio
          value="local"
          label="Add to my local leads — sends nothing to Kartra"
          description="For a Kartra lead export: its leads become searchable here at once. Refresh them from Kartra later."
          disabled={busy !== null}
        />
      </Stack>
    </Radio.Group>
  );
}

export function AddToLocalLeads({ disabled, rows }: { disabled: boolean; rows: number }) {
  const addToLocal = useImportFlow((s) => s.addToLocal);
  const busy = useImportFlow((s) => s.busy);
  const result = useImportFlow((s) => s.localResult);
  if (result) {
    return (
      <div role="status" aria-label="Local leads result">
      <Alert color="teal" title="Added to your local leads">
        <Text size="sm">
          {count(result.added)} new, {count(result.updated)} updated
          {result.kept > 0 && `, ${count(result.kept)} kept (the copy here is newer than the file)`}
          {result.skipped > 0 && `, ${count(result.skipped)} rows skipped (no valid email, or repeated)`}. Dated{' '}
          {new Date(result.asOf).toLocaleString()}; nothing was sent to Kartra.
        </Text>
        <Text size="sm" mt={4}>
          They are in the Leads table and search now, marked “from a file”. “Refresh from Kartra” there reads them one by one.
        </Text>
      </Alert>
      </div>
    );
  }
  return (
    <Group>
      <Button onClick={() => void addToLocal()} loading={busy === 'local'} disabled={disabled}>
        Add {count(rows)} leads to my local leads
      </Button>
      <Text size="sm" c="dimmed">
        Sends nothing to Kartra.
      </Text>
      <Badge variant="light">{rows} rows</Badge>
    </Group>
  );
}
