// The profile's payments through the real core, SQLite and the sandbox over HTTP: leads.profile lists the lead's
// transactions and subscriptions as Kartra has them; a refund (full and partial) and a subscription cancel go
// through the write queue (leads.payment), change the sandbox's state once, and leave History entries; an answer
// lost after a refund was sent is never re-sent: it waits as needs_check until the user settles it.
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { LeadProfile } from '../../../shared/domain/lead-views';
import type { OutboxItemView, OutboxState } from '../../../shared/domain/outbox';
import type { WriteReceipt } from '../../../shared/ipc/contract';
import type { Core } from '../core-types';
import { connectedCore } from '../jobs/testing/import-test-kit';
import { DEMO_ACCOUNT, SANDBOX_APP_ID, type RunningSandbox } from '../sandbox';
import { DAY_MS, parseEstDateTime } from '../sandbox/est-time';
import { CoreHarness, valueOf } from '../testing/core-harness';
import { waitUntil } from '../testing/wait';
import { onFirst } from '../writes/testing/fault-proxy';

const h = new CoreHarness();
afterEach(() => h.cleanup());

const apiKey = DEMO_ACCOUNT.apiKey;
const history = async (core: Core, filter: Record<string, unknown>) => valueOf<{ entries: HistoryEntry[] }>(await core.handle('history.list', filter)).entries;

/** From the demo data: a sale Kartra can still refund and a running subscription (possibly another lead's). */
function customer(sandbox: RunningSandbox) {
  const txs = () => sandbox.inspect.transactions({ apiKey });
  const subs = () => sandbox.inspect.subscriptions({ apiKey });
  // Kartra refunds within its refund period only: a sale of this week.
  const recent = (date: string) => (Date.now() - parseEstDateTime(date)!) / DAY_MS < 7;
  const sale = txs().find((t) => t.type === 'sale' && recent(t.date) && !t.isTest && !t.refundFails && t.refundedAmount === 0);
  const sub = subs().find((s) => s.status === 'Active' && !s.cancelFails);
  if (!sale || !sub) throw new Error('the demo data has no refundable sale or no active subscription');
  return { leadId: sale.leadId, sale, sub, txs, subs };
}

