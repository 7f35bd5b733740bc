// Connecting safely (issue 15.3, 15.4, 15.10): credentials go to a non-Kartra host only when the user named
// it; a hostile endpoint echoing the secrets in any encoding never gets them into the error envelope;
// a reconnect whose keychain write fails leaves the account's address and secret as they were.
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../../shared/domain/account';
import { SessionSecretStore, type AccountSecret } from '../credentials/secret-store';
import { startServer } from '../kartra/testing/stub-server';
import { DEMO_ACCOUNT, SANDBOX_APP_ID } from '../sandbox';
import { DROPPED_TEXT } from '../secret-text';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';
import { allForms, ENCODINGS, ODD_KEY, ODD_PASSWORD } from '../testing/secret-encodings';

const h = new CoreHarness();
afterEach(() => h.cleanup());

const demo = (apiUrl: string, extra: Record<string, unknown> = {}) => ({
  label: 'Shop',
  appId: SANDBOX_APP_ID,
  apiKey: DEMO_ACCOUNT.apiKey,
  apiPassword: DEMO_ACCOUNT.apiPassword,
  apiUrl,
  ...extra,
});

describe('a non-Kartra API host', () => {
  it('is refused until the user confirms that very host, before anything is sent', async () => {
    const sandbox = await h.sandbox();
    const core = await h.core();
    const port = new URL(sandbox.url).port;
    // 0.0.0.0 reaches this machine's listeners but is not a loopback address: it stands in for a foreign host.
    const foreign = `https://0.0.0.0:${port}/api`;
    const before = sandbox.stats().requests;
    for (const confirmApiHost of [undefined, 'app.kartra.com', '0.0.0.1']) {
      const refused = errorOf(await core.handle('accounts.connect', demo(foreign, confirmApiHost ? { confirmApiHost } : {})));
      expect(refused).toMatchObject({ code: 'invalid_input', details: { field: 'apiUrl' } });
      expect(refused.message).toContain('points to 0.0.0.0, which is not Kartra (app.kartra.com)');
    }
    // Confirmed: the core goes on and calls it (here the TLS handshake fails: the sandbox speaks http).
    const confirmed = errorOf(await core.handle('accounts.connect', demo(foreign, { confirmApiHost: '0.0.0.0' })));
    expect(confirmed.code).not.toBe('invalid_input');
    expect(sandbox.stats().requests).toBe(before);
    expect(valueOf<{ accounts: unknown[] }>(await core.handle('accounts.list', {})).accounts).toEqual([]);
  });

  it('needs no confirmation on this computer, and plain http only on literal loopback', async () => {
    const sandbox = await h.sandbox();
    const core = await h.core();
    const port = new URL(sandbox.url).port;
    expect(valueOf<AccountInfo>(await core.handle('accounts.connect', demo(`http://localhost:${port}/api`))).apiUrl).toBe(`http://localhost:${port}/api`);
    const named = errorOf(await core.handle('accounts.connect', demo(`http://kartra.localhost:${port}/api`, { confirmApiHost: 'kartra.localhost' })));
    expect(named.code).toBe('invalid_input');
    expect(named.message).toMatch(/plain http to kartra\.localhost/);
  });
});

describe('a hostile endpoint echoing the credentials', () => {
  it.each(Object.keys(ENCODINGS))('keeps the %s form out of the error envelope', async (name) => {
    const encode = ENCODINGS[name]!;
    const server = await startServer(() => ({
      json: { status: 'Error', message: `Key ${encode(ODD_KEY)} with password ${encode(ODD_PASSWORD)} is not valid`, type: '203' },
    }));
    try {
      const core = await h.core();
      const error = errorOf(await core.handle('accounts.connect', { ...demo(server.url), apiKey: ODD_KEY, apiPassword: ODD_PASSWORD }));
      expect(error.code).toBe('auth_failed');
      const envelope = JSON.stringify(error);
      expect(error.details?.kartraMessage).toBe('Key [redacted] with password [redacted] is not valid');
      for (const form of allForms(ODD_KEY, ODD_PASSWORD)) expect(envelope, form).not.toContain(form);
    } finally {
      await server.close();
    }
  });

  it('drops a message that echoes a form body with api_key= or api_password=', async () => {
    const echoes = ['you sent app_id=X&api_key=abc&api_password=def', 'bad API%5Fpassword%3Dxyz', 'lead[email]=a&API_KEY = 1'];
    let i = 0;
    const server = await startServer(() => ({ json: { status: 'Error', message: echoes[i++ % echoes.length], type: '203' } }));
    try {
      const core = await h.core();
      for (let n = 0; n < echoes.length; n++) {
        const error = errorOf(await core.handle('accounts.connect', demo(server.url)));
        expect(error.details?.kartraMessage, echoes[n]).toBe(DROPPED_TEXT);
        expect(JSON.stringify(error)).not.toMatch(/api(_|%5f)(key|password)/i);
      }
    } finally {
      await server.close();
    }
  });
});

/** A keychain that takes the first secret, then refuses every later write. */
class KeychainFailingAfterFirstWrite extends SessionSecretStore {
  writes = 0;
  override async set(accountId: string, secret: AccountSecret): Promise<void> {
    if (this.writes++ > 0) throw new Error('org.freedesktop.Secret.Error.IsLocked');
    return super.set(accountId, secret);
  }
}

describe('reconnect', () => {
  it('changes the address only after the new secret was stored', async () => {
    const sandbox = await h.sandbox();
    const keychain = new KeychainFailingAfterFirstWrite();
    const core = await h.core({ keychain });
    const info = valueOf<AccountInfo>(await core.handle('accounts.connect', demo(sandbox.url)));
    const newUrl = sandbox.url.replace('127.0.0.1', 'localhost');

    const failed = errorOf(await core.handle('accounts.connect', demo(newUrl, { accountId: info.id, label: 'Renamed' })));
    expect(failed.code).toBe('keychain_unavailable');
    const list = valueOf<{ accounts: AccountInfo[] }>(await core.handle('accounts.list', {}));
    expect(list.accounts).toMatchObject([{ id: info.id, apiUrl: sandbox.url, label: 'Shop', credentials: 'keychain' }]);
    expect(await keychain.get(info.id)).toEqual({ apiKey: DEMO_ACCOUNT.apiKey, apiPassword: DEMO_ACCOUNT.apiPassword });
  });
});
