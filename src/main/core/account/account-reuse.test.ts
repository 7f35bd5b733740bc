// accounts.connect with reuse: the account already known for these credentials is used again — recognised through the
// keychain or, for session-only secrets after a restart, their salted fingerprint — and identical credentials need no call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../../shared/domain/account';
import { AGENCY_ACCOUNT, DEMO_ACCOUNT, SANDBOX_APP_ID, type RunningSandbox } from '../sandbox';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';

const h = new CoreHarness();
afterEach(() => h.cleanup());

const connect = (sandbox: RunningSandbox, account = DEMO_ACCOUNT, extra: Record<string, unknown> = {}) => ({
  label: 'CLI',
  appId: SANDBOX_APP_ID,
  apiKey: account.apiKey,
  apiPassword: account.apiPassword,
  apiUrl: sandbox.url,
  sessionOnly: true,
  ...extra,
});

describe('accounts.connect with reuse', () => {
  it('after a restart without a keychain, finds the session-only account by fingerprint with no call to Kartra (so it works offline)', async () => {
    const sandbox = await h.sandbox();
    const dataDir = h.tempDir();
    const first = await h.core({ keychain: 'none', dataDir });
    const info = valueOf<AccountInfo>(await first.handle('accounts.connect', connect(sandbox, DEMO_ACCOUNT, { label: 'Shop' })));
    await h.closeCore(first);

    const again = await h.core({ keychain: 'none', dataDir });
    // Without reuse the same Kartra account is refused as a duplicate (recognised although its secret is gone).
    expect(errorOf(await again.handle('accounts.connect', connect(sandbox))).code).toBe('already_exists');
    const before = sandbox.stats().requests;
    const reused = valueOf<AccountInfo>(await again.handle('accounts.connect', connect(sandbox, DEMO_ACCOUNT, { reuse: true })));
    expect(reused).toMatchObject({ id: info.id, label: 'Shop', credentials: 'session' });
    expect(sandbox.stats().requests).toBe(before);

    // Another key is another account; a changed password is checked with Kartra (and refused when wrong).
    const agency = valueOf<AccountInfo>(await again.handle('accounts.connect', connect(sandbox, AGENCY_ACCOUNT, { reuse: true })));
    expect(agency.id).not.toBe(info.id);
    const wrong = errorOf(await again.handle('accounts.connect', connect(sandbox, { ...DEMO_ACCOUNT, apiPassword: 'not-it' }, { reuse: true })));
    expect(wrong.code).toBe('auth_failed');
    expect(valueOf<{ accounts: AccountInfo[] }>(await again.handle('accounts.list', {})).accounts).toHaveLength(2);

    await h.closeCore(again);
    const db = readFileSync(join(dataDir, 'lead-desk.sqlite')).toString('latin1');
    for (const secret of [DEMO_ACCOUNT.apiKey, DEMO_ACCOUNT.apiPassword, AGENCY_ACCOUNT.apiPassword]) expect(db).not.toContain(secret);
  });

  it('forgetting the secret keeps the account findable; forgetting it with its local data leaves no fingerprint', async () => {
    const sandbox = await h.sandbox();
    const dataDir = h.tempDir();
    const core = await h.core({ keychain: 'none', dataDir });
    const info = valueOf<AccountInfo>(await core.handle('accounts.connect', connect(sandbox)));
    valueOf(await core.handle('accounts.forget', { id: info.id, deleteLocalData: false }));
    expect(valueOf<AccountInfo>(await core.handle('accounts.connect', connect(sandbox, DEMO_ACCOUNT, { reuse: true }))).id).toBe(info.id);

    valueOf(await core.handle('accounts.forget', { id: info.id, deleteLocalData: true }));
    await h.closeCore(core);
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(join(dataDir, 'lead-desk.sqlite'), { readOnly: true });
    expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'credential-fingerprint:%'").get()).toEqual({ n: 0 });
    db.close();
  });
});
