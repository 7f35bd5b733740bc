// The plan before sending, in the review: New / Existing / Invalid / Duplicate in the file / Excluded, each a count.
// "Existing" comes from the leads this app already knows; the rest would need a look-up each on Kartra.
import { Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ImportPlan } from '../../../../shared/domain/import';
import { unwrap } from '../../api/unwrap';
import { count } from './format';
import { useBulk, useImportFlow } from './import-context';
import { Count } from './count';

/** Kartra's API allows 20 calls per second per App. */
const CALLS_PER_SECOND = 20;

export function usePlan(): ImportPlan | null {
  const { api } = useBulk();
  const jobId = useImportFlow((s) => s.jobId);
  const counts = useImportFlow((s) => s.progress?.counts);
  const key = counts ? `${counts.ready}/${counts.invalid}/${counts.excluded}` : '';
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  useEffect(() => {
    if (!jobId || !key) return;
    let live = true;
    void unwrap(api.import.plan({ jobId })).then(
      (p) => live && setPlan(p),
      () => live && setPlan(null),
    );
    return () => {
      live = false;
    };
  }, [api, jobId, key]);
  return plan;
}

export function PlanSummary({ plan }: { plan: ImportPlan }) {
  return (
    <div>
      <Group gap="lg" role="group" aria-label="Import plan">
        <Count label="New" value={plan.new} color="green" />
        <Count label="Existing" value={plan.existing} color="blue" />
        <Count label="Invalid" value={plan.invalid} color={plan.invalid > 0 ? 'red' : undefined} />
        <Count label="Duplicate in file" value={plan.duplicate} color={plan.duplicate > 0 ? 'orange' : undefined} />
        <Count label="Excluded" value={plan.excluded} />
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        “Existing” = leads this app already knows. {count(plan.unchecked)} other addresses are not checked against Kartra (about{' '}
        {Math.max(1, Math.ceil(plan.unchecked / CALLS_PER_SECOND))} s of look-ups); under the default policy an existing lead only gets the tags, lists and sequences.
      </Text>
    </div>
  );
}
