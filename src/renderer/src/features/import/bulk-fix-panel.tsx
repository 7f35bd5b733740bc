// The review's bulk fixes for one column: each refused value with its row count and a suggested replacement
// ("España" → Spain), "import these rows without this field", and tidy-ups by field (emails, phones, dates).
import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { BulkFix, RefusedValue } from '../../../../shared/domain/import';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';
import { ErrorAlert } from '../../components/error-alert';
import { count } from './format';
import { useBulk, useImportFlow, useReview } from './import-context';
import { targetLabel } from './mapping-targets';

const COUNTRIES = ['US', 'GB', 'CA', 'AU', 'DE', 'FR', 'ES', 'IT', 'NL', 'IE', 'NZ', 'IN', 'BR', 'MX'];
const DATE_ORDERS = [
  { value: 'DMY', label: 'Day/Month/Year' },
  { value: 'MDY', label: 'Month/Day/Year' },
  { value: 'YMD', label: 'Year/Month/Day' },
];

export function useApplyFix(): { apply(fix: BulkFix): Promise<number | null>; busy: boolean; error: AppErrorData | null } {
  const { api, review, flow } = useBulk();
  const jobId = useImportFlow((s) => s.jobId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  return {
    busy,
    error,
    async apply(fix) {
      if (!jobId) return null;
      setBusy(true);
      setError(null);
      try {
        const { progress, changed } = await unwrap(api.import.bulkFix({ jobId, fix }));
        flow.getState().applyProgress(progress);
        review.getState().reset(jobId);
        return changed;
      } catch (e) {
        setError(toErrorData(e));
        return null;
      } finally {
        setBusy(false);
      }
    },
  };
}

export function BulkFixPanel() {
  const { api } = useBulk();
  const jobId = useImportFlow((s) => s.jobId);
  const mapping = useImportFlow((s) => s.mapping);
  const invalid = useImportFlow((s) => s.progress?.counts.invalid ?? 0);
  const rows = useReview((s) => s.rows);
  const columns = Object.entries(mapping).filter(([, t]) => t !== 'ignore');
  // The column of the first refused cell shown: most files have one column to fix.
  const firstRefused = Object.values(rows).find((r) => r.errors.length > 0)?.errors[0]?.column ?? null;
  const [column, setColumn] = useState<string | null>(null);
  const current = column ?? firstRefused ?? columns[0]?.[0] ?? null;
  const target = current ? (mapping[current] ?? 'ignore') : 'ignore';
  const [values, setValues] = useState<RefusedValue[]>([]);
  const [replace, setReplace] = useState<Record<string, string>>({});
  const [country, setCountry] = useState<string | null>('US');
  const [order, setOrder] = useState<string | null>('DMY');
  const [note, setNote] = useState<string | null>(null);
  const { apply, busy, error } = useApplyFix();

  useEffect(() => {
    if (!jobId || !current) return;
    let live = true;
    void unwrap(api.import.refusedValues({ jobId, column: current })).then(
      (r) => {
        if (!live) return;
        setValues(r.values);
        setReplace(Object.fromEntries(r.values.map((v) => [v.value, v.suggestion ?? ''])));
      },
      () => live && setValues([]),
    );
    return () => {
      live = false;
    };
  }, [api, jobId, current, invalid]);

  if (!current) return null;
  const run = async (fix: BulkFix, what: string) => {
    const changed = await apply(fix);
    if (changed !== null) setNote(`${what}: ${count(changed)} row${changed === 1 ? '' : 's'} changed.`);
  };
  const pairs = values.filter((v) => (replace[v.value] ?? '').trim() !== '').map((v) => ({ from: v.value, to: replace[v.value]!.trim() }));

  return (
    <Paper withBorder p="sm" aria-label="Fix a whole column" component="section">
      <Stack gap="xs">
        <Group gap="sm" align="end">
          <Select
            label="Fix a whole column"
            data={columns.map(([c, t]) => ({ value: c, label: `${c} → ${targetLabel(t)}` }))}
            value={current}
            onChange={(c) => {
              setColumn(c);
              setNote(null);
            }}
            allowDeselect={false}
            w={300}
          />
          {target === 'email' && (
            <Button variant="light" loading={busy} onClick={() => void run({ kind: 'email', column: current }, 'Emails trimmed and lower-cased')}>
              Trim and lowercase emails
            </Button>
          )}
          {target === 'phone' && (
            <>
              <Select label="Numbers without + are from" data={COUNTRIES} value={country} onChange={setCountry} w={110} allowDeselect={false} />
              <Button variant="light" loading={busy} onClick={() => void run({ kind: 'phone', column: current, defaultCountry: country ?? 'US' }, 'Phone numbers in E.164')}>
                Normalise phones to +E.164
              </Button>
            </>
          )}
          {(target.startsWith('custom:') || target === 'ignore') && (
            <>
              <Select label="Dates are written" data={DATE_ORDERS} value={order} onChange={setOrder} w={170} allowDeselect={false} />
              <Button variant="light" loading={busy} onClick={() => void run({ kind: 'date', column: current, order: (order ?? 'DMY') as 'DMY' }, 'Dates as YYYY-MM-DD')}>
                Parse dates
              </Button>
            </>
          )}
        </Group>
        {values.length > 0 ? (
          <>
            <Text size="sm">
              {refusedRows(values.reduce((n, v) => n + v.rows, 0))} because of “{current}”. Replace every value at once, or import these rows without this field.
            </Text>
            <Table withTableBorder aria-label={`Refused values of ${current}`} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Value in the file</Table.Th>
                  <Table.Th>Rows</Table.Th>
                  <Table.Th>Why</Table.Th>
                  <Table.Th w={220}>Replace every one with</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {values.slice(0, 8).map((v) => (
                  <Table.Tr key={v.value}>
                    <Table.Td fw={500}>{v.value || '(empty)'}</Table.Td>
                    <Table.Td>{count(v.rows)}</Table.Td>
                    <Table.Td c="dimmed">{v.message}</Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={`Replace every ${v.value} with`}
                        placeholder={v.suggestion ? undefined : 'new value'}
                        value={replace[v.value] ?? ''}
                        onChange={(e) => {
                          const next = e.currentTarget.value;
                          setReplace((r) => ({ ...r, [v.value]: next }));
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group gap="sm">
              <Button loading={busy} disabled={pairs.length === 0} onClick={() => void run({ kind: 'replace', column: current, pairs }, `Replaced ${pairs.map((p) => `${p.from} → ${p.to}`).join(', ')}`)}>
                {pairs.length === 1 ? `Replace every ${pairs[0]!.from} with ${pairs[0]!.to}` : `Replace ${pairs.length} values`}
              </Button>
              {target !== 'email' && (
                <Button variant="default" loading={busy} onClick={() => void run({ kind: 'clearInvalid', column: current }, `Rows imported without ${current}`)}>
                  Import these rows without this field
                </Button>
              )}
            </Group>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            No value of “{current}” is refused.
          </Text>
        )}
        {note && (
          <Alert color="green" variant="light" py={6}>
            {note}
          </Alert>
        )}
        {error && <ErrorAlert error={error} title="The fix was not applied" />}
      </Stack>
    </Paper>
  );
}

const refusedRows = (n: number) => (n === 1 ? '1 row is refused' : `${count(n)} rows are refused`);
