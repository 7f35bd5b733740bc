// Footer status bar: online/offline (with the next try while offline), the outbox counts and the live
// rate-limiter state (starts in the last second, queues, 429s).
import { Group, Text, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { LimiterState } from '../../../../shared/domain/limiter';
import type { OutboxState } from '../../../../shared/domain/outbox';
import { useLimiter, useSession } from '../../stores/stores-context';
import { NextTry, OutboxSummary, useOutboxState } from './outbox-summary';

export function StatusBar() {
  const online = useSession((state) => state.status?.online ?? null);
  const version = useSession((state) => state.status?.version ?? '');
  const appId = useSession((state) => state.status?.account?.appId ?? null);
  const accountId = useSession((state) => state.status?.account?.id ?? null);
  const limiter = useLimiter((state) => (appId === null ? null : (state.byAppId[appId] ?? null)));
  const outbox = useOutboxState(accountId);

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="lg" aria-label="Status bar" role="group">
      <Group gap="lg" wrap="nowrap">
        <ConnectivityIndicator online={online} outbox={outbox} />
        {outbox && <OutboxSummary state={outbox} />}
        {limiter ? <LimiterSummary state={limiter} /> : <Text size="xs" c="dimmed">No Kartra requests yet</Text>}
      </Group>
      {version && (
        <Text size="xs" c="dimmed">
          v{version}
        </Text>
      )}
    </Group>
  );
}

function ConnectivityIndicator({ online, outbox }: { online: boolean | null; outbox: OutboxState | null }) {
  const label = online === null ? 'Connecting…' : online ? 'Online' : 'Offline';
  const color = online === null ? 'gray' : online ? 'teal' : 'yellow';
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-label="Network">
      <span
        aria-hidden="true"
        style={{
          width: 8,
          height: 8,
          borderRadius: '50%',
          background: `var(--mantine-color-${color}-6)`,
          display: 'inline-block',
        }}
      />
      <Text size="xs" fw={500}>
        {label}
      </Text>
      {online === false && (
        <Text size="xs" c="dimmed">
          changes wait in the outbox
        </Text>
      )}
      {online === false && <NextTry state={outbox} />}
    </Group>
  );
}

function LimiterSummary({ state }: { state: LimiterState }) {
  const paused = usePaused(state.pausedUntil);
  const { interactive, outbox, bulk } = state.queued;
  return (
    <Group gap="md" wrap="nowrap" role="group" aria-label="Rate limiter" data-app-id={state.appId}>
      <Tooltip label="Requests started in the last second, against Kartra’s limit">
        <Text size="xs" data-testid="limiter-rate">
          Requests {state.startsLastSecond}/{state.limit} per s
        </Text>
      </Tooltip>
      <Text size="xs" data-testid="limiter-queued">
        Queued: {interactive} interactive · {outbox} outbox · {bulk} bulk
      </Text>
      <Text size="xs" c={state.count429 > 0 ? 'orange' : undefined} data-testid="limiter-429">
        429s: {state.count429}
      </Text>
      {paused && (
        <Text size="xs" c="orange" fw={600}>
          Paused by Kartra’s rate limit
        </Text>
      )}
    </Group>
  );
}

/** True while the limiter's pause lasts; re-renders when it ends, since no event may arrive then. */
function usePaused(pausedUntil: number | null): boolean {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (pausedUntil === null) return;
    const wait = pausedUntil - Date.now();
    if (wait <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), wait + 20);
    return () => clearTimeout(timer);
  }, [pausedUntil]);
  return pausedUntil !== null && pausedUntil > now;
}
