import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEst } from './est-time';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL, startSandbox, type RunningSandbox, type SandboxSubscription } from './index';
import { account, error, onLead, success } from './testing/raw-calls';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ rate: 0 });
});
afterAll(() => sb.close());

const apiKey = DEMO_ACCOUNT.apiKey;
const subs = () => sb.inspect.subscriptions({ apiKey });
const pick = (what: string, pred: (s: SandboxSubscription) => boolean, skip = 0) => {
  const s = subs().filter(pred)[skip];
  if (!s) throw new Error(`the seed has no ${what}`);
  return s;
};
const modified = { status: 'Success', actions: [{ modify_subscription_status: success('115', 'Subscription modified') }] };
const edited = { status: 'Success', actions: [{ edit_subscription: success('115', 'Subscription modified') }] };

describe('search_subscription / get_subscription_details / retrieve_subscriptions_from_lead', () => {
  it('search_subscription: flat success, 248 otherwise', async () => {
    expect(await account(sb, 'search_subscription', { subscription_id: subs()[0]!.id })).toEqual({ status: 'Success', message: 'Subscription exists' });
    expect(await account(sb, 'search_subscription', { subscription_id: '1' })).toEqual(error('248', "Subscription doesn't exist"));
  });

  it('get_subscription_details returns the documented fields', async () => {
    const active = pick('active', (s) => s.status === 'Active');
    const r = await account(sb, 'get_subscription_details', { subscription_id: active.id });
    const d = r.actions[0].get_subscription_details.subscription_details;
    expect(Object.keys(d)).toEqual([
      'subscription_id', 'subscription_product_id', 'subscription_price_point', 'subscription_lead_id', 'subscription_start_date',
      'subscription_end_date', 'subscription_current_installment', 'subscription_installments_left', 'subscription_recurring_period',
      'subscription_status', 'subscription_next_payment_date', 'subscription_next_scheduled_payment_amount', 'subscription_affiliate',
      'subscription_jv',
    ]);
    expect(d).toMatchObject({ subscription_id: active.id, subscription_status: 'Active', subscription_end_date: '0000-00-00 00:00:00', subscription_affiliate: 'N/A' });
    expect(typeof d.subscription_next_scheduled_payment_amount).toBe('number');
    const cancelled = pick('cancelled', (s) => s.status === 'Cancelled');
    const c = (await account(sb, 'get_subscription_details', { subscription_id: cancelled.id })).actions[0].get_subscription_details.subscription_details;
    expect(c.subscription_end_date).not.toBe('0000-00-00 00:00:00');
    expect(c.subscription_next_scheduled_payment_amount).toBe('N/A');
    expect(await account(sb, 'get_subscription_details', { subscription_id: '77' })).toEqual(error('248', "Subscription doesn't exist"));
  });

  it('retrieve_subscriptions_from_lead lists the lead’s subscriptions', async () => {
    const r = await onLead(sb, DEMO_LEAD_EMAIL, 'retrieve_subscriptions_from_lead');
    const list = r.actions[0].retrieve_subscriptions_from_lead.subscriptions_list;
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]).toEqual({ subscription_id: expect.any(String), lead_id: expect.any(String), lead_email: DEMO_LEAD_EMAIL, subscription_status: expect.any(String) });
  });
});

describe('modify_subscription_status', () => {
  it('pause, unpause, cancel (115 in the actions envelope)', async () => {
    const s = pick('active stripe', (x) => x.status === 'Active' && x.gateway === 'stripe' && !x.cancelFails);
    const modify = (m: string) => account(sb, 'modify_subscription_status', { subscription_id: s.id, subscription_status_modification: m });
    expect(await modify('pause')).toEqual(modified);
    expect(subs().find((x) => x.id === s.id)!.status).toBe('Paused');
    expect(await modify('unpause')).toEqual(modified);
    expect(subs().find((x) => x.id === s.id)!.status).toBe('Active');
    expect(await modify('cancel')).toEqual(modified);
    expect(subs().find((x) => x.id === s.id)!.status).toBe('Cancelled');
    expect(await modify('cancel')).toEqual(error('252', 'Subscription already cancelled'));
    expect(await modify('unpause')).toEqual(error('275', 'Subscriptions cancelled or terminated cannot be updated'));
  });

  it('errors 248, 274, 284, 275, 267', async () => {
    const modify = (id: string, m?: string) => account(sb, 'modify_subscription_status', { subscription_id: id, subscription_status_modification: m });
    expect(await modify('1', 'pause')).toEqual(error('248', "Subscription doesn't exist"));
    const active = pick('active', (x) => x.status === 'Active' && x.gateway === 'stripe');
    expect(await modify(active.id)).toEqual(error('274', 'Wrong status'));
    expect(await modify(active.id, 'delete')).toMatchObject({ type: '274' });
    const paypal = pick('paypal', (x) => x.gateway === 'paypal' && x.status === 'Active');
    expect(await modify(paypal.id, 'pause')).toEqual(error('284', 'Paypal transactions cannot be modified'));
    const terminated = pick('terminated', (x) => x.status === 'Terminated');
    expect(await modify(terminated.id, 'pause')).toEqual(error('275', 'Subscriptions cancelled or terminated cannot be updated'));
    const stubborn = pick('cancel-refusing', (x) => x.cancelFails);
    expect(await modify(stubborn.id, 'cancel')).toEqual(error('267', 'Cancellation has failed'));
    expect(subs().find((x) => x.id === stubborn.id)!.status).toBe('Active');
    expect((await modify(paypal.id, 'cancel')).status).toBe('Success');
  });
});

