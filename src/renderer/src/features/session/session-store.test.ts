import { describe, expect, it, vi } from 'vitest';
import { makeApi } from '../../../../shared/ipc/make-api';
import type { AppStatus } from '../../../../shared/ipc/contract';
import type { Envelope } from '../../../../shared/ipc/envelope';
import { deferred, fail, FakeCore, ok } from '../../testing/fake-core';
import { makeSandboxAccount } from '../../testing/fixtures';
import { createSessionStore } from './session-store';

describe('session store', () => {
  it('lets a pushed status win over an older refresh that answers later', async () => {
    const core = new FakeCore();
    const slow = deferred<Envelope<AppStatus>>();
    core.answer('app.status', () => slow.promise);
    const store = createSessionStore(makeApi(core));
    const refreshing = store.getState().refresh();

    const base = { version: '1', online: true, defaultAppId: null, keychain: { available: true, problem: null } };
    const connected: AppStatus = { ...base, account: makeSandboxAccount() };
    store.getState().applyStatus(connected);
    slow.resolve(ok({ ...base, account: null }));
    await refreshing;
    expect(store.getState().status).toEqual(connected);
  });

  it('keeps a known status when a later refresh fails', async () => {
    const core = new FakeCore({ status: { account: makeSandboxAccount() } });
    const store = createSessionStore(makeApi(core));
    await store.getState().refresh();
    core.answer('app.status', () => fail('internal', 'boom'));
    await store.getState().refresh();
    expect(store.getState().phase).toBe('ready');
    expect(store.getState().status?.account?.id).toBe('sandbox');
  });

  it('treats a reply that is not an envelope as a failure with a clear message', async () => {
    const core = new FakeCore();
    core.answer('sandbox.connect', () => ({ nonsense: true }) as never);
    const store = createSessionStore(makeApi(core));
    expect(await store.getState().connectSandbox()).toBe(false);
    expect(store.getState().connectError?.message).toBe('The app core sent a reply that is not an envelope for sandbox.connect.');
  });

  it('applies an account a command answered with, and reads the whole status when it has none yet', async () => {
    const core = new FakeCore({ status: { defaultAppId: 'LEADDESK' } });
    const store = createSessionStore(makeApi(core));
    store.getState().applyAccount(makeSandboxAccount());
    // No status to patch yet: it asked for one instead of inventing version and keychain.
    await vi.waitFor(() => expect(store.getState().status?.defaultAppId).toBe('LEADDESK'));
    expect(core.callsOf('app.status')).toHaveLength(1);

    store.getState().applyAccount(makeSandboxAccount({ label: 'Renamed' }));
    expect(store.getState().status).toMatchObject({ defaultAppId: 'LEADDESK', account: { label: 'Renamed' } });
    store.getState().applyAccount(null);
    expect(store.getState().status?.account).toBeNull();
  });
});
