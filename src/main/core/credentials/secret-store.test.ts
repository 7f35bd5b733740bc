import { describe, expect, it } from 'vitest';
import { KeychainSecretStore, SessionSecretStore } from './secret-store';

describe('SessionSecretStore', () => {
  it('keeps secrets in memory only and hands out copies', async () => {
    const store = new SessionSecretStore();
    await store.set('a', { apiKey: 'k', apiPassword: 'p' });
    const got = await store.get('a');
    got!.apiKey = 'changed';
    expect(await store.get('a')).toEqual({ apiKey: 'k', apiPassword: 'p' });
    expect(await store.listAccountIds()).toEqual(['a']);
    expect(await store.delete('a')).toBe(true);
    expect(await store.get('a')).toBeUndefined();
  });
});

describe('KeychainSecretStore', () => {
  it('treats a corrupted keychain entry as absent instead of crashing', async () => {
    const entries = new Map<string, string>([['x', 'not json']]);
    const keytar = {
      getPassword: async (_s: string, a: string) => entries.get(a) ?? null,
    } as unknown as ConstructorParameters<typeof KeychainSecretStore>[0];
    expect(await new KeychainSecretStore(keytar, 'svc').get('x')).toBeUndefined();
  });
});
