// The outbox end to end against a sandbox that outlives the app: online writes, offline queueing across a
// restart, replay in order, Kartra's refusals, collapsing, and conflicts settled both ways.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../../shared/domain/account';
import type { Lead } from '../../../shared/domain/lead';
import type { OutboxItemView, OutboxState } from '../../../shared/domain/outbox';
import type { WriteReceipt } from '../../../shared/ipc/contract';
import type { Core } from '../core-types';
import { SessionSecretStore } from '../credentials/secret-store';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL, SANDBOX_APP_ID, type RunningSandbox } from '../sandbox';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';
import { waitUntil } from '../testing/wait';

const h = new CoreHarness();
afterEach(() => h.cleanup());

const FAST = { probeBackoffMs: [40, 80, 160], confirmWaitMs: 3_000 };

/** A Kartra that can be stopped and started again on the same port, keeping its data. */
async function kartra() {
  const dir = h.tempDir('lead-desk-kartra-');
  const dataFile = join(dir, 'kartra.sqlite');
  let sandbox: RunningSandbox = await h.sandbox({ dataFile });
  const port = sandbox.port;
  return {
    get sandbox() {
      return sandbox;
    },
    url: sandbox.url,
    stop: () => sandbox.close(),
    /** Restart on the same port, or elsewhere (the app cannot reach it) to change data behind its back. */
    start: async (elsewhere = false) => (sandbox = await h.sandbox({ dataFile, port: elsewhere ? 0 : port })),
    lead: () => sandbox.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, email: DEMO_LEAD_EMAIL })!,
  };
}

async function connectedCore(url: string, keychain = new SessionSecretStore(), dataDir = h.tempDir()) {
  const core = await h.core({ keychain, dataDir, ...FAST });
  const account = valueOf<AccountInfo>(
    await core.handle('accounts.connect', { label: 'Shop', appId: SANDBOX_APP_ID, apiKey: DEMO_ACCOUNT.apiKey, apiPassword: DEMO_ACCOUNT.apiPassword, apiUrl: url }),
  );
  return { core, keychain, dataDir, account };
}

const listOutbox = async (core: Core) => valueOf<{ items: OutboxItemView[]; state: OutboxState }>(await core.handle('outbox.list', {}));

