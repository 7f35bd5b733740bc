import { describe, expect, it } from 'vitest';
import { useAnsweringServer } from './testing/stub-server';
import { UncertainWriteError } from './uncertain-write-error';

const answer = useAnsweringServer();

describe('payment reads', () => {
  it('search_transaction: success without type → true, 247 → false', async () => {
    const { client, server } = await answer((hit) =>
      hit.form['actions[0][transaction_id]'] === '48110'
        ? { json: { status: 'Success', message: 'Transaction exists' } }
        : { json: { status: 'Error', message: "Transaction doesn't exist", type: '247' } },
    );
    await expect(client.searchTransaction(48110)).resolves.toBe(true);
    await expect(client.searchTransaction('1')).resolves.toBe(false);
    expect(server.hits[0]?.form['actions[0][cmd]']).toBe('search_transaction');
    expect(server.hits[0]?.form['lead[id]']).toBeUndefined();
  });

  it('get_transaction_details and get_subscription_details read the wrapped objects', async () => {
    const { client } = await answer((hit) =>
      hit.form['actions[0][cmd]'] === 'get_transaction_details'
        ? { json: { get_transaction_details: { status: 'Success', transaction_details: { transaction_id: 99432, transaction_full_amount: 19.95, lead_email: 'a@b.co' } } } }
        : { json: { status: 'Success', actions: [{ get_subscription_details: { status: 'Success', subscription_details: { subscription_id: '993037', subscription_status: 'Active', subscription_jv: 'N/A' } } }] } },
    );
    await expect(client.getTransactionDetails(99432)).resolves.toEqual({ transaction_id: '99432', transaction_full_amount: '19.95', lead_email: 'a@b.co' });
    await expect(client.getSubscriptionDetails('993037')).resolves.toEqual({ subscription_id: '993037', subscription_status: 'Active', subscription_jv: 'N/A' });
  });

  it('retrieve_*_from_lead are lead-scoped and read the lists', async () => {
    const { client, server } = await answer((hit) =>
      hit.form['actions[0][cmd]'] === 'retrieve_transactions_from_lead'
        ? { json: { retrieve_transactions_from_lead: { status: 'Success', transaction_list: [{ transaction_id: '1', lead_id: 7, lead_email: 'a@b.co', transaction_type: 'sale' }] } } }
        : { json: { retrieve_subscriptions_from_lead: { status: 'Success', subscriptions_list: [] } } },
    );
    await expect(client.retrieveTransactionsFromLead({ id: '7' })).resolves.toEqual([
      { transaction_id: '1', lead_id: '7', lead_email: 'a@b.co', transaction_type: 'sale' },
    ]);
    await expect(client.retrieveSubscriptionsFromLead({ email: 'a@b.co' })).resolves.toEqual([]);
    expect(server.hits[0]?.form['lead[id]']).toBe('7');
    expect(server.hits[1]?.form['lead[email]']).toBe('a@b.co');
  });

  it('search_subscription: 248 → false', async () => {
    const { client } = await answer(() => ({ json: { status: 'Error', message: "Subscription doesn't exist", type: 248 } }));
    await expect(client.searchSubscription(5)).resolves.toBe(false);
  });
});

describe('payment writes', () => {
  it('refund_transaction sends the amount with two decimals and reads transaction_refunded', async () => {
    const { client, server } = await answer(() => ({ json: { refund_transaction: { status: 'Success', transaction_refunded: '792354' } } }));
    await expect(client.refundTransaction(738474, 19.95)).resolves.toEqual({ transactionRefunded: '792354' });
    expect(server.hits[0]?.form).toMatchObject({ 'actions[0][transaction_id]': '738474', 'actions[0][refund_amount]': '19.95' });
  });

  it('a refund whose answer was lost is never sent twice', async () => {
    const { client, server } = await answer(() => 'destroy');
    const error = await client.refundTransaction(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UncertainWriteError);
    expect(server.hits).toHaveLength(1);
  });

  it('cancel_transaction by order id or internal subscription id', async () => {
    const { client, server } = await answer(() => ({
      json: { cancel_transaction: { status: 'Success', transaction_subscription_id: 'I-EV375R0H61SM', transaction_internal_subscription_id: '14833' } },
    }));
    await expect(client.cancelTransaction({ transaction_id: 234161 })).resolves.toEqual({ transactionSubscriptionId: 'I-EV375R0H61SM', transactionInternalSubscriptionId: '14833' });
    await client.cancelTransaction({ transaction_internal_subscription_id: '14833' });
    expect(server.hits[1]?.form['actions[0][transaction_internal_subscription_id]']).toBe('14833');
  });

  it('modify_subscription_status: errors with a numeric type throw; a lost answer is settled by reading the status', async () => {
    let call = 0;
    const { client, server } = await answer((hit) => {
      call++;
      if (call === 1) return { json: { status: 'Error', message: 'Wrong status', type: 274 } };
      if (hit.form['actions[0][cmd]'] === 'modify_subscription_status') return 'destroy';
      return { json: { get_subscription_details: { status: 'Success', subscription_details: { subscription_status: 'Paused' } } } };
    });
    await expect(client.modifySubscriptionStatus(1, 'pause')).rejects.toMatchObject({ type: '274', cmd: 'modify_subscription_status' });
    await expect(client.modifySubscriptionStatus(1, 'pause')).resolves.toMatchObject({ message: expect.stringContaining('confirmed') });
    expect(server.cmds()).toEqual(['modify_subscription_status', 'modify_subscription_status', 'get_subscription_details']);
  });

  it('edit_subscription validates and sends the recurrence map', async () => {
    const { client, server } = await answer(() => ({
      json: { status: 'Success', actions: [{ edit_subscription: { status: 'Success', message: 'Subscription modified', type: '115' } }] },
    }));
    await expect(client.editSubscription({ subscription_id: 1 })).rejects.toThrow(/at least one thing to change/);
    await expect(client.editSubscription({ subscription_id: 1, subscription_product_id: 5 })).rejects.toThrow(/both the product id and the price point/);
    await expect(client.editSubscription({ subscription_id: 1, subscription_recurrence: { recurring_period_1: 'monthly' }, subscription_amount: 10 })).resolves.toEqual({
      message: 'Subscription modified',
    });
    expect(server.hits).toHaveLength(1);
    expect(server.hits[0]?.form).toMatchObject({ 'actions[0][subscription_recurrence][recurring_period_1]': 'monthly', 'actions[0][subscription_amount]': '10.00' });
  });
});
