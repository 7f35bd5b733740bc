// Accounts against the real OS keychain (gnome-keyring on a private D-Bus): npm run test:keychain.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../../shared/domain/account';
import { openKeychain } from '../credentials/secret-store';
import { AGENCY_ACCOUNT, DEMO_ACCOUNT, SANDBOX_APP_ID, type RunningSandbox } from '../sandbox';
import { CoreHarness, valueOf } from '../testing/core-harness';
import { coreClient } from '../core-client';

const h = new CoreHarness();
afterEach(() => h.cleanup());

// A service name of our own so the test never touches a real Lead Desk entry of the machine.
const service = `Lead Desk keychain test ${randomUUID()}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const input = (sandbox: RunningSandbox, account: typeof DEMO_ACCOUNT) => ({
  label: account.label,
  appId: SANDBOX_APP_ID,
  apiKey: account.apiKey,
  apiPassword: account.apiPassword,
  apiUrl: sandbox.url,
});

describe('accounts with the real keychain', async () => {
  const { store, reason } = await openKeychain(service);
  afterAll(async () => {
    for (const id of (await store?.listAccountIds()) ?? []) await store?.delete(id);
  });

  it('has a Secret Service to talk to', () => {
    expect(reason).toBeUndefined();
  });

  it('keeps two accounts in the keychain, survives a restart, and forgets one without a trace', async () => {
    const sandbox = await h.sandbox();
    const dataDir = h.tempDir();
    const core = await h.core({ dataDir, keychain: store! });
    const demo = valueOf<AccountInfo>(await coreClient(core).accounts.connect(input(sandbox, DEMO_ACCOUNT)));
    const agency = valueOf<AccountInfo>(await coreClient(core).accounts.connect(input(sandbox, AGENCY_ACCOUNT)));
    expect([demo.credentials, agency.credentials]).toEqual(['keychain', 'keychain']);
    expect(await store!.listAccountIds()).toEqual([demo.id, agency.id].sort());
    expect(await store!.get(demo.id)).toEqual({ apiKey: DEMO_ACCOUNT.apiKey, apiPassword: DEMO_ACCOUNT.apiPassword });
    await h.closeCore(core);

    // After a restart both are still usable: the secrets came back from the keychain.
    const again = await h.core({ dataDir, keychain: store! });
    const list = valueOf<{ accounts: AccountInfo[] }>(await coreClient(again).accounts.list({}));
    expect(list.accounts.map((a) => a.credentials)).toEqual(['keychain', 'keychain']);
    valueOf(await coreClient(again).accounts.switch({ id: demo.id }));
    valueOf(await coreClient(again).account.tags({ refresh: true }));

    valueOf(await coreClient(again).accounts.forget({ id: demo.id, deleteLocalData: true }));
    expect(await store!.get(demo.id)).toBeUndefined();
    expect(await store!.listAccountIds()).toEqual([agency.id]);
    await h.closeCore(again);

    for (const file of filesUnder(dataDir)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(DEMO_ACCOUNT.apiPassword), file).toBe(false);
      expect(bytes.includes(DEMO_ACCOUNT.apiKey), file).toBe(false);
      // The remaining account's secret is not in any file either: only in the keychain.
      expect(bytes.includes(AGENCY_ACCOUNT.apiPassword), file).toBe(false);
    }
  });
});
