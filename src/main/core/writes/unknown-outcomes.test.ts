// Unknown outcomes through the real core, real SQLite and the sandbox over HTTP (a fault proxy in front of it
// loses the answer): for each way an outcome can be unknown, the lead is read before anything is sent again,
// the points land exactly once and the sequence is subscribed once; a calendar booking that cannot be read
// back becomes needs_check and is only sent again when the user says so; History shows all of it.
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../../shared/domain/account';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { Lead } from '../../../shared/domain/lead';
import type { OutboxItemView, OutboxState } from '../../../shared/domain/outbox';
import type { WriteReceipt } from '../../../shared/ipc/contract';
import type { Core } from '../core-types';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL, SANDBOX_APP_ID, type RunningSandbox } from '../sandbox';
import { CoreHarness, valueOf } from '../testing/core-harness';
import { waitUntil } from '../testing/wait';
import { onFirst, type FaultProxy, type ProxyFate, type ProxiedRequest } from './testing/fault-proxy';

const h = new CoreHarness();
afterEach(() => h.cleanup());

const apiKey = DEMO_ACCOUNT.apiKey;
const POINTS = 7;

/** A core on a sandbox behind a proxy that gives the FIRST write matching `isTarget` the `fate`. */
async function setup(chainFailure: 'stop' | 'continue', isTarget: (r: ProxiedRequest) => boolean, fate: ProxyFate) {
  const sandbox: RunningSandbox = await h.sandbox({ chainFailure });
  const proxy = await h.faultProxy(sandbox.url, onFirst(isTarget, fate).decide);
  const core = await h.core({ probeBackoffMs: [40, 80, 160], confirmWaitMs: 3_000, kartraHttp: { headersTimeoutMs: 500, bodyTimeoutMs: 500 } });
  valueOf<AccountInfo>(await core.handle('accounts.connect', { label: 'Shop', appId: SANDBOX_APP_ID, apiKey, apiPassword: DEMO_ACCOUNT.apiPassword, apiUrl: proxy.url }));
  const lead = valueOf<Lead>(await core.handle('leads.find', { query: DEMO_LEAD_EMAIL }));
  const catalog = sandbox.inspect.catalog({ apiKey });
  const sequence = catalog.sequences.find((s) => !lead.sequences.some((m) => m.sequence_name === s.name))!;
  return { sandbox, proxy, core, lead, sequence, kartraLead: () => sandbox.inspect.getLead({ apiKey, id: lead.id })! };
}

const listOutbox = async (core: Core) => valueOf<{ items: OutboxItemView[]; state: OutboxState }>(await core.handle('outbox.list', {}));
const settled = (core: Core) => waitUntil(async () => (await listOutbox(core)).items.length === 0, 'the outbox to empty', 10_000);
const isChain = (r: ProxiedRequest) => r.what.includes('give_points_to_lead') && r.what.includes('subscribe_lead_to_sequence_at_step');
const count = (proxy: FaultProxy, cmd: string) => proxy.writes().filter((r) => r.what.split('+').includes(cmd)).length;

/** After the first (answer-lost) write, a get_lead came before any other write. */
function readBeforeResend(proxy: FaultProxy): void {
  const first = proxy.requests.findIndex(isChain);
  const after = proxy.requests.slice(first + 1);
  const nextWrite = after.findIndex((r) => r.what !== 'get_lead' && r.what !== 'retrieve_account_tags');
  const firstRead = after.findIndex((r) => r.what === 'get_lead');
  expect(firstRead).toBeGreaterThanOrEqual(0);
  if (nextWrite >= 0) expect(firstRead).toBeLessThan(nextWrite);
}

const flatError = { answer: () => ({ status: 'Error', message: 'Sequence does not exist', type: '230' }) } as const;
const fewerResults = { answer: (up: Record<string, unknown>) => ({ ...up, actions: (up.actions as unknown[]).slice(0, 1) }) } as const;