describe('edit_subscription', () => {
  const edit = (id: string, p: object) => account(sb, 'edit_subscription', { subscription_id: id, ...p });
  const inDays = (d: number) => formatEst(Date.now() + d * 86_400_000).slice(0, 16);

  it('changes amount, quantity, tax, installments, recurrence and next payment date', async () => {
    const s = pick('active monthly recurring', (x) => x.status === 'Active' && x.gateway === 'stripe' && x.kind === 'recurring' && x.amount === 49);
    expect(await edit(s.id, { subscription_amount: '59.90', subscription_product_quantity: '2', subscription_tax_percent: '20' })).toEqual(edited);
    expect(await edit(s.id, { subscription_recurrence: { recurring_period_1: 'quarterly' }, subscription_installments_left: '12' })).toEqual(edited);
    expect(await edit(s.id, { subscription_next_payment_date: inDays(10) })).toEqual(edited);
    const d = (await account(sb, 'get_subscription_details', { subscription_id: s.id })).actions[0].get_subscription_details.subscription_details;
    expect(d).toMatchObject({ subscription_recurring_period: 'quarterly', subscription_installments_left: 12, subscription_next_scheduled_payment_amount: 143.76 });
    expect(d.subscription_next_payment_date.slice(0, 16)).toBe(inDays(10));
    expect(await edit(s.id, { subscription_installments_left: 'until cancelled' })).toEqual(edited);
    expect(await edit(s.id, { subscription_product_id: '502', subscription_price_point: '5021' })).toEqual(edited);
  });

  it('errors 248, 284, 275, 285, 283, 278/276, 268/277, 280/281, 282, 290, 260/261', async () => {
    const s = pick('active recurring', (x) => x.status === 'Active' && x.gateway === 'stripe' && x.kind === 'recurring', 0);
    expect(await edit('1', { subscription_amount: '10' })).toEqual(error('248', "Subscription doesn't exist"));
    const paypal = pick('paypal', (x) => x.gateway === 'paypal' && x.status !== 'Cancelled');
    expect(await edit(paypal.id, { subscription_amount: '10' })).toEqual(error('284', 'Paypal transactions cannot be modified'));
    const ended = pick('ended stripe', (x) => x.gateway === 'stripe' && (x.status === 'Cancelled' || x.status === 'Terminated'));
    expect(await edit(ended.id, { subscription_amount: '10' })).toEqual(error('275', 'Subscriptions cancelled or terminated cannot be updated'));
    expect(await edit(s.id, {})).toEqual(error('285', 'No editable parameters for subscription'));
    expect(await edit(s.id, { subscription_product_id: '502' })).toEqual(error('283', 'Wrong product id or price point'));
    expect(await edit(s.id, { subscription_product_id: '501', subscription_price_point: '5011' })).toMatchObject({ type: '283' });
    expect(await edit(s.id, { subscription_product_quantity: 'two' })).toEqual(error('278', 'Invalid number'));
    expect(await edit(s.id, { subscription_product_quantity: '10000' })).toEqual(error('276', 'Quantity must be between 1 and 9,999'));
    expect(await edit(s.id, { subscription_amount: 'cheap' })).toEqual(error('268', 'Invalid amount'));
    expect(await edit(s.id, { subscription_amount: '0.50' })).toEqual(error('277', 'Price must be between 1.00 and 9,999.99'));
    expect(await edit(s.id, { subscription_recurrence: { recurring_period_1: 'daily' } })).toEqual(error('280', 'Invalid recurring period'));
    expect(await edit(s.id, { subscription_recurrence: 'monthly' })).toMatchObject({ type: '280' });
    const locked = pick('live annual (locked) plan', (x) => x.amount === 490 && x.gateway === 'stripe' && (x.status === 'Active' || x.status === 'Paused'));
    expect(await edit(locked.id, { subscription_recurrence: { recurring_period_1: 'monthly' } })).toEqual(error('281', 'Recurrence cannot be changed'));
    expect(await edit(s.id, { subscription_installments_left: '0' })).toEqual(error('282', 'Incorrect number of installments'));
    expect(await edit(s.id, { subscription_installments_left: 'many' })).toMatchObject({ type: '278' });
    const fixed = pick('installment plan', (x) => x.kind === 'installments' && x.gateway === 'stripe' && (x.status === 'Active' || x.status === 'Paused'));
    expect(await edit(fixed.id, { subscription_installments_left: 'until cancelled' })).toMatchObject({ type: '282' });
    expect(await edit(s.id, { subscription_tax_percent: '120' })).toEqual(error('290', 'Tax must be between 0 and 100'));
    expect(await edit(s.id, { subscription_next_payment_date: '18/01/2031' })).toEqual(error('260', 'Invalid date format'));
    expect(await edit(s.id, { subscription_next_payment_date: '2021-01-18 05:46:00' })).toEqual(error('261', 'Date is in the past'));
  });
});
