// @vitest-environment happy-dom
import '../../testing/setup-dom';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OutboxState } from '../../../../shared/domain/outbox';
import { FakeCore, ok } from '../../testing/fake-core';
import { makeSandboxAccount } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';
import { describeOutbox } from './outbox-summary';

const account = makeSandboxAccount();
const state = (over: Partial<OutboxState> = {}, counts: Partial<OutboxState['counts']> = {}): OutboxState => ({
  accountId: account.id,
  online: true,
  nextProbeAt: null,
  ...over,
  counts: { pending: 0, inFlight: 0, failed: 0, conflict: 0, ...counts },
});

describe('describeOutbox', () => {
  it('names only the non-zero counts, in queue order', () => {
    expect(describeOutbox({ pending: 3, inFlight: 0, failed: 0, conflict: 1 })).toBe('3 pending · 1 conflict');
    expect(describeOutbox({ pending: 0, inFlight: 2, failed: 1, conflict: 2 })).toBe('2 in flight · 1 failed · 2 conflicts');
    expect(describeOutbox({ pending: 0, inFlight: 0, failed: 0, conflict: 0 })).toBeNull();
    expect(describeOutbox({ pending: 1, inFlight: 0, failed: 0, conflict: 0, needsCheck: 2 })).toBe('1 pending · 2 to check');
  });
});

describe('Status bar outbox count', () => {
  it('reads the state when it opens, follows outbox.state (this account only) and shows the next try while offline', async () => {
    const core = new FakeCore({ status: { account } });
    core.answer('outbox.list', () => ok({ items: [], state: state({}, { pending: 2 }) }));
    renderApp(core);
    const bar = await screen.findByRole('group', { name: 'Status bar' });
    expect((await within(bar).findByTestId('status-outbox')).textContent).toBe('Outbox: 2 pending');

    act(() => core.emit('outbox.state', state({}, { pending: 3, conflict: 1 })));
    expect(within(bar).getByTestId('status-outbox').textContent).toBe('Outbox: 3 pending · 1 conflict');
    act(() => core.emit('outbox.state', { ...state({}, { pending: 9 }), accountId: 'another-account' }));
    expect(within(bar).getByTestId('status-outbox').textContent).toBe('Outbox: 3 pending · 1 conflict');

    act(() => {
      core.emit('app.status', { ...core.status, online: false });
      core.emit('outbox.state', state({ online: false, nextProbeAt: Date.now() + 8_000 }, { pending: 3 }));
    });
    const network = within(bar).getByRole('status', { name: 'Network' });
    expect(network.textContent).toMatch(/^Offlinechanges wait in the outbox; next try in (8|7) s$/);

    act(() => {
      core.emit('app.status', { ...core.status, online: true });
      core.emit('outbox.state', state());
    });
    expect(within(bar).getByTestId('status-outbox').textContent).toBe('Outbox: nothing waiting');
    expect(within(bar).queryByTestId('status-next-try')).toBeNull();
  });

  it('opens the Outbox page when clicked', async () => {
    const core = new FakeCore({ status: { account } });
    renderApp(core);
    const button = await screen.findByTestId('status-outbox');
    // The workspace (a lazy chunk) is showing its first page: it has told the status bar how to open the outbox.
    await screen.findByRole('grid', { name: 'Leads' });
    expect(screen.getByRole('tab', { name: /Outbox/ }).getAttribute('aria-selected')).toBe('false');
    fireEvent.click(button);
    expect(screen.getByRole('tab', { name: /Outbox/ }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('heading', { name: 'Outbox' })).toBeTruthy();
  });
});
