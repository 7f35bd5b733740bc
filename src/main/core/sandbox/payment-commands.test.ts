import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, parseEstDateTime } from './est-time';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL, startSandbox, type RunningSandbox, type SandboxTransaction } from './index';
import { account, error, onLead } from './testing/raw-calls';

let sb: RunningSandbox;
let txs: SandboxTransaction[];
beforeAll(async () => {
  sb = await startSandbox({ rate: 0 });
  txs = sb.inspect.transactions({ apiKey: DEMO_ACCOUNT.apiKey });
});
afterAll(() => sb.close());

const apiKey = DEMO_ACCOUNT.apiKey;
const ageDays = (t: SandboxTransaction) => (Date.now() - parseEstDateTime(t.date)!) / DAY_MS;
const find = (what: string, pred: (t: SandboxTransaction) => boolean) => {
  const t = txs.find(pred);
  if (!t) throw new Error(`the seed has no ${what}`);
  return t;
};
const cleanSale = (t: SandboxTransaction) => t.type === 'sale' && !t.isTest && !t.refundFails && t.refundedAmount === 0 && ageDays(t) < 7;

describe('search_transaction / get_transaction_details', () => {
  it('search_transaction answers the flat body without a type; 247 otherwise', async () => {
    expect(await account(sb, 'search_transaction', { transaction_id: txs[0]!.id })).toEqual({ status: 'Success', message: 'Transaction exists' });
    expect(await account(sb, 'search_transaction', { transaction_id: '1' })).toEqual(error('247', "Transaction doesn't exist"));
    expect(await account(sb, 'search_transaction')).toMatchObject({ type: '247' });
  });

  it('get_transaction_details returns the lead, product and amounts', async () => {
    const t = find('sale', (x) => x.type === 'sale');
    const r = await account(sb, 'get_transaction_details', { transaction_id: t.id });
    expect(r.status).toBe('Success');
    const d = r.actions[0].get_transaction_details.transaction_details;
    expect(d).toMatchObject({
      transaction_id: t.id,
      lead_id: t.leadId,
      lead_email: t.leadEmail,
      product_name: t.productName,
      transaction_full_amount: t.amount,
      transaction_type: 'sale',
    });
    expect(d.lead_country_code_2).toMatch(/^[A-Z]{2}$/);
    expect(d.lead_country_code_3).toMatch(/^[A-Z]{3}$/);
    expect(d.transaction_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await account(sb, 'get_transaction_details', { transaction_id: '999999' })).toEqual(error('247', "Transaction doesn't exist"));
  });
});

describe('refund_transaction', () => {
  it('refunds in full, then 251 for the same transaction', async () => {
    const t = find('recent clean sale', (x) => cleanSale(x) && x.subscriptionId === null);
    expect(txs.filter((x) => cleanSale(x) && x.subscriptionId === null).length).toBeGreaterThanOrEqual(2);
    const r = await account(sb, 'refund_transaction', { transaction_id: t.id });
    expect(r).toEqual({ status: 'Success', actions: [{ refund_transaction: { status: 'Success', transaction_refunded: expect.stringMatching(/^\d+$/) } }] });
    const refund = sb.inspect.transactions({ apiKey }).find((x) => x.id === r.actions[0].refund_transaction.transaction_refunded)!;
    expect(refund).toMatchObject({ type: 'refund', amount: t.amount, leadId: t.leadId });
    expect(await account(sb, 'refund_transaction', { transaction_id: t.id })).toEqual(error('251', 'Transaction already refunded'));
  });

  it('refunds part of an amount (partial_refund), then the rest', async () => {
    const t = txs.filter((x) => cleanSale(x) && x.subscriptionId === null)[1]!;
    const r = await account(sb, 'refund_transaction', { transaction_id: t.id, refund_amount: '2.50' });
    const id = r.actions[0].refund_transaction.transaction_refunded;
    expect(sb.inspect.transactions({ apiKey }).find((x) => x.id === id)).toMatchObject({ type: 'partial_refund', amount: 2.5 });
    expect(await account(sb, 'refund_transaction', { transaction_id: t.id, refund_amount: String(t.amount) })).toEqual(error('268', 'Invalid amount'));
    expect((await account(sb, 'refund_transaction', { transaction_id: t.id })).status).toBe('Success');
    expect(sb.inspect.transactions({ apiKey }).find((x) => x.id === t.id)!.refundedAmount).toBe(t.amount);
  });

  it('errors 247, 250, 251, 253, 268, 266', async () => {
    expect(await account(sb, 'refund_transaction', { transaction_id: 'abc' })).toMatchObject({ type: '247' });
    const old = find('old sale', (x) => x.type === 'sale' && ageDays(x) > 90);
    expect(await account(sb, 'refund_transaction', { transaction_id: old.id })).toEqual(error('250', 'Transaction outside refund period'));
    const refunded = find('refunded sale', (x) => x.type === 'sale' && x.refundedAmount >= x.amount && ageDays(x) < 7);
    expect(await account(sb, 'refund_transaction', { transaction_id: refunded.id })).toMatchObject({ type: '251' });
    const failed = find('failed payment', (x) => x.type === 'failed' && ageDays(x) < 20);
    expect(await account(sb, 'refund_transaction', { transaction_id: failed.id })).toEqual(
      error('253', 'This type of transaction cannot be refunded or cancelled'),
    );
    const test = find('test transaction', (x) => x.isTest);
    expect(await account(sb, 'refund_transaction', { transaction_id: test.id })).toMatchObject({ type: '253' });
    const failing = find('gateway-refused sale', (x) => x.refundFails);
    expect(await account(sb, 'refund_transaction', { transaction_id: failing.id, refund_amount: '1.2.3' })).toEqual(error('268', 'Invalid amount'));
    expect(await account(sb, 'refund_transaction', { transaction_id: failing.id, refund_amount: '0' })).toMatchObject({ type: '268' });
    expect(await account(sb, 'refund_transaction', { transaction_id: failing.id })).toEqual(error('266', 'Refund has failed'));
  });
});

