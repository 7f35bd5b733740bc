// @vitest-environment happy-dom
import '../../testing/setup-dom';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeCore } from '../../testing/fake-core';
import { makeLimiterState, makeSandboxAccount } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

describe('Status bar', () => {
  it('renders the rate limiter’s state from the limiter.state event', async () => {
    const core = new FakeCore({ status: { account: makeSandboxAccount() } });
    renderApp(core);
    const bar = await screen.findByRole('group', { name: 'Status bar' });
    expect(within(bar).getByText('No Kartra requests yet')).toBeTruthy();

    act(() =>
      core.emit(
        'limiter.state',
        makeLimiterState({ startsLastSecond: 7, limit: 20, queued: { interactive: 1, outbox: 3, bulk: 12 }, count429: 2 }),
      ),
    );
    const limiter = within(bar).getByRole('group', { name: 'Rate limiter' });
    expect(within(limiter).getByText('Requests 7/20 per s')).toBeTruthy();
    expect(within(limiter).getByText('Queued: 1 interactive · 3 outbox · 12 bulk')).toBeTruthy();
    expect(within(limiter).getByText('429s: 2')).toBeTruthy();
    expect(within(limiter).queryByText('Paused by Kartra’s rate limit')).toBeNull();

    // A later event replaces the numbers; a pause in the future is shown.
    act(() => core.emit('limiter.state', makeLimiterState({ startsLastSecond: 20, count429: 3, pausedUntil: Date.now() + 60_000 })));
    expect(within(limiter).getByText('Requests 20/20 per s')).toBeTruthy();
    expect(within(limiter).getByText('429s: 3')).toBeTruthy();
    expect(within(limiter).getByText('Paused by Kartra’s rate limit')).toBeTruthy();
  });

  it('shows online/offline from the app status and its events', async () => {
    const core = new FakeCore({ status: { account: makeSandboxAccount(), online: true } });
    renderApp(core);
    const network = await screen.findByRole('status', { name: 'Network' });
    expect(await within(network).findByText('Online')).toBeTruthy();

    act(() => core.emit('app.status', { ...core.status, online: false }));
    expect(within(network).getByText('Offline')).toBeTruthy();
    expect(within(network).getByText('changes wait in the outbox')).toBeTruthy();
    expect(screen.getByText('v0.1.0-test')).toBeTruthy();
  });

  it('shows only the connected account’s limiter (states are per app_id)', async () => {
    const core = new FakeCore({ status: { account: makeSandboxAccount() } });
    renderApp(core);
    await screen.findByRole('group', { name: 'Status bar' });
    act(() => core.emit('limiter.state', makeLimiterState({ startsLastSecond: 5 })));
    expect(screen.getByText('Requests 5/20 per s')).toBeTruthy();
    act(() => core.emit('limiter.state', makeLimiterState({ appId: 'OTHERAPP', startsLastSecond: 9 })));
    expect(screen.getByText('Requests 5/20 per s')).toBeTruthy();

    const other = makeSandboxAccount({ id: 'other', label: 'Other', appId: 'OTHERAPP' });
    act(() => core.emit('app.status', { ...core.status, account: other }));
    expect(screen.queryByText('Requests 5/20 per s')).toBeNull();
    expect(screen.getByText('Requests 9/20 per s')).toBeTruthy();

    act(() => core.emit('app.status', { ...core.status, account: makeSandboxAccount({ id: 'third', appId: 'THIRD' }) }));
    expect(screen.getByText('No Kartra requests yet')).toBeTruthy();
  });
});
