// Runs against a real Secret Service (gnome-keyring on a private D-Bus): npm run test:keychain.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openKeychain } from './secret-store';

const service = `Lead Desk test ${randomUUID()}`;

describe('KeychainSecretStore (real Secret Service)', async () => {
  const { store, reason } = await openKeychain(service);

  afterAll(async () => {
    for (const id of (await store?.listAccountIds()) ?? []) await store?.delete(id);
  });

  it('is available under scripts/with-keyring.sh', () => {
    expect(reason).toBeUndefined();
    expect(store?.kind).toBe('keychain');
  });

  it('stores, reads, lists and deletes the secrets of two accounts independently', async () => {
    const s = store!;
    await s.set('acct-a', { apiKey: 'key-A-123', apiPassword: 'pw-A-456' });
    await s.set('acct-b', { apiKey: 'key-B-789', apiPassword: 'pw B with spaces & symbols "é"' });
    expect(await s.get('acct-a')).toEqual({ apiKey: 'key-A-123', apiPassword: 'pw-A-456' });
    expect(await s.get('acct-b')).toEqual({ apiKey: 'key-B-789', apiPassword: 'pw B with spaces & symbols "é"' });
    expect(await s.listAccountIds()).toEqual(['acct-a', 'acct-b']);

    await s.set('acct-a', { apiKey: 'key-A-new', apiPassword: 'pw-A-new' });
    expect(await s.get('acct-a')).toEqual({ apiKey: 'key-A-new', apiPassword: 'pw-A-new' });

    expect(await s.delete('acct-a')).toBe(true);
    expect(await s.get('acct-a')).toBeUndefined();
    expect(await s.delete('acct-a')).toBe(false);
    expect(await s.listAccountIds()).toEqual(['acct-b']);
  });
});
