// "Check against Kartra: N look-ups, about N/20 s": asks Kartra about the plan's New rows (one get_lead each, on the
// bulk lane behind the user's own clicks), with progress and a Cancel; what it finds updates the plan's counts.
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { ImportPlan } from '../../../../shared/domain/import';
import { ErrorAlert } from '../../components/error-alert';
import { count, eta } from './format';
import { checkRunning, type PlanView } from './use-plan';

/** Kartra's API allows 20 calls per second per App. */
const CALLS_PER_SECOND = 20;

export function KartraCheckBar({ view }: { view: PlanView & { plan: ImportPlan } }) {
  const { plan, check, error } = view;
  const running = checkRunning(check);
  const toAsk = plan.unchecked + plan.unknown;
  const seconds = Math.max(1, Math.ceil(toAsk / CALLS_PER_SECOND));
  return (
    <Stack gap={4} mt={6}>
      {running && check ? (
        <Group gap="sm" wrap="nowrap" aria-live="polite">
          <Progress value={check.total > 0 ? (check.done / check.total) * 100 : 0} aria-label="Check against Kartra progress" style={{ flex: 1, maxWidth: 320 }} animated />
          <Text size="sm">
            {check.status === 'cancelling' ? 'Cancelling… ' : ''}Checked {count(check.done)} of {count(check.total)}: {count(check.found)} found, {count(check.missing)} not in Kartra
            {check.failed > 0 ? `, ${count(check.failed)} failed` : ''} · {eta(check.etaSec)} left
          </Text>
          <Button size="xs" variant="default" onClick={view.cancelCheck} disabled={check.status === 'cancelling'}>
            Cancel
          </Button>
        </Group>
      ) : (
        <Group gap="sm">
          <Text size="xs" c="dimmed" style={{ flex: '1 1 320px' }}>
            {toAsk > 0
              ? `“Existing” = leads this app already knows${check && check.status !== 'idle' ? ' or found in Kartra' : ''}. ${count(plan.unchecked)} new rows are not checked against Kartra yet.`
              : '“Existing” = leads this app knows or found in Kartra; every other row is checked.'}{' '}
            Under the default policy an existing lead only gets the tags, lists and sequences.
          </Text>
          {toAsk > 0 && (
            <Button size="xs" variant="light" onClick={view.startCheck}>
              Check against Kartra: {count(toAsk)} look-up{toAsk === 1 ? '' : 's'}, about {seconds} s
            </Button>
          )}
        </Group>
      )}
      {!running && check && check.status !== 'idle' && (
        <Text size="xs" c={check.error ? 'orange.8' : 'dimmed'} role="status">
          {check.status === 'cancelled' ? 'Check cancelled' : check.status === 'stopped' ? 'Check stopped' : 'Checked against Kartra'}: {count(check.found)} found,{' '}
          {count(check.missing)} not in Kartra{check.failed > 0 ? `, ${count(check.failed)} could not be checked` : ''}.{check.error ? ` ${check.error}` : ''}
        </Text>
      )}
      {error && <ErrorAlert error={error} title="The check could not start" />}
    </Stack>
  );
}