describe("the profile's payments", () => {
  it('leads.profile lists transactions and subscriptions as the sandbox has them; refund and cancel change them once, in History', { timeout: 60_000 }, async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const c = customer(sandbox);

    const profile = valueOf<LeadProfile>(await core.handle('leads.profile', { id: c.leadId }));
    expect(profile.transactions!.map((t) => t.transaction_id).sort()).toEqual(c.txs().filter((t) => t.leadId === c.leadId).map((t) => t.id).sort());
    expect(profile.subscriptions!.map((s) => [s.subscription_id, s.subscription_status]).sort()).toEqual(
      c.subs().filter((s) => s.leadId === c.leadId).map((s) => [s.id, s.status]).sort(),
    );
    const shown = profile.transactions!.find((t) => t.transaction_id === c.sale.id)!;

    // A partial refund: the sandbox records a partial_refund of exactly that amount.
    const partial = Math.round(c.sale.amount * 40) / 100;
    const refund = { cmd: 'refund_transaction', transaction_id: c.sale.id, refund_amount: partial, product: c.sale.productName, amount: String(c.sale.amount) } as const;
    const receipt = valueOf<WriteReceipt>(await core.handle('leads.payment', { lead: { id: c.leadId }, payment: refund }));
    expect(receipt.confirmed).toBe(true);
    expect(c.txs().find((t) => t.id === c.sale.id)!.refundedAmount).toBeCloseTo(partial, 2);
    expect(c.txs().filter((t) => t.type === 'partial_refund' && t.leadId === c.leadId && Math.abs(t.amount - partial) < 0.005)).toHaveLength(1);
    expect(shown.details?.product_name).toBe(c.sale.productName);

    // Cancel the subscription.
    const cancel = { cmd: 'cancel_transaction', transaction_internal_subscription_id: c.sub.id, product: c.sub.productName, amount: String(c.sub.amount) } as const;
    expect(valueOf<WriteReceipt>(await core.handle('leads.payment', { lead: { id: c.sub.leadId }, payment: cancel })).confirmed).toBe(true);
    expect(c.subs().find((s) => s.id === c.sub.id)!.status).toBe('Cancelled');

    // A second cancel is refused by Kartra (252) and reported with its message; nothing changes.
    const again = await core.handle('leads.payment', { lead: { id: c.sub.leadId }, payment: cancel });
    expect(again.ok).toBe(false);
    expect(JSON.stringify(again)).toContain('already cancelled');

    const entries = await history(core, { sources: ['edit'] });
    expect(entries.map((e) => [e.leadId, e.actions[0]!.cmd, e.actions[0]!.outcome])).toEqual([
      [c.sub.leadId, 'cancel_transaction', 'failed'],
      [c.sub.leadId, 'cancel_transaction', 'done'],
      [c.leadId, 'refund_transaction', 'done'],
    ]);
    expect(entries[0]!.actions[0]!.kartraType).toBe('252');
    expect(entries[2]!.summary).toBe(`Refund ${partial.toFixed(2)} of ${c.sale.productName} (transaction ${c.sale.id})`);
    expect(entries.every((e) => e.source === 'edit')).toBe(true);

    // The refreshed profile shows the refund and the cancellation Kartra recorded.
    const after = valueOf<LeadProfile>(await core.handle('leads.profile', { id: c.leadId }));
    expect(after.transactions!.map((t) => t.transaction_type)).toContain('partial_refund');
    const subscriber = valueOf<LeadProfile>(await core.handle('leads.profile', { id: c.sub.leadId }));
    expect(subscriber.subscriptions!.find((s) => s.subscription_id === c.sub.id)!.subscription_status).toBe('Cancelled');
  });

  it('bad input is refused with a clear error and queues nothing', async () => {
    const sandbox = await h.sandbox();
    const { core } = await connectedCore(h, sandbox);
    const bad = await core.handle('leads.payment', { lead: { id: '1' }, payment: { cmd: 'refund_transaction', transaction_id: '12', refund_amount: -3, product: 'X', amount: '10' } });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).toContain('a refund must be more than 0');
    expect(valueOf<{ items: OutboxItemView[] }>(await core.handle('outbox.list', {})).items).toEqual([]);
  });

  it('a refund whose answer was lost after sending is not re-sent: needs_check with what Kartra shows, settled by the user', { timeout: 60_000 }, async () => {
    const sandbox = await h.sandbox();
    const proxy = await h.faultProxy(sandbox.url, onFirst((r) => r.what.includes('refund_transaction'), 'reset').decide);
    const core = await h.core({ probeBackoffMs: [40, 80, 160], confirmWaitMs: 3_000 });
    valueOf(await core.handle('accounts.connect', { label: 'Shop', appId: SANDBOX_APP_ID, apiKey, apiPassword: DEMO_ACCOUNT.apiPassword, apiUrl: proxy.url }));
    const c = customer(sandbox);
    const refund = { cmd: 'refund_transaction', transaction_id: c.sale.id, product: c.sale.productName, amount: String(c.sale.amount) } as const;

    const receipt = valueOf<WriteReceipt>(await core.handle('leads.payment', { lead: { id: c.leadId }, payment: refund }));
    expect(receipt.confirmed).toBe(false);
    const item = await waitUntil(async () => {
      const { items } = valueOf<{ items: OutboxItemView[] }>(await core.handle('outbox.list', {}));
      return items.find((i) => i.status === 'needs_check');
    }, 'the refund to need a check', 10_000);
    expect(item.check!.sent).toContain(`Refund ${c.sale.amount} (in full) of ${c.sale.productName}`);
    expect(item.check!.kartraShows).toContain(`Transaction ${c.sale.id}`);
    const state = valueOf<{ state: OutboxState }>(await core.handle('outbox.list', {})).state;
    expect(state.counts.needsCheck).toBe(1);
    // The sandbox applied it once, and it was sent once.
    expect(proxy.writes().filter((r) => r.what === 'refund_transaction')).toHaveLength(1);
    expect(c.txs().find((t) => t.id === c.sale.id)!.refundedAmount).toBeCloseTo(c.sale.amount, 2);
    expect((await history(core, { leadId: c.leadId }))[0]!.actions[0]!.outcome).toBe('needs_check');

    valueOf(await core.handle('outbox.settleCheck', { id: item.id, decision: 'fine' }));
    expect(valueOf<{ items: OutboxItemView[] }>(await core.handle('outbox.list', {})).items).toEqual([]);
    expect((await history(core, { leadId: c.leadId }))[0]!.actions[0]!.outcome).toBe('done');
    expect(proxy.writes().filter((r) => r.what === 'refund_transaction')).toHaveLength(1);
  });
});
