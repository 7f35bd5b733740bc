// The status bar's sentence in plain words — "Sending 3 changes · 18 of 20 requests/s", "All changes
// saved", "Offline — 4 changes wait" — with the details (lanes, queues, 429s) in a popover.
import { Button, Popover, Stack, Text } from '@mantine/core';
import type { LimiterState } from '../../../../shared/domain/limiter';
import type { OutboxState } from '../../../../shared/domain/outbox';

const changes = (n: number) => `${n} change${n === 1 ? '' : 's'}`;

/** The one sentence; null while nothing is known yet (no account state). */
export function describeStatus(online: boolean | null, outbox: OutboxState | null, limiter: LimiterState | null, paused: boolean): string | null {
  if (!outbox) return null;
  const waiting = outbox.counts.pending + outbox.counts.inFlight;
  const needYou = outbox.counts.failed + outbox.counts.conflict;
  if (online === false) return waiting > 0 ? `Offline — ${changes(waiting)} wait` : 'Offline — nothing waits to be sent';
  const rate = limiter ? ` · ${limiter.startsLastSecond} of ${limiter.limit} requests/s` : '';
  if (paused) return `Kartra asked to slow down — ${changes(waiting)} wait a moment`;
  if (waiting > 0) return `Sending ${changes(waiting)}${rate}`;
  if (needYou > 0) return `${changes(needYou)} need${needYou === 1 ? 's' : ''} you — see the outbox`;
  return 'All changes saved';
}

export function PlainStatus({ sentence, limiter }: { sentence: string | null; limiter: LimiterState | null }) {
  return (
    <Popover position="top-start" withArrow shadow="md">
      <Popover.Target>
        <Button size="compact-xs" variant="subtle" color="gray" aria-label={`${sentence ?? 'Status'} — show details`} data-testid="status-sentence">
          <Text size="xs" span fw={500}>
            {sentence ?? 'No changes yet'}
          </Text>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        {limiter ? <LimiterDetails state={limiter} /> : <Text size="xs">No Kartra requests yet.</Text>}
      </Popover.Dropdown>
    </Popover>
  );
}

/** The limiter as it is: starts in the last second, queues per lane, 429s seen. */
function LimiterDetails({ state }: { state: LimiterState }) {
  const { interactive, outbox, bulk } = state.queued;
  return (
    <Stack gap={4} role="group" aria-label="Rate limiter" data-app-id={state.appId}>
      <Text size="xs" fw={600}>
        Kartra requests
      </Text>
      <Text size="xs" data-testid="limiter-rate">
        {state.startsLastSecond} of {state.limit} requests started in the last second
      </Text>
      <Text size="xs" data-testid="limiter-queued">
        Waiting: {interactive} from you · {outbox} saved changes · {bulk} imports and recipes
      </Text>
      <Text size="xs" c={state.count429 > 0 ? 'orange' : undefined} data-testid="limiter-429">
        Told to slow down (HTTP 429): {state.count429} time{state.count429 === 1 ? '' : 's'}
      </Text>
    </Stack>
  );
}