describe('unknown outcomes are read back before anything is sent again', () => {
  const cases: [string, 'stop' | 'continue', ProxyFate][] = [
    ['a flat error for the chain (applied by Kartra)', 'continue', flatError],
    ['a flat error for the chain, in a Kartra that stops chains', 'stop', flatError],
    ['an answer with fewer results than actions', 'continue', fewerResults],
    ['a reset after the request was sent', 'continue', 'reset'],
    ['a timeout after the request was sent', 'continue', 'hold'],
  ];
  for (const [name, mode, fate] of cases) {
    it(`${name}: points once, sequence once, the lead read first`, { timeout: 30_000 }, async () => {
      const t = await setup(mode, isChain, fate);
      const before = t.kartraLead().score;
      const receipt = valueOf<WriteReceipt>(
        await t.core.handle('leads.applyActions', {
          lead: { id: t.lead.id },
          actions: [{ cmd: 'give_points_to_lead', points: POINTS }, { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: t.sequence.name, step: t.sequence.steps[0]! }],
        }),
      );
      await settled(t.core);
      const after = t.kartraLead();
      expect(after.score).toBe(before + POINTS);
      expect(after.sequences.filter((s) => s.name === t.sequence.name)).toHaveLength(1);
      expect(count(t.proxy, 'give_points_to_lead')).toBe(1);
      expect(count(t.proxy, 'subscribe_lead_to_sequence_at_step')).toBe(1);
      readBeforeResend(t.proxy);
      // Never reported done before Kartra's state showed it.
      if (receipt.confirmed) expect(receipt.changes.every((c) => c.status === 'done')).toBe(true);
      const { entries } = valueOf<{ entries: HistoryEntry[] }>(await t.core.handle('history.list', { leadId: t.lead.id }));
      expect(entries[0]?.actions.map((a) => a.outcome)).toEqual(['done', 'done']);
    });
  }

  it('a flat error for a chain Kartra never received: both are read as not applied and sent once more', { timeout: 30_000 }, async () => {
    const t = await setup('continue', isChain, { dropAnswer: { status: 'Error', message: 'Sequence does not exist', type: '230' } });
    const before = t.kartraLead().score;
    await t.core.handle('leads.applyActions', {
      lead: { id: t.lead.id },
      actions: [{ cmd: 'give_points_to_lead', points: POINTS }, { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: t.sequence.name, step: t.sequence.steps[0]! }],
    });
    await settled(t.core);
    expect(t.kartraLead().score).toBe(before + POINTS);
    expect(count(t.proxy, 'give_points_to_lead')).toBe(1);
    expect(count(t.proxy, 'subscribe_lead_to_sequence_at_step')).toBe(1);
    readBeforeResend(t.proxy);
  });
});

describe('two changes to one list in one call', () => {
  // Subscribe, then unsubscribe: the lead shows only the unsubscribe. Read alone, the subscribe would look not
  // applied and be sent again, leaving the lead subscribed (found by the crash test of the replay).
  for (const [name, fate] of [
    ['answer lost after Kartra applied the call', 'reset'],
    ['call never reached Kartra', { dropAnswer: { status: 'Error', message: 'List does not exist', type: '225' } }],
  ] as const) {
    it(`${name}: the lead ends unsubscribed, never subscribed again`, { timeout: 30_000 }, async () => {
      const isPair = (r: ProxiedRequest) => r.what.includes('subscribe_lead_to_list') && r.what.includes('unsubscribe_lead_from_list');
      const t = await setup('continue', isPair, fate);
      const list = t.sandbox.inspect.catalog({ apiKey }).lists.map((l) => l.name).find((n) => !t.kartraLead().lists.some((m) => m.name === n))!;
      await t.core.handle('leads.applyActions', {
        lead: { id: t.lead.id },
        actions: [{ cmd: 'subscribe_lead_to_list', list_name: list }, { cmd: 'unsubscribe_lead_from_list', list_name: list }],
      });
      await settled(t.core);
      expect(t.kartraLead().lists.filter((l) => l.name === list)).toEqual([{ name: list, active: false }]);
      // Kartra received the pair exactly once: applied, it is not sent again; never received, it is sent once more, in order.
      expect(count(t.proxy, 'subscribe_lead_to_list')).toBe(1);
      expect(count(t.proxy, 'unsubscribe_lead_from_list')).toBe(1);
      expect(t.proxy.requests.some((r) => r.what === 'get_lead')).toBe(true);
    });
  }
});

