// The typed client over a real core: commands answer with the core's envelopes, events arrive by name only.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/ipc/contract';
import { callCore, coreClient } from './core-client';
import { CoreHarness, valueOf } from './testing/core-harness';

const h = new CoreHarness();
afterEach(() => h.cleanup());

describe('coreClient', () => {
  it('runs contract commands on the core and delivers only the subscribed event', async () => {
    const core = await h.core();
    const api = coreClient(core);
    expect(coreClient(core)).toBe(api);
    const statuses: AppStatus[] = [];
    const off = api.on('app.status', (status) => statuses.push(status));
    expect(valueOf<AppStatus>(await api.app.status()).account).toBeNull();
    const account = valueOf<{ kind: string }>(await api.sandbox.connect());
    expect(account.kind).toBe('sandbox');
    expect(statuses.at(-1)?.account).toMatchObject({ kind: 'sandbox' });
    off();
    const seen = statuses.length;
    await api.accounts.list();
    expect(statuses).toHaveLength(seen);
  });

  it('passes the core’s validation errors through as envelopes', async () => {
    const core = await h.core();
    const reply = await callCore(core, 'leads.find', { query: '' });
    expect(reply).toMatchObject({ ok: false, error: { code: expect.any(String) } });
  });
});
