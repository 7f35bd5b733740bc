import { describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../../../shared/domain/account';
import type { CommandOutput } from '../../../../shared/ipc/contract';
import type { Envelope } from '../../../../shared/ipc/envelope';
import { makeApi } from '../../../../shared/ipc/make-api';
import { deferred, fail, FakeCore, ok } from '../../testing/fake-core';
import { makeKartraAccount } from '../../testing/fixtures';
import { createAccountsStore } from './accounts-store';

function setup(core: FakeCore, connected: string | null = null) {
  const applied: (AccountInfo | null)[] = [];
  let connectedId = connected;
  const store = createAccountsStore(makeApi(core), {
    applyAccount: (account) => {
      applied.push(account);
      connectedId = account?.id ?? null;
    },
    connectedId: () => connectedId,
  });
  return { store, applied };
}

const values = { label: ' Shop ', apiKey: ' key-1 ', apiPassword: 'pw-secret', appId: 'APP', apiUrl: 'https://app.kartra.com/api' };

describe('accounts store', () => {
  it('lets the newest list win over an older one that answers later', async () => {
    const core = new FakeCore({ accounts: [makeKartraAccount({ id: 'a', label: 'Old name' })] });
    const slow = deferred<Envelope<CommandOutput<'accounts.list'>>>();
    core.answer('accounts.list', () => slow.promise);
    const { store } = setup(core);
    const first = store.getState().load();
    core.answer('accounts.list', () => ok({ accounts: [makeKartraAccount({ id: 'a', label: 'New name' })], currentId: 'a', keychain: core.status.keychain, pending: {} }));
    await store.getState().load();
    slow.resolve(ok({ accounts: [makeKartraAccount({ id: 'a', label: 'Old name' })], currentId: null, keychain: core.status.keychain, pending: {} }));
    await first;
    expect(store.getState().accounts.map((a) => a.label)).toEqual(['New name']);
    expect(store.getState().currentId).toBe('a');
  });

  it('keeps the last list when a reload fails, and says why', async () => {
    const core = new FakeCore({ accounts: [makeKartraAccount()] });
    const { store } = setup(core);
    await store.getState().load();
    core.answer('accounts.list', () => fail('internal', 'Database is locked.'));
    await store.getState().load();
    expect(store.getState().accounts).toHaveLength(1);
    expect(store.getState().loadError?.message).toBe('Database is locked.');
  });

  it('sends trimmed values once; on success the account is applied and the form closes', async () => {
    const core = new FakeCore();
    const { store, applied } = setup(core);
    store.getState().openForm();
    const outcome = await store.getState().connect({ values, sessionOnly: false, accountId: null });
    expect(outcome.ok).toBe(true);
    expect(core.callsOf('accounts.connect')).toEqual([{ ...values, label: 'Shop', apiKey: 'key-1', sessionOnly: false }]);
    expect(applied.map((a) => a?.label)).toEqual(['Shop']);
    expect(store.getState().form).toBeNull();
    // The secrets were only passed through: nothing in the store's state holds them.
    expect(JSON.stringify(store.getState())).not.toContain('pw-secret');
    expect(JSON.stringify(store.getState())).not.toContain('key-1');
  });

  it('on failure keeps the form open with the error, applies nothing', async () => {
    const core = new FakeCore();
    core.answer('accounts.connect', () => fail('auth_failed', 'The API password does not match.', false, { kartraType: '233' }));
    const { store, applied } = setup(core);
    store.getState().openForm('acc-1');
    const outcome = await store.getState().connect({ values, sessionOnly: true, accountId: 'acc-1' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'auth_failed' } });
    expect(core.callsOf('accounts.connect')[0]).toMatchObject({ accountId: 'acc-1', sessionOnly: true });
    expect(store.getState()).toMatchObject({ form: { accountId: 'acc-1' }, connecting: false, connectError: { details: { kartraType: '233' } } });
    expect(applied).toEqual([]);
  });

  it('forgetting the connected account disconnects the view; forgetting another one does not', async () => {
    const shop = makeKartraAccount({ id: 'shop' });
    const other = makeKartraAccount({ id: 'other', label: 'Other' });
    const core = new FakeCore({ status: { account: shop }, accounts: [other] });
    const { store, applied } = setup(core, 'shop');
    expect((await store.getState().forget('other', true)).ok).toBe(true);
    expect(applied).toEqual([]);
    expect(store.getState().accounts.map((a) => a.id)).toEqual(['shop']);
    expect((await store.getState().forget('shop', false)).ok).toBe(true);
    expect(applied).toEqual([null]);
    expect(store.getState().accounts).toMatchObject([{ id: 'shop', credentials: 'missing' }]);
  });

  it('renaming another account does not touch the connected one', async () => {
    const core = new FakeCore({ status: { account: makeKartraAccount({ id: 'shop' }) }, accounts: [makeKartraAccount({ id: 'other' })] });
    const { store, applied } = setup(core, 'shop');
    expect(await store.getState().rename('other', '  Renamed  ')).toMatchObject({ ok: true, value: { label: 'Renamed' } });
    expect(core.callsOf('accounts.rename')).toEqual([{ id: 'other', label: 'Renamed' }]);
    expect(applied).toEqual([]);
  });
});
