// The History page's filters: source, outcome, a date range (local days, both ends included) and the account
// (this one, another of this installation, or all accounts).
import { Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { ACTION_OUTCOMES, HISTORY_SOURCES, type ActionOutcome, type HistorySource } from '../../../../shared/domain/history';
import { useAccounts } from '../../stores/stores-context';
import { OUTCOME_LABEL, SOURCE_LABEL } from './history-entry';
import type { HistoryQuery } from './history-store';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "2026-05-01" → the start of that local day (ms); null when empty or not a date. */
export function dayStart(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const at = new Date(y, m - 1, d).getTime();
  return Number.isNaN(at) ? null : at;
}

const dayOf = (at: number | undefined) => {
  if (at === undefined) return '';
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function HistoryFilters({ query, onChange }: { query: HistoryQuery; onChange(query: HistoryQuery): void }) {
  const accounts = useAccounts((s) => s.accounts);
  const currentId = useAccounts((s) => s.currentId);
  const set = (patch: Partial<HistoryQuery>) => {
    const next: HistoryQuery = { ...query, ...patch };
    for (const key of Object.keys(next) as (keyof HistoryQuery)[]) if (next[key] === undefined) delete next[key];
    onChange(next);
  };
  const accountOptions = [
    ...accounts.map((a) => ({ value: a.id, label: a.id === currentId ? `${a.label} (this account)` : a.label })),
    { value: 'all', label: 'All accounts' },
  ];
  const since = dayOf(query.since);
  const until = dayOf(query.until === undefined ? undefined : query.until - DAY_MS + 1);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" role="search" aria-label="History filters">
      <MultiSelect
        size="xs"
        label="Source"
        placeholder={query.sources?.length ? undefined : 'Any source'}
        data={HISTORY_SOURCES.map((s) => ({ value: s, label: SOURCE_LABEL[s] }))}
        value={query.sources ?? []}
        onChange={(value) => set({ sources: value.length ? (value as HistorySource[]) : undefined })}
        w={220}
        clearable
      />
      <MultiSelect
        size="xs"
        label="Outcome"
        placeholder={query.outcomes?.length ? undefined : 'Any outcome'}
        data={ACTION_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABEL[o] }))}
        value={query.outcomes ?? []}
        onChange={(value) => set({ outcomes: value.length ? (value as ActionOutcome[]) : undefined })}
        w={220}
        clearable
      />
      <TextInput size="xs" type="date" label="From" value={since} max={until || undefined} onChange={(e) => set({ since: dayStart(e.currentTarget.value) ?? undefined })} w={140} />
      <TextInput
        size="xs"
        type="date"
        label="To"
        value={until}
        min={since || undefined}
        onChange={(e) => {
          const start = dayStart(e.currentTarget.value);
          set({ until: start === null ? undefined : start + DAY_MS - 1 });
        }}
        w={140}
      />
      <Select
        size="xs"
        label="Account"
        data={accountOptions}
        value={query.accountId ?? currentId ?? null}
        allowDeselect={false}
        onChange={(value) => set({ accountId: value === null || value === currentId ? undefined : value })}
        w={280}
      />
    </Group>
  );
}
