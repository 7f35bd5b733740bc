// Footer status bar: online/offline (with the next try while offline), one sentence in plain words about
// the changes being sent (details of the rate limiter in its popover), and the outbox counts.
import { Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { OutboxState } from '../../../../shared/domain/outbox';
import { useLimiter, useSession } from '../../stores/stores-context';
import { NextTry, OutboxSummary, useOutboxState } from './outbox-summary';
import { describeStatus, PlainStatus } from './plain-status';

export function StatusBar() {
  const online = useSession((state) => state.status?.online ?? null);
  const version = useSession((state) => state.status?.version ?? '');
  const appId = useSession((state) => state.status?.account?.appId ?? null);
  const accountId = useSession((state) => state.status?.account?.id ?? null);
  const limiter = useLimiter((state) => (appId === null ? null : (state.byAppId[appId] ?? null)));
  const outbox = useOutboxState(accountId);
  const paused = usePaused(limiter?.pausedUntil ?? null);

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="lg" aria-label="Status bar" role="group">
      <Group gap="lg" wrap="nowrap">
        <ConnectivityIndicator online={online} outbox={outbox} />
        <PlainStatus sentence={describeStatus(online, outbox, limiter, paused)} limiter={limiter} />
        {outbox && <OutboxSummary state={outbox} />}
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
