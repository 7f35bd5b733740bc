// The status bar's outbox counts (pending · in flight · failed · conflicts · to check) from the `outbox.state` event,
// and, while Kartra cannot be reached, when the next try is. Clicking it opens the Outbox page.
import { Button, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { OutboxState } from '../../../../shared/domain/outbox';
import { unwrap } from '../../api/unwrap';
import { useStores } from '../../stores/stores-context';
import { openOutbox } from './outbox-opener';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 pending · 1 in flight · 1 failed · 1 conflict", or null when nothing waits. */
export function describeOutbox(counts: OutboxState['counts']): string | null {
  const parts = [
    counts.pending > 0 ? `${counts.pending} pending` : '',
    counts.inFlight > 0 ? `${counts.inFlight} in flight` : '',
    counts.failed > 0 ? `${counts.failed} failed` : '',
    counts.conflict > 0 ? plural(counts.conflict, 'conflict') : '',
    (counts.needsCheck ?? 0) > 0 ? `${counts.needsCheck} to check` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** The connected account's outbox state: read once (outbox.list), then kept current by `outbox.state`. */
export function useOutboxState(accountId: string | null): OutboxState | null {
  const { api } = useStores();
  const [state, setState] = useState<OutboxState | null>(null);
  useEffect(() => {
    setState(null);
    if (accountId === null) return;
    let pushed = false;
    const stop = api.on('outbox.state', (next) => {
      if (next.accountId !== accountId) return;
      pushed = true;
      setState(next);
    });
    // Only the state is wanted; an event that arrived meanwhile is newer than this answer.
    unwrap(api.outbox.list({ statuses: ['pending'], limit: 1 })).then(
      (reply) => {
        if (!pushed && reply.state.accountId === accountId) setState(reply.state);
      },
      () => undefined, // not connected (yet): the next event brings the state
    );
    return stop;
  }, [api, accountId]);
  return state;
}

/** Whole seconds until `at`, re-rendered every second while it lies ahead (no event marks the passing time). */
export function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (at === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export function OutboxSummary({ state }: { state: OutboxState }) {
  const app = useStores();
  const text = describeOutbox(state.counts) ?? 'nothing waiting';
  const attention = state.counts.failed + state.counts.conflict + (state.counts.needsCheck ?? 0) > 0;
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      color={attention ? 'red' : 'gray'}
      onClick={() => openOutbox(app)}
      aria-label={`Outbox: ${text}. Open the outbox`}
      data-testid="status-outbox"
    >
      <Text size="xs" span>
        Outbox: {text}
      </Text>
    </Button>
  );
}

/** While offline: "next try in 8 s" from the outbox's probe schedule. */
export function NextTry({ state }: { state: OutboxState | null }) {
  const seconds = useSecondsUntil(state && !state.online ? state.nextProbeAt : null);
  if (seconds === null) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="status-next-try">
      {seconds > 0 ? `; next try in ${seconds} s` : '; trying now…'}
    </Text>
  );
}
