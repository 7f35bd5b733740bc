// The plan before sending, in the review: New / Existing / Unknown / Invalid / Duplicate in the file / Excluded, each a
// count and a filter of the review table (click a class to see its rows, again to see all). "Existing" comes from the
// leads this app already knows, and from "Check against Kartra" when the user asks for the look-ups.
import { Group, Text, UnstyledButton } from '@mantine/core';
import type { ImportPlan } from '../../../../shared/domain/import';
import { Count } from './count';
import { KartraCheckBar } from './kartra-check-bar';
import { useBulk, useReview } from './import-context';
import type { RowFilter } from './review-store';
import type { PlanView } from './use-plan';

interface ClassItem {
  label: string;
  filter: RowFilter;
  value: (plan: ImportPlan) => number;
  color: (n: number) => string | undefined;
}

const CLASSES: ClassItem[] = [
  { label: 'New', filter: 'new', value: (p) => p.new, color: () => 'green' },
  { label: 'Existing', filter: 'existing', value: (p) => p.existing, color: () => 'blue' },
  { label: 'Unknown', filter: 'unknown', value: (p) => p.unknown, color: (n) => (n > 0 ? 'orange' : undefined) },
  { label: 'Invalid', filter: 'invalid', value: (p) => p.invalid, color: (n) => (n > 0 ? 'red' : undefined) },
  { label: 'Duplicate in file', filter: 'duplicate', value: (p) => p.duplicate, color: (n) => (n > 0 ? 'orange' : undefined) },
  { label: 'Excluded', filter: 'excluded', value: (p) => p.excluded, color: () => undefined },
];

export function PlanSummary({ view }: { view: PlanView & { plan: ImportPlan } }) {
  const { review } = useBulk();
  const filter = useReview((s) => s.filter);
  const { plan } = view;
  return (
    <div>
      <Group gap="xs" role="group" aria-label="Import plan" wrap="wrap">
        {CLASSES.filter((c) => c.filter !== 'unknown' || plan.unknown > 0).map((c) => {
          const n = c.value(plan);
          const active = filter === c.filter;
          return (
            <UnstyledButton
              key={c.filter}
              aria-pressed={active}
              aria-label={`${c.label}: ${n} rows${active ? ' (shown; click to show all rows)' : ' — show these rows'}`}
              onClick={() => review.getState().setFilter(active ? 'all' : c.filter)}
              style={{
                padding: '2px 10px',
                borderRadius: 6,
                border: `1px solid ${active ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-default-border)'}`,
                background: active ? 'var(--mantine-primary-color-light)' : undefined,
              }}
            >
              <Count label={c.label} value={n} color={c.color(n)} />
            </UnstyledButton>
          );
        })}
      </Group>
      {plan.unknown > 0 && plan.unknownReason && (
        <Text size="xs" c="orange.8" mt={4}>
          {plan.unknown === 1 ? '1 row' : `${plan.unknown} rows`} could not be checked, so it is not known whether the lead exists: {plan.unknownReason}
        </Text>
      )}
      <KartraCheckBar view={view} />
    </div>
  );
}
