// Accounts end to end through the router: validation call, auth errors, keychain fallback, several accounts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../../shared/domain/account';
import type { Lead } from '../../../shared/domain/lead';
import { SessionSecretStore } from '../credentials/secret-store';
import { AGENCY_ACCOUNT, DEMO_ACCOUNT, DEMO_LEAD_EMAIL, INACTIVE_ACCOUNT, SANDBOX_APP_ID, SANDBOX_APPS, type RunningSandbox } from '../sandbox';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';
import { coreClient } from '../core-client';
import type { CommandInput } from '../../../shared/ipc/contract';

const h = new CoreHarness();
afterEach(() => h.cleanup());

const connectInput = (sandbox: RunningSandbox, account = DEMO_ACCOUNT, extra: Partial<CommandInput<'accounts.connect'>> = {}): CommandInput<'accounts.connect'> => ({
  label: account.label,
  appId: SANDBOX_APP_ID,
  apiKey: account.apiKey,
  apiPassword: account.apiPassword,
  apiUrl: sandbox.url,
  ...extra,
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('accounts.connect', () => {
  it('validates with one call, keeps the secret only in the keychain and makes the account current', async () => {
    const sandbox = await h.sandbox();
    const keychain = new SessionSecretStore();
    const dataDir = h.tempDir();
    const core = await h.core({ keychain, dataDir });
    const before = sandbox.stats().requests;

    const info = valueOf<AccountInfo>(await coreClient(core).accounts.connect(connectInput(sandbox)));
    expect(sandbox.stats().requests - before).toBe(1);
    expect(info).toMatchObject({ kind: 'kartra', label: 'Demo Store', credentials: 'keychain', apiUrl: sandbox.url });
    expect(JSON.stringify(info)).not.toContain(DEMO_ACCOUNT.apiPassword);
    expect(await keychain.get(info.id)).toEqual({ apiKey: DEMO_ACCOUNT.apiKey, apiPassword: DEMO_ACCOUNT.apiPassword });

    // The tags fetched by the validating call are already cached: no second call.
    valueOf(await coreClient(core).account.tags({}));
    expect(sandbox.stats().requests - before).toBe(1);

    await h.closeCore(core);
    for (const file of filesUnder(dataDir)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(DEMO_ACCOUNT.apiPassword), file).toBe(false);
      expect(bytes.includes(DEMO_ACCOUNT.apiKey), file).toBe(false);
    }
  });

  const authCases: [string, (s: RunningSandbox) => CommandInput<'accounts.connect'>, RegExp][] = [
    ['233 wrong password', (s) => connectInput(s, DEMO_ACCOUNT, { apiPassword: 'wrong' }), /password/i],
    ['203 unknown key', (s) => connectInput(s, DEMO_ACCOUNT, { apiKey: 'nope' }), /API key/i],
    ['204 inactive account', (s) => connectInput(s, INACTIVE_ACCOUNT), /inactive|active/i],
    ['239 unknown app', (s) => connectInput(s, DEMO_ACCOUNT, { appId: 'NOTANAPP' }), /App ID/i],
    ['240 inactive app', (s) => connectInput(s, DEMO_ACCOUNT, { appId: SANDBOX_APPS.inactive }), /app/i],
    ['242 IP not allowed', (s) => connectInput(s, DEMO_ACCOUNT, { appId: SANDBOX_APPS.ipRestricted }), /IP/],
  ];
  for (const [name, input, message] of authCases) {
    it(`explains ${name} and stores nothing`, async () => {
      const sandbox = await h.sandbox();
      const keychain = new SessionSecretStore();
      const core = await h.core({ keychain });
      const error = errorOf(await coreClient(core).accounts.connect(input(sandbox)));
      expect(error.code).toBe('auth_failed');
      expect(error.details?.kartraType).toBe(name.slice(0, 3));
      expect(error.message).toMatch(message);
      expect(await keychain.listAccountIds()).toEqual([]);
      expect(valueOf<{ accounts: unknown[] }>(await coreClient(core).accounts.list({})).accounts).toEqual([]);
    });
  }

  it('explains 201 when the API answers that the connection is not secure', async () => {
    const sandbox = await h.sandbox({ simulateInsecure: true });
    const core = await h.core();
    const error = errorOf(await coreClient(core).accounts.connect(connectInput(sandbox)));
    expect(error).toMatchObject({ code: 'auth_failed', details: { kartraType: '201' } });
    expect(error.message).toMatch(/https|secure/i);
  });

  it('refuses plain http to a non-loopback address before sending anything', async () => {
    const core = await h.core();
    const error = errorOf(await coreClient(core).accounts.connect({ label: 'x', appId: 'A', apiKey: 'k', apiPassword: 'p', apiUrl: 'http://app.kartra.com/api' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/https/i);
  });

  it('refuses the same Kartra account twice', async () => {
    const sandbox = await h.sandbox();
    const core = await h.core();
    valueOf(await coreClient(core).accounts.connect(connectInput(sandbox)));
    const error = errorOf(await coreClient(core).accounts.connect(connectInput(sandbox, DEMO_ACCOUNT, { label: 'Again' })));
    expect(error.code).toBe('already_exists');
    expect(error.message).toContain('Demo Store');
  });
});

describe('without a keychain', () => {
  it('says so, then keeps credentials for this session only when asked', async () => {
    const sandbox = await h.sandbox();
    const dataDir = h.tempDir();
    const core = await h.core({ keychain: 'none', dataDir });
    const status = valueOf<{ keychain: { available: boolean; problem: string } }>(await coreClient(core).app.status({}));
    expect(status.keychain).toEqual({ available: false, problem: 'test: no Secret Service' });

    const refused = errorOf(await coreClient(core).accounts.connect(connectInput(sandbox)));
    expect(refused.code).toBe('keychain_unavailable');
    expect(refused.message).toMatch(/this session only/);

    const info = valueOf<AccountInfo>(await coreClient(core).accounts.connect(connectInput(sandbox, DEMO_ACCOUNT, { sessionOnly: true })));
    expect(info.credentials).toBe('session');
    valueOf(await coreClient(core).leads.find({ query: DEMO_LEAD_EMAIL }));
    await h.closeCore(core);

    // After a restart the secret is gone: the account is listed but needs its credentials again.
    const again = await h.core({ keychain: 'none', dataDir });
    expect(valueOf<{ account: unknown }>(await coreClient(again).app.status({})).account).toBeNull();
    const list = valueOf<{ accounts: AccountInfo[]; currentId: string }>(await coreClient(again).accounts.list({}));
    expect(list.accounts).toMatchObject([{ id: info.id, credentials: 'missing' }]);
    expect(list.currentId).toBe(info.id);
    const switched = errorOf(await coreClient(again).accounts.switch({ id: info.id }));
    expect(switched.code).toBe('not_connected');
    const reconnected = valueOf<AccountInfo>(
      await coreClient(again).accounts.connect(connectInput(sandbox, DEMO_ACCOUNT, { sessionOnly: true, accountId: info.id })),
    );
    expect(reconnected.id).toBe(info.id);
    expect(valueOf<{ accounts: unknown[] }>(await coreClient(again).accounts.list({})).accounts).toHaveLength(1);
  });
});

describe('several accounts', () => {
  it('switches between two accounts, each with its own leads, renames and forgets', async () => {
    const sandbox = await h.sandbox();
    const keychain = new SessionSecretStore();
    const core = await h.core({ keychain });
    const demo = valueOf<AccountInfo>(await coreClient(core).accounts.connect(connectInput(sandbox)));
    const agency = valueOf<AccountInfo>(await coreClient(core).accounts.connect(connectInput(sandbox, AGENCY_ACCOUNT)));
    expect(valueOf<{ account: AccountInfo }>(await coreClient(core).app.status({})).account.id).toBe(agency.id);

    // The demo lead belongs to the demo account only.
    expect(errorOf(await coreClient(core).leads.find({ query: DEMO_LEAD_EMAIL })).code).toBe('not_found');
    const agencyTags = valueOf<{ items: string[] }>(await coreClient(core).account.tags({})).items;
    valueOf(await coreClient(core).accounts.switch({ id: demo.id }));
    expect(valueOf<Lead>(await coreClient(core).leads.find({ query: DEMO_LEAD_EMAIL })).email).toBe(DEMO_LEAD_EMAIL);
    const demoTags = valueOf<{ items: string[] }>(await coreClient(core).account.tags({})).items;
    expect(demoTags).not.toEqual(agencyTags);

    expect(valueOf<AccountInfo>(await coreClient(core).accounts.rename({ id: demo.id, label: 'Main shop' })).label).toBe('Main shop');
    expect(valueOf<{ account: AccountInfo }>(await coreClient(core).app.status({})).account.label).toBe('Main shop');

    // Forget keeping local data: the secret goes, the account stays listed without credentials.
    let list = valueOf<{ accounts: AccountInfo[]; currentId: string | null }>(await coreClient(core).accounts.forget({ id: demo.id, deleteLocalData: false }));
    expect(await keychain.get(demo.id)).toBeUndefined();
    expect(list.accounts.find((a) => a.id === demo.id)?.credentials).toBe('missing');
    expect(list.currentId).toBeNull();
    expect(errorOf(await coreClient(core).leads.find({ query: DEMO_LEAD_EMAIL })).code).toBe('not_connected');

    list = valueOf(await coreClient(core).accounts.forget({ id: agency.id, deleteLocalData: true }));
    expect(list.accounts.map((a) => a.id)).toEqual([demo.id]);
    expect(await keychain.listAccountIds()).toEqual([]);
  });
});

describe('forget with local data', () => {
  it('also removes the files of the account\'s imports', async () => {
    const sandbox = await h.sandbox();
    const dataDir = h.tempDir();
    const core = await h.core({ dataDir });
    const info = valueOf<AccountInfo>(await coreClient(core).accounts.connect(connectInput(sandbox)));
    const { jobId } = valueOf<{ jobId: string }>(await coreClient(core).import.begin({ fileName: 'leads.csv', bytes: 20 }));
    valueOf(await coreClient(core).import.chunk({ jobId, offset: 0, data: Buffer.from('email\na@example.com\n').toString('base64'), final: true }));
    const folder = join(dataDir, 'imports', jobId);
    expect(existsSync(folder)).toBe(true);
    valueOf(await coreClient(core).accounts.forget({ id: info.id, deleteLocalData: true }));
    expect(existsSync(folder)).toBe(false);
  });
});
