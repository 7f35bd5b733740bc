// @vitest-environment happy-dom
import '../../testing/setup-dom';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OutboxState } from '../../../../shared/domain/outbox';
import { FakeCore } from '../../testing/fake-core';
import { makeLimiterState, makeSandboxAccount } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

const outboxState = (accountId: string, counts: Partial<OutboxState['counts']>, online = true): OutboxState => ({
  accountId,
  online,
  counts: { pending: 0, inFlight: 0, failed: 0, conflict: 0, ...counts },
  nextProbeAt: null,
});
const sentence = () => screen.getByTestId('status-sentence');

describe('Status bar', () => {
  it('says in plain words what is being sent, with the limiter’s details in a popover', async () => {
    const account = makeSandboxAccount();
    const core = new FakeCore({ status: { account } });
    renderApp(core);
    await screen.findByRole('group', { name: 'Status bar' });
    act(() => core.emit('outbox.state', outboxState(account.id, {})));
    expect(sentence().textContent).toBe('All changes saved');

    act(() => core.emit('limiter.state', makeLimiterState({ startsLastSecond: 18, limit: 20, queued: { interactive: 1, outbox: 3, bulk: 12 }, count429: 2 })));
    act(() => core.emit('outbox.state', outboxState(account.id, { pending: 2, inFlight: 1 })));
    expect(sentence().textContent).toBe('Sending 3 changes · 18 of 20 requests/s');

    fireEvent.click(sentence());
    const limiter = await screen.findByRole('group', { name: 'Rate limiter' });
    expect(within(limiter).getByTestId('limiter-rate').textContent).toBe('18 of 20 requests started in the last second');
    expect(within(limiter).getByTestId('limiter-queued').textContent).toBe('Waiting: 1 from you · 3 saved changes · 12 imports and recipes');
    expect(within(limiter).getByTestId('limiter-429').textContent).toBe('Told to slow down (HTTP 429): 2 times');

    // A pause asked by Kartra (429) is said as such while it lasts.
    act(() => core.emit('limiter.state', makeLimiterState({ startsLastSecond: 20, count429: 3, pausedUntil: Date.now() + 60_000 })));
    expect(sentence().textContent).toBe('Kartra asked to slow down — 3 changes wait a moment');
  });

  it('shows online/offline, and offline how many changes wait', async () => {
    const account = makeSandboxAccount();
    const core = new FakeCore({ status: { account, online: true } });
    renderApp(core);
    const network = await screen.findByRole('status', { name: 'Network' });
    expect(await within(network).findByText('Online')).toBeTruthy();

    act(() => core.emit('app.status', { ...core.status, online: false }));
    act(() => core.emit('outbox.state', outboxState(account.id, { pending: 4 }, false)));
    expect(within(network).getByText('Offline')).toBeTruthy();
    expect(within(network).getByText('changes wait in the outbox')).toBeTruthy();
    expect(sentence().textContent).toBe('Offline — 4 changes wait');
    expect(screen.getByText('v0.1.0-test')).toBeTruthy();
  });

  it('shows only the connected account’s limiter (states are per app_id)', async () => {
    const account = makeSandboxAccount();
    const core = new FakeCore({ status: { account } });
    renderApp(core);
    await screen.findByRole('group', { name: 'Status bar' });
    act(() => core.emit('outbox.state', outboxState(account.id, { pending: 1 })));
    act(() => core.emit('limiter.state', makeLimiterState({ startsLastSecond: 5 })));
    expect(sentence().textContent).toBe('Sending 1 change · 5 of 20 requests/s');
    act(() => core.emit('limiter.state', makeLimiterState({ appId: 'OTHERAPP', startsLastSecond: 9 })));
    expect(sentence().textContent).toBe('Sending 1 change · 5 of 20 requests/s');
  });
});