describe('cancel_transaction', () => {
  it('cancels the subscription behind a transaction and names both ids', async () => {
    const subs = sb.inspect.subscriptions({ apiKey });
    const sub = subs.find((s) => s.status === 'Active' && !s.cancelFails && s.gateway === 'stripe')!;
    const t = find('sale of an active subscription', (x) => x.subscriptionId === sub.id && x.type === 'sale');
    const r = await account(sb, 'cancel_transaction', { transaction_id: t.id });
    expect(r).toEqual({
      status: 'Success',
      actions: [{ cancel_transaction: { status: 'Success', transaction_subscription_id: sub.gatewaySubscriptionId, transaction_internal_subscription_id: sub.id } }],
    });
    expect(sb.inspect.subscriptions({ apiKey }).find((s) => s.id === sub.id)!.status).toBe('Cancelled');
    expect(await account(sb, 'cancel_transaction', { transaction_internal_subscription_id: sub.id })).toEqual(error('252', 'Subscription already cancelled'));
  });

  it('also takes the internal id, or the gateway id of the 2020 docs', async () => {
    const [a, b] = sb.inspect.subscriptions({ apiKey }).filter((s) => s.status !== 'Cancelled' && s.status !== 'Terminated' && !s.cancelFails);
    expect((await account(sb, 'cancel_transaction', { transaction_internal_subscription_id: a!.id })).status).toBe('Success');
    expect((await account(sb, 'cancel_transaction', { transaction_subscription_id: b!.gatewaySubscriptionId })).status).toBe('Success');
  });

  it('errors 247/248, 249, 252, 253, 267', async () => {
    expect(await account(sb, 'cancel_transaction', { transaction_id: '5' })).toMatchObject({ type: '247' });
    expect(await account(sb, 'cancel_transaction', { transaction_internal_subscription_id: '5' })).toEqual(error('248', "Subscription doesn't exist"));
    expect(await account(sb, 'cancel_transaction')).toMatchObject({ type: '248' });
    const oneOff = find('one-off sale', (x) => x.type === 'sale' && x.subscriptionId === null);
    expect(await account(sb, 'cancel_transaction', { transaction_id: oneOff.id })).toEqual(error('249', 'Transaction not linked to any recurring subscription'));
    const subs = sb.inspect.subscriptions({ apiKey });
    const terminated = subs.find((s) => s.status === 'Terminated')!;
    expect(await account(sb, 'cancel_transaction', { transaction_internal_subscription_id: terminated.id })).toMatchObject({ type: '252' });
    const live = new Set(subs.filter((s) => s.status === 'Active' || s.status === 'Paused').map((s) => s.id));
    const refundOfLive = find('refund on a live subscription', (x) => x.type === 'partial_refund' && x.subscriptionId !== null && live.has(x.subscriptionId));
    expect(await account(sb, 'cancel_transaction', { transaction_id: refundOfLive.id })).toEqual(
      error('253', 'This type of transaction cannot be refunded or cancelled'),
    );
    const stubborn = subs.find((s) => s.cancelFails)!;
    expect(await account(sb, 'cancel_transaction', { transaction_internal_subscription_id: stubborn.id })).toEqual(error('267', 'Cancellation has failed'));
  });
});

describe('retrieve_transactions_from_lead', () => {
  it('lists the lead’s transactions inside the actions envelope', async () => {
    const r = await onLead(sb, DEMO_LEAD_EMAIL, 'retrieve_transactions_from_lead');
    const list = r.actions[0].retrieve_transactions_from_lead.transaction_list;
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]).toEqual({ transaction_id: expect.any(String), lead_id: expect.any(String), lead_email: DEMO_LEAD_EMAIL, transaction_type: expect.any(String) });
    const fresh = `nobuys.${Date.now()}@example.net`;
    await onLead(sb, fresh, 'create_lead');
    const none = await onLead(sb, fresh, 'retrieve_transactions_from_lead');
    expect(none.actions[0].retrieve_transactions_from_lead.transaction_list).toEqual([]);
  });
});
