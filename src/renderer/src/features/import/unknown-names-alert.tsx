// Before a run: the tags, lists and sequences the file's columns name that the Kartra account lacks. Kartra's API
// cannot create them, so the user creates them in Kartra and refreshes, or leaves them out of the rows.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { unwrap } from '../../api/unwrap';
import { useApplyFix } from './bulk-fix-panel';
import { useBulk, useImportFlow } from './import-context';

type Names = { tags: string[]; lists: string[]; sequences: string[] };
const KINDS = ['tags', 'lists', 'sequences'] as const;

export function UnknownNamesAlert() {
  const { api } = useBulk();
  const jobId = useImportFlow((s) => s.jobId);
  const mapping = useImportFlow((s) => s.mapping);
  const updatedAt = useImportFlow((s) => s.progress?.updatedAt);
  const [names, setNames] = useState<Names | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const { apply, busy } = useApplyFix();
  const hasColumns = Object.values(mapping).some((t) => t === 'tags' || t === 'lists' || t === 'sequences');

  const load = async (refresh: boolean) => {
    if (!jobId || !hasColumns) return setNames(null);
    try {
      setNames(await unwrap(api.import.unknownNames({ jobId, refresh })));
    } catch {
      setNames(null); // offline: the run's own check reports it
    }
  };
  useEffect(() => {
    void load(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId, hasColumns, updatedAt]);

  if (!names) return null;
  const missing = KINDS.filter((k) => names[k].length > 0);
  if (missing.length === 0) return null;
  const what = missing.map((k) => `${names[k].length} ${names[k].length === 1 ? k.slice(0, -1) : k}`).join(', ');
  const leaveOut = async () => {
    for (const kind of missing) {
      for (const [column, target] of Object.entries(mapping)) if (target === kind) await apply({ kind: 'dropValues', column, values: names[kind] });
    }
    await load(false);
  };
  return (
    <Alert color="yellow" title={`${what} ${missing.length === 1 && names[missing[0]!].length === 1 ? "doesn't" : "don't"} exist in Kartra`}>
      <Text size="sm">
        {missing.map((k) => names[k].map((n) => `“${n}”`).join(', ')).join('; ')}. Kartra’s API cannot create tags, lists or sequences: create them there, then Refresh — or leave
        them out of these rows.
      </Text>
      <Group mt="xs" gap="sm">
        <Button
          size="xs"
          variant="default"
          loading={refreshing}
          onClick={async () => {
            setRefreshing(true);
            await load(true);
            setRefreshing(false);
          }}
        >
          Refresh
        </Button>
        <Button size="xs" variant="light" loading={busy} onClick={() => void leaveOut()}>
          Leave them out
        </Button>
      </Group>
    </Alert>
  );
}
