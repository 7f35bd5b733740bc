// @vitest-environment happy-dom
import './testing/setup-dom';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { deferred, fail, FakeCore, ok } from './testing/fake-core';
import { makeSandboxAccount } from './testing/fixtures';
import { renderApp } from './testing/render-app';
import type { AccountInfo } from '../../shared/domain/account';
import type { Envelope } from '../../shared/ipc/envelope';

describe('App frame and welcome', () => {
  it('goes from the welcome screen through "Try the sandbox" to the workspace', async () => {
    const core = new FakeCore({ tags: ['customer', 'VIP'] });
    const held = deferred<Envelope<AccountInfo>>();
    core.answer('sandbox.connect', () => held.promise);
    renderApp(core);

    expect(await screen.findByRole('heading', { name: 'Welcome to Lead Desk' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Lead Desk' })).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Try the sandbox' });
    fireEvent.click(button);

    // While the sandbox starts: a loader, the button blocked, a status line.
    expect(await screen.findByText('Starting the sandbox…')).toBeTruthy();
    expect(button.hasAttribute('data-loading')).toBe(true);
    expect(core.callsOf('sandbox.connect')).toHaveLength(1);

    await act(async () => {
      const account = makeSandboxAccount({ label: 'Sandbox demo', testMode: true });
      core.status = { ...core.status, account };
      held.resolve(ok(account));
    });

    expect(await screen.findByRole('textbox', { name: 'Search leads' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try the sandbox' })).toBeNull();
    const accountGroup = screen.getByRole('group', { name: 'Connected account' });
    expect(within(accountGroup).getByText('Sandbox demo')).toBeTruthy();
    expect(within(accountGroup).getByText('Sandbox')).toBeTruthy();
    expect(within(accountGroup).getByText('Test Mode')).toBeTruthy();
    // Connecting loads the account's lists (tags for the pickers among them).
    await waitFor(() => expect(core.callsOf('account.lists')).toHaveLength(1));
  });

  it('shows the error envelope’s message when the sandbox cannot start, and can try again', async () => {
    const core = new FakeCore();
    core.answer('sandbox.connect', () => fail('internal', 'Port 4123 is already in use.', true));
    renderApp(core);

    fireEvent.click(await screen.findByRole('button', { name: 'Try the sandbox' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not start the sandbox');
    expect(alert.textContent).toContain('Port 4123 is already in use.');
    expect(screen.queryByRole('textbox', { name: 'Search leads' })).toBeNull();

    core.answer('sandbox.connect', () => ok(makeSandboxAccount()));
    fireEvent.click(screen.getByRole('button', { name: 'Try the sandbox' }));
    expect(await screen.findByRole('textbox', { name: 'Search leads' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('recovers a connected session on start (reloaded window) and follows app.status events', async () => {
    const core = new FakeCore({ status: { account: makeSandboxAccount({ label: 'Reloaded' }) } });
    renderApp(core);

    expect(await screen.findByRole('textbox', { name: 'Search leads' })).toBeTruthy();
    expect(screen.getByText('Reloaded')).toBeTruthy();
    expect(screen.queryByText('Test Mode')).toBeNull();
    expect(core.callsOf('app.status')).toHaveLength(1);
    expect(core.listenerCount('app.status')).toBe(1);

    // The core disconnects the account: the window goes back to the welcome screen.
    act(() => core.emit('app.status', { ...core.status, account: null }));
    expect(await screen.findByRole('button', { name: 'Try the sandbox' })).toBeTruthy();
    expect(screen.queryByText('Reloaded')).toBeNull();
  });

  it('says so when the app’s status cannot be read, and retries on demand', async () => {
    const core = new FakeCore();
    core.answer('app.status', () => fail('internal', 'Database is locked.', true));
    renderApp(core);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Database is locked.');
    core.answer('app.status', () => ok(core.status));
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('button', { name: 'Try the sandbox' })).toBeTruthy();
  });

  it('toggles the color scheme and remembers the choice', async () => {
    renderApp();
    const toggle = await screen.findByRole('button', { name: 'Dark theme' });
    // The OS preference (matchMedia stub: not dark) applies until the user chooses.
    await waitFor(() => expect(toggle.getAttribute('aria-pressed')).toBe('false'));
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-pressed')).toBe('true'));
    expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('dark');
    expect(window.localStorage.getItem('lead-desk-color-scheme')).toBe('dark');
  });

  it('unsubscribes from the core’s events when unmounted', async () => {
    const core = new FakeCore();
    const { unmount } = renderApp(core);
    await screen.findByRole('button', { name: 'Try the sandbox' });
    expect(core.listenerCount('limiter.state')).toBe(1);
    unmount();
    expect(core.listenerCount('limiter.state')).toBe(0);
    expect(core.listenerCount('app.status')).toBe(0);
  });
});
