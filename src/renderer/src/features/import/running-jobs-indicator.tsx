// A small header indicator of imports and recipe runs in progress; a click brings the user back to the run.
import { Button, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { useBulk, useJobs } from './import-context';
import { ACTIVE_STATUSES, sortedJobs } from './jobs-store';
import { runShare } from './run-panel';

export function RunningJobsIndicator() {
  const { flow, show } = useBulk();
  const jobs = useJobs((s) => s.jobs);
  const active = sortedJobs(jobs).filter((j) => ACTIVE_STATUSES.includes(j.status));
  const first = active[0];
  if (!first) return null;
  const { percent } = runShare(first);
  const label = `${first.kind === 'recipe' ? 'Recipe' : 'Import'} ${first.status === 'paused' ? 'paused' : 'running'}: ${first.name}, ${Math.floor(percent)}%${active.length > 1 ? ` (+${active.length - 1} more)` : ''}`;
  const open = () => {
    if (flow.getState().jobId !== first.jobId) void flow.getState().openJob(first);
    else flow.getState().goTo('run');
    show('import');
  };
  return (
    <Tooltip label={label}>
      <Button variant="light" size="xs" onClick={open} aria-label={label} w={180}>
        <Stack gap={2} w={150}>
          <Text size="xs" truncate>
            {first.status === 'paused' ? 'Paused' : 'Importing'} {Math.floor(percent)}%
          </Text>
          <Progress value={percent} size="xs" aria-hidden />
        </Stack>
      </Button>
    </Tooltip>
  );
}