describe('outbox', () => {
  it('online: a change is queued, sent in one call and confirmed before the command answers', async () => {
    const k = await kartra();
    const { core } = await connectedCore(k.url);
    const lead = valueOf<Lead>(await core.handle('leads.find', { query: DEMO_LEAD_EMAIL }));
    const tags = valueOf<{ items: string[] }>(await core.handle('account.tags', {})).items;
    const tag = tags.find((t) => !lead.tags.includes(t))!;
    const started = Date.now();
    const receipt = valueOf<WriteReceipt>(await core.handle('leads.applyActions', { lead: { id: lead.id }, actions: [{ cmd: 'assign_tag', tag_name: tag }] }));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(receipt.confirmed).toBe(true);
    expect(receipt.changes.map((c) => c.status)).toEqual(['done']);
    expect(receipt.lead?.tags).toContain(tag);
    expect((await listOutbox(core)).items).toEqual([]);
    expect(k.lead().tags).toContain(tag);
  });

  it('offline: changes wait durably across a restart and replay in order when Kartra is back', async () => {
    const k = await kartra();
    const first = await connectedCore(k.url);
    const lead = valueOf<Lead>(await first.core.handle('leads.find', { query: DEMO_LEAD_EMAIL }));
    const tags = valueOf<{ items: string[] }>(await first.core.handle('account.tags', {})).items;
    const tag = tags.find((t) => !lead.tags.includes(t))!;
    await k.stop();

    const receipt = valueOf<WriteReceipt>(
      await first.core.handle('leads.edit', {
        lead: { id: lead.id },
        changes: { first_name: 'Offline', city: 'Tromsø' },
        seen: { first_name: lead.first_name, city: lead.city },
        actions: [{ cmd: 'assign_tag', tag_name: tag }, { cmd: 'give_points_to_lead', points: 7 }],
      }),
    );
    expect(receipt.confirmed).toBe(false);
    expect(receipt.changes.map((c) => c.status)).toEqual(['pending', 'pending', 'pending']);
    expect(receipt.changes.every((c) => c.madeOffline)).toBe(true);
    // The profile works offline from the cache and shows the queued changes on it.
    const profile = valueOf<{ fromCache: boolean; lead: Lead; pending: unknown[] }>(await first.core.handle('leads.profile', { id: lead.id }));
    expect(profile).toMatchObject({ fromCache: true, lead: { first_name: 'Offline', city: 'Tromsø' } });
    expect(profile.lead.tags).toContain(tag);
    expect(profile.pending).toHaveLength(3);
    expect(valueOf<{ online: boolean }>(await first.core.handle('app.status', {})).online).toBe(false);
    await h.closeCore(first.core);

    const second = await h.core({ keychain: first.keychain, dataDir: first.dataDir, ...FAST });
    expect((await listOutbox(second)).items.map((i) => i.summary)).toEqual(['Edit first name, city', `Assign tag ${tag}`, 'Give 7 points']);
    await k.start();
    await waitUntil(async () => (await listOutbox(second)).items.length === 0, 'the outbox to drain');
    const after = k.lead();
    expect(after.profile.first_name).toBe('Offline');
    expect(after.profile.city).toBe('Tromsø');
    expect(after.tags).toContain(tag);
    expect(after.score).toBe(lead.score + 7);
    expect(valueOf<{ online: boolean }>(await second.handle('app.status', {})).online).toBe(true);
  });

  it('offline, a write answers "queued" at once instead of waiting out the confirmation time', async () => {
    const k = await kartra();
    const core = await h.core({ ...FAST, confirmWaitMs: 10_000 });
    valueOf(await core.handle('accounts.connect', { label: 'Shop', appId: SANDBOX_APP_ID, apiKey: DEMO_ACCOUNT.apiKey, apiPassword: DEMO_ACCOUNT.apiPassword, apiUrl: k.url }));
    const lead = valueOf<Lead>(await core.handle('leads.find', { query: DEMO_LEAD_EMAIL }));
    await k.stop();
    // The first write finds out that Kartra is gone (the client's own retries take about a second)...
    let started = Date.now();
    const first = valueOf<WriteReceipt>(await core.handle('leads.applyActions', { lead: { id: lead.id }, actions: [{ cmd: 'give_points_to_lead', points: 2 }] }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(first).toMatchObject({ confirmed: false, changes: [{ status: 'pending', madeOffline: true }] });
    // ...later ones know it already.
    started = Date.now();
    const second = valueOf<WriteReceipt>(await core.handle('leads.edit', { lead: { id: lead.id }, changes: { city: 'Bergen' }, seen: { city: lead.city } }));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(second).toMatchObject({ confirmed: false, changes: [{ status: 'pending', madeOffline: true }] });
  });

  it('a CLI write with Kartra unreachable answers queued at once; the next core on the same data folder delivers it', async () => {
    const k = await kartra();
    const first = await connectedCore(k.url);
    const lead = valueOf<Lead>(await first.core.handle('leads.find', { query: DEMO_LEAD_EMAIL }));
    const tags = valueOf<{ items: string[] }>(await first.core.handle('account.tags', {})).items;
    const tag = tags.find((t) => !lead.tags.includes(t))!;
    await h.closeCore(first.core);
    await k.stop();

    const cli = await h.core({ keychain: first.keychain, dataDir: first.dataDir, ...FAST, confirmWaitMs: 10_000 });
    const started = Date.now();
    const receipt = valueOf<WriteReceipt>(await cli.handle('leads.applyActions', { lead: { id: lead.id }, actions: [{ cmd: 'assign_tag', tag_name: tag }], source: 'cli' }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(receipt).toMatchObject({ confirmed: false, changes: [{ status: 'pending' }] });
    await h.closeCore(cli);

    await k.start();
    const next = await h.core({ keychain: first.keychain, dataDir: first.dataDir, ...FAST });
    await waitUntil(async () => (await listOutbox(next)).items.length === 0, 'the queued CLI write to be delivered');
    expect(k.lead().tags).toContain(tag);
    const { entries } = valueOf<{ entries: { source: string; actions: { outcome: string }[] }[] }>(await next.handle('history.list', { sources: ['cli'] }));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actions.map((a) => a.outcome)).toEqual(['done']);
  });

  it("reports Kartra's refusal per change and lets the user retry or discard it", async () => {
    const k = await kartra();
    const { core } = await connectedCore(k.url);
    const lead = valueOf<Lead>(await core.handle('leads.find', { query: DEMO_LEAD_EMAIL }));
    valueOf(await core.handle('account.lists', {}));
    await k.stop();
    // Offline, names cannot be checked against Kartra: the change is accepted and queued.
    const receipt = valueOf<WriteReceipt>(
      await core.handle('leads.applyActions', {
        lead: { id: lead.id },
        actions: [{ cmd: 'assign_tag', tag_name: 'Tag Nobody Made' }, { cmd: 'give_points_to_lead', points: 3 }],
      }),
    );
    expect(receipt.confirmed).toBe(false);
    await k.start();
    const failed = await waitUntil(async () => (await listOutbox(core)).items.find((i) => i.status === 'failed'), 'the refusal');
    expect(failed.summary).toBe('Assign tag Tag Nobody Made');
    expect(failed.error?.details?.kartraType).toBe('212');
    await waitUntil(() => k.lead().score === lead.score + 3, 'the points to land anyway');

    valueOf(await core.handle('outbox.retry', { ids: [failed.id] }));
    await waitUntil(async () => (await listOutbox(core)).items.find((i) => i.status === 'failed' && i.attempts === 2), 'the second refusal');
    const state = valueOf<OutboxState>(await core.handle('outbox.discard', { ids: [] }));
    expect(state.counts).toEqual({ pending: 0, inFlight: 0, failed: 0, conflict: 0, needsCheck: 0 });
  });

  it('collapses an assign and an unassign of the same tag into the last one', async () => {
    const k = await kartra();
    const { core } = await connectedCore(k.url);
    const lead = valueOf<Lead>(await core.handle('leads.find', { query: DEMO_LEAD_EMAIL }));
    const lists = valueOf<{ tags: { items: string[] }; lists: { items: string[] } }>(await core.handle('account.lists', {}));
    const tag = lists.tags.items.find((t) => !lead.tags.includes(t))!;
    const list = lists.lists.items.find((l) => !lead.lists.some((m) => m.list_name === l && m.active))!;
    const before = k.sandbox.stats().requests;
    const receipt = valueOf<WriteReceipt>(
      await core.handle('leads.applyActions', {
        lead: { id: lead.id },
        actions: [{ cmd: 'assign_tag', tag_name: tag }, { cmd: 'subscribe_lead_to_list', list_name: list }, { cmd: 'unassign_tag', tag_name: tag }],
      }),
    );
    expect(receipt.confirmed).toBe(true);
    // One chained call (search_lead + 2 actions) and one read-back.
    expect(k.sandbox.stats().requests - before).toBe(2);
    expect(k.lead().tags).not.toContain(tag);
    expect(k.lead().lists).toContainEqual({ name: list, active: true });
  });

  for (const keep of ['mine', 'theirs'] as const) {
    it(`shows a conflict made on Kartra's side while offline and settles it keeping ${keep}`, async () => {
      const k = await kartra();
      const { core } = await connectedCore(k.url);
      const lead = valueOf<Lead>(await core.handle('leads.find', { query: DEMO_LEAD_EMAIL }));
      await k.stop();
      valueOf(await core.handle('leads.edit', { lead: { id: lead.id }, changes: { city: 'Mine', zip: '0150' }, seen: { city: lead.city, zip: lead.zip } }));
      // Someone edits the city in Kartra meanwhile (the app cannot see this sandbox).
      const behind = await k.start(true);
      behind.inspect.editLead({ apiKey: DEMO_ACCOUNT.apiKey, email: DEMO_LEAD_EMAIL, profile: { city: 'Theirs' } });
      await behind.close();
      await k.start();

      const conflict = await waitUntil(async () => (await listOutbox(core)).items.find((i) => i.status === 'conflict'), 'the conflict');
      expect(conflict.conflict).toEqual([{ field: 'city', seen: lead.city, mine: 'Mine', theirs: 'Theirs' }]);
      expect(k.lead().profile.city).toBe('Theirs');

      valueOf(await core.handle('outbox.resolve', { id: conflict.id, keep }));
      await waitUntil(async () => (await listOutbox(core)).items.length === 0, 'the outbox to drain');
      expect(k.lead().profile.city).toBe(keep === 'mine' ? 'Mine' : 'Theirs');
      // The field without a conflict goes through either way.
      expect(k.lead().profile.zip).toBe('0150');
    });
  }

  it('outbox commands need a connected account', async () => {
    const core = await h.core();
    expect(errorOf(await core.handle('outbox.list', {})).code).toBe('not_connected');
  });
});
