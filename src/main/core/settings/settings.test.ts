// The Settings slice through the real core (router, SQLite) and the sandbox over HTTP: the import's default policy
// is kept across a restart, the cache's size is counted and cleared (its views with it), "Refresh all" reads every
// cached lead once on the bulk lane and brings Kartra's copy, and folders open only where the app can open them.
import { afterEach, describe, expect, it } from 'vitest';
import type { LimiterState } from '../../../shared/domain/limiter';
import type { LeadRow } from '../../../shared/domain/lead-views';
import type { CacheRefreshState } from '../../../shared/domain/local-leads';
import type { SettingsView } from '../../../shared/ipc/contract/settings';
import { connectedCore } from '../jobs/testing/import-test-kit';
import { DEMO_ACCOUNT } from '../sandbox';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';
import { waitUntil } from '../testing/wait';

const h = new CoreHarness();
afterEach(() => h.cleanup());

describe('settings', () => {
  it('keeps the import policy across a restart and refuses a policy it does not know', async () => {
    const dataDir = h.tempDir();
    const core = await h.core({ dataDir });
    expect(valueOf<SettingsView>(await core.handle('settings.get', {}))).toMatchObject({
      importPolicy: 'keep',
      cache: null,
      folders: { data: dataDir, logs: null },
      canOpenFolders: false,
    });
    expect(valueOf<SettingsView>(await core.handle('settings.save', { importPolicy: 'fill' })).importPolicy).toBe('fill');
    expect(errorOf(await core.handle('settings.save', { importPolicy: 'replace' })).code).toBe('invalid_input');
    await h.closeCore(core);
    const again = await h.core({ dataDir });
    expect(valueOf<SettingsView>(await again.handle('settings.get', {})).importPolicy).toBe('fill');
    expect(valueOf<{ opened: boolean }>(await again.handle('settings.openFolder', { folder: 'data' }))).toEqual({ opened: false });
    expect(errorOf(await again.handle('settings.clearCache', {})).code).toBe('not_connected');
  });

  it('opens the data and logs folders through the host when it can', async () => {
    const opened: string[] = [];
    const dataDir = h.tempDir();
    const core = await h.core({ dataDir, logsDir: `${dataDir}/logs`, openFolder: async (path) => void opened.push(path) });
    expect(valueOf<SettingsView>(await core.handle('settings.get', {}))).toMatchObject({ canOpenFolders: true, folders: { logs: `${dataDir}/logs` } });
    valueOf(await core.handle('settings.openFolder', { folder: 'logs' }));
    valueOf(await core.handle('settings.openFolder', { folder: 'data' }));
    expect(opened).toEqual([`${dataDir}/logs`, dataDir]);
  });

  it('counts, refreshes every cached lead from Kartra on the bulk lane, then clears the cache and its views', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox, { limiter: { limit: 20 } });
    const demo = sandbox.inspect.listLeads({ apiKey: DEMO_ACCOUNT.apiKey }).filter((l) => !l.deleted).slice(0, 5);
    for (const lead of demo) valueOf(await core.handle('leads.find', { query: lead.email }));
    const before = valueOf<SettingsView>(await core.handle('settings.get', {}));
    expect(before.cache).toEqual({ leads: 5, fromFile: 0 });
    expect(before.databaseBytes).toBeGreaterThan(0);

    // Kartra's copy changes behind the app's back; "Refresh all" brings it in.
    sandbox.inspect.editLead({ apiKey: DEMO_ACCOUNT.apiKey, email: demo[0]!.email, profile: { company: 'Refreshed Ltd' } });
    const requests = sandbox.stats().requests;
    const lanes: LimiterState[] = [];
    const stop = core.onEvent((event, payload) => event === 'limiter.state' && lanes.push(payload as LimiterState));
    expect(valueOf<CacheRefreshState>(await core.handle('settings.refreshCache', {}))).toMatchObject({ status: 'running', total: 5 });
    const done = await waitUntil(async () => {
      const s = valueOf<CacheRefreshState>(await core.handle('leads.refreshState', {}));
      return s.status === 'running' ? undefined : s;
    }, 'the refresh to finish', 10_000);
    stop();
    expect(done).toMatchObject({ status: 'done', done: 5, found: 5, failed: 0 });
    expect(sandbox.stats().requests - requests).toBe(5);
    expect(lanes.every((s) => s.queued.interactive === 0 && s.queued.outbox === 0)).toBe(true);
    const found = valueOf<{ rows: LeadRow[] }>(await core.handle('leads.search', { query: demo[0]!.email, limit: 5 }));
    expect(found.rows[0]).toMatchObject({ company: 'Refreshed Ltd' });

    expect(valueOf<{ removed: number }>(await core.handle('settings.clearCache', {}))).toEqual({ removed: 5 });
    expect(valueOf<SettingsView>(await core.handle('settings.get', {})).cache).toEqual({ leads: 0, fromFile: 0 });
    expect(valueOf<{ total: number }>(await core.handle('leads.search', { query: '', limit: 5 })).total).toBe(0);
    const view = valueOf<{ total: number }>(await core.handle('views.filter', { filter: {}, limit: 5 }));
    expect(view.total).toBe(0);
  });
});