describe('what cannot be read back needs the user', () => {
  for (const decision of ['send_again', 'fine'] as const) {
    it(`an unknown calendar booking becomes needs_check, is not re-sent, and "${decision}" settles it`, { timeout: 30_000 }, async () => {
      const t = await setup('continue', (r) => r.what === 'calendar_subscribe', 'reset');
      const calendar = t.sandbox.inspect.catalog({ apiKey }).calendars.find((c) => c.complete)!;
      const booking = { cmd: 'calendar_subscribe', calendar_name: calendar.name, class_name: calendar.classes[0]!.name };
      await t.core.handle('leads.applyActions', { lead: { id: t.lead.id }, actions: [booking] });
      const check = await waitUntil(async () => (await listOutbox(t.core)).items.find((i) => i.status === 'needs_check'), 'a needs_check item');
      expect(check.check?.sent).toContain('Book');
      expect(check.check?.kartraShows).toMatch(/calendar bookings/);
      expect((await listOutbox(t.core)).state.counts.needsCheck).toBe(1);
      // Read back, not re-sent.
      expect(t.proxy.requests.some((r, i) => r.what === 'get_lead' && i > t.proxy.requests.findIndex((x) => x.what === 'calendar_subscribe'))).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(count(t.proxy, 'calendar_subscribe')).toBe(1);

      valueOf<OutboxState>(await t.core.handle('outbox.settleCheck', { id: check.id, decision }));
      await settled(t.core);
      expect(count(t.proxy, 'calendar_subscribe')).toBe(decision === 'send_again' ? 2 : 1);
      const { entries } = valueOf<{ entries: HistoryEntry[] }>(await t.core.handle('history.list', { leadId: t.lead.id, outcomes: ['done'] }));
      expect(entries[0]?.actions[0]).toMatchObject({ cmd: 'calendar_subscribe', outcome: 'done' });
      expect(entries[0]?.actions[0]?.message).toMatch(decision === 'send_again' ? /Tag|subscribed|class|Done/i : /fine/);
    });
  }
});

describe('a recipe row whose booking cannot be read back', () => {
  it('settles what the lead shows, and holds the booking in the outbox as needs_check for the user', { timeout: 30_000 }, async () => {
    const t = await setup('continue', (r) => r.what.includes('calendar_subscribe'), 'reset');
    const calendar = t.sandbox.inspect.catalog({ apiKey }).calendars.find((c) => c.complete)!;
    const tag = t.sandbox.inspect.catalog({ apiKey }).tags.find((x) => !t.lead.tags.includes(x.name))!.name;
    const recipe = valueOf<{ id: string }>(
      await t.core.handle('recipes.save', { name: 'Book and tag', actions: [{ cmd: 'calendar_subscribe', calendar_name: calendar.name, class_name: calendar.classes[0]!.name }, { cmd: 'assign_tag', tag_name: tag }] }),
    );
    const run = valueOf<{ jobId: string }>(await t.core.handle('recipes.apply', { recipeId: recipe.id, target: { leadIds: [t.lead.id] } }));
    const check = await waitUntil(async () => (await listOutbox(t.core)).items.find((i) => i.status === 'needs_check'), 'the held booking');
    expect(check).toMatchObject({ leadId: t.lead.id, change: { kind: 'action', action: { cmd: 'calendar_subscribe' } } });
    expect(check.check?.sent).toContain('recipe run');
    expect(count(t.proxy, 'calendar_subscribe')).toBe(1);
    const [entry] = valueOf<{ entries: HistoryEntry[] }>(await t.core.handle('history.list', { jobId: run.jobId })).entries;
    expect(entry?.source).toBe('recipe');
    expect(entry?.actions.map((a) => a.outcome)).toEqual(['needs_check', 'done']);

    valueOf(await t.core.handle('outbox.settleCheck', { id: check.id, decision: 'fine' }));
    await settled(t.core);
    expect(count(t.proxy, 'calendar_subscribe')).toBe(1);
    const [after] = valueOf<{ entries: HistoryEntry[] }>(await t.core.handle('history.list', { jobId: run.jobId })).entries;
    expect(after?.actions.map((a) => a.outcome)).toEqual(['done', 'done']);
    expect(after?.settledAt).not.toBeNull();
  });
});
