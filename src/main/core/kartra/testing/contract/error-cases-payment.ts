// Error-table rows for the payment commands (kartra-api.md §12): transactions, refunds, cancellations and subscriptions.
import { expect } from 'vitest';
import type { EditSubscriptionInput } from '../../commands-payment';
import { onAccount, type ErrorCase, type ErrorContext } from './error-case';

const NO_SUCH_ID = '999999999';
const client = (c: ErrorContext) => c.conn.client;
const pay = (c: ErrorContext) => c.target.fixtures.payments;
const editable = (c: ErrorContext) => pay(c).editableSubscription;
const edit = (c: ErrorContext, changes: Omit<EditSubscriptionInput, 'subscription_id'>, id = editable(c)) =>
  client(c).editSubscription({ subscription_id: id, ...changes });
/** edit_subscription as a raw body (for values the client refuses to send). */
const rawEdit = (c: ErrorContext, changes: Record<string, unknown>) =>
  onAccount(c, { cmd: 'edit_subscription', subscription_id: editable(c), ...(changes as Record<string, string>) });

export const TRANSACTION_CASES: ErrorCase[] = [
  {
    code: '247', cmd: 'search_transaction', app: 'kartra_error', how: 'an unknown transaction id',
    run: (c) => onAccount(c, { cmd: 'search_transaction', transaction_id: NO_SUCH_ID }),
    // The client's searchTransaction answers "does not exist" with false.
    also: async (c) => expect(await client(c).searchTransaction(NO_SUCH_ID)).toBe(false),
  },
  { code: '247', cmd: 'get_transaction_details', app: 'kartra_error', how: 'an unknown transaction id', run: (c) => client(c).getTransactionDetails(NO_SUCH_ID) },
  { code: '247', cmd: 'refund_transaction', app: 'kartra_error', how: 'an unknown transaction id', run: (c) => client(c).refundTransaction(NO_SUCH_ID) },
  { code: '247', cmd: 'cancel_transaction', app: 'kartra_error', how: '[U] an unknown transaction id', run: (c) => client(c).cancelTransaction({ transaction_id: NO_SUCH_ID }) },
  {
    code: '248', cmd: 'cancel_transaction', app: 'kartra_error', how: 'an unknown internal subscription id',
    run: (c) => client(c).cancelTransaction({ transaction_internal_subscription_id: NO_SUCH_ID }),
  },
  { code: '249', cmd: 'cancel_transaction', app: 'kartra_error', how: 'a one-off sale', run: (c) => client(c).cancelTransaction({ transaction_id: pay(c).oneOffSale }) },
  { code: '250', cmd: 'refund_transaction', app: 'kartra_error', how: 'a sale past its refund period', run: (c) => client(c).refundTransaction(pay(c).outsideRefundPeriod) },
  { code: '251', cmd: 'refund_transaction', app: 'kartra_error', how: 'a sale refunded in full', run: (c) => client(c).refundTransaction(pay(c).alreadyRefunded) },
  {
    code: '252', cmd: 'cancel_transaction', app: 'kartra_error', how: 'a subscription already cancelled',
    run: (c) => client(c).cancelTransaction({ transaction_internal_subscription_id: pay(c).cancelledSubscription }),
  },
  { code: '253', cmd: 'refund_transaction', app: 'kartra_error', how: 'a test transaction', run: (c) => client(c).refundTransaction(pay(c).testSale) },
  {
    code: '253', cmd: 'cancel_transaction', app: 'kartra_error', how: 'a transaction of a live subscription that is not a sale or rebill',
    run: (c) => client(c).cancelTransaction({ transaction_id: pay(c).nonSaleOfLiveSubscription }),
  },
  // 266 is reachable: the sandbox seeds a recent sale whose payment gateway refuses refunds.
  { code: '266', cmd: 'refund_transaction', app: 'kartra_error', how: 'the gateway refuses the refund', run: (c) => client(c).refundTransaction(pay(c).refundFails) },
  // 267 likewise: a seeded active subscription whose gateway refuses to cancel.
  {
    code: '267', cmd: 'cancel_transaction', app: 'kartra_error', how: 'the gateway refuses the cancellation',
    run: (c) => client(c).cancelTransaction({ transaction_internal_subscription_id: pay(c).cancelFailsSubscription }),
  },
  {
    code: '268', cmd: 'refund_transaction', app: 'kartra_error', how: 'a refund_amount above what is left to refund',
    run: (c) => client(c).refundTransaction(pay(c).refundable[1], 99_999),
  },
];

export const SUBSCRIPTION_CASES: ErrorCase[] = [
  {
    code: '248', cmd: 'search_subscription', app: 'kartra_error', how: 'an unknown subscription id',
    run: (c) => onAccount(c, { cmd: 'search_subscription', subscription_id: NO_SUCH_ID }),
    also: async (c) => expect(await client(c).searchSubscription(NO_SUCH_ID)).toBe(false),
  },
  { code: '248', cmd: 'get_subscription_details', app: 'kartra_error', how: 'an unknown subscription id', run: (c) => client(c).getSubscriptionDetails(NO_SUCH_ID) },
  { code: '248', cmd: 'modify_subscription_status', app: 'kartra_error', how: 'an unknown subscription id', run: (c) => client(c).modifySubscriptionStatus(NO_SUCH_ID, 'pause') },
  { code: '248', cmd: 'edit_subscription', app: 'kartra_error', how: 'an unknown subscription id', run: (c) => edit(c, { subscription_product_quantity: 2 }, NO_SUCH_ID) },
  {
    code: '274', cmd: 'modify_subscription_status', app: 'kartra_error', how: 'a status change that is not cancel/pause/unpause',
    run: (c) => onAccount(c, { cmd: 'modify_subscription_status', subscription_id: editable(c), subscription_status_modification: 'delete' }),
    refusal: (c) => client(c).modifySubscriptionStatus(editable(c), 'delete' as 'pause'),
  },
  { code: '284', cmd: 'modify_subscription_status', app: 'kartra_error', how: 'pausing a PayPal subscription', run: (c) => client(c).modifySubscriptionStatus(pay(c).paypalSubscription, 'pause') },
  { code: '252', cmd: 'modify_subscription_status', app: 'kartra_error', how: 'cancelling a cancelled subscription', run: (c) => client(c).modifySubscriptionStatus(pay(c).cancelledSubscription, 'cancel') },
  { code: '275', cmd: 'modify_subscription_status', app: 'kartra_error', how: 'pausing a terminated subscription', run: (c) => client(c).modifySubscriptionStatus(pay(c).terminatedSubscription, 'pause') },
  {
    code: '267', cmd: 'modify_subscription_status', app: 'kartra_error', how: 'the gateway refuses the cancellation',
    run: (c) => client(c).modifySubscriptionStatus(pay(c).cancelFailsSubscription, 'cancel'),
  },
  { code: '284', cmd: 'edit_subscription', app: 'kartra_error', how: 'editing a PayPal subscription', run: (c) => edit(c, { subscription_product_quantity: 2 }, pay(c).paypalSubscription) },
  { code: '275', cmd: 'edit_subscription', app: 'kartra_error', how: 'editing a cancelled subscription', run: (c) => edit(c, { subscription_product_quantity: 2 }, pay(c).cancelledSubscription) },
  {
    code: '285', cmd: 'edit_subscription', app: 'kartra_error', how: 'nothing to change',
    run: (c) => rawEdit(c, {}),
    refusal: (c) => client(c).editSubscription({ subscription_id: editable(c) }),
  },
  { code: '283', cmd: 'edit_subscription', app: 'kartra_error', how: 'an unknown product and price point', run: (c) => edit(c, { subscription_product_id: NO_SUCH_ID, subscription_price_point: '1' }) },
  {
    code: '278', cmd: 'edit_subscription', app: 'kartra_error', how: 'a quantity that is not a number',
    run: (c) => rawEdit(c, { subscription_product_quantity: 'two' }),
    refusal: (c) => edit(c, { subscription_product_quantity: 'two' as unknown as number }),
  },
  {
    code: '276', cmd: 'edit_subscription', app: 'kartra_error', how: 'a quantity above 9,999',
    run: (c) => rawEdit(c, { subscription_product_quantity: '10000' }),
    refusal: (c) => edit(c, { subscription_product_quantity: 10_000 }),
  },
  {
    code: '268', cmd: 'edit_subscription', app: 'kartra_error', how: 'an amount that is not a number',
    run: (c) => rawEdit(c, { subscription_amount: 'ten' }),
    refusal: (c) => edit(c, { subscription_amount: Number.NaN }),
  },
  { code: '277', cmd: 'edit_subscription', app: 'kartra_error', how: 'a price below 1.00', run: (c) => edit(c, { subscription_amount: 0.5 }) },
  {
    code: '280', cmd: 'edit_subscription', app: 'kartra_error', how: 'a second recurring period on a plain recurring plan',
    run: (c) => edit(c, { subscription_recurrence: { recurring_period_1: 'monthly', recurring_period_2: 'yearly' } }),
  },
  {
    code: '281', cmd: 'edit_subscription', app: 'kartra_error', how: 'a new billing period on a price point that locks it',
    run: (c) =>
      edit(c, {
        subscription_product_id: pay(c).lockedPricePoint.productId,
        subscription_price_point: pay(c).lockedPricePoint.pricePointId,
        subscription_recurrence: { recurring_period_1: 'monthly' },
      }),
  },
  { code: '282', cmd: 'edit_subscription', app: 'kartra_error', how: 'zero installments left', run: (c) => edit(c, { subscription_installments_left: 0 }) },
  {
    code: '290', cmd: 'edit_subscription', app: 'kartra_error', how: 'a tax above 100 %',
    run: (c) => rawEdit(c, { subscription_tax_percent: '150' }),
    refusal: (c) => edit(c, { subscription_tax_percent: 150 }),
  },
  { code: '260', cmd: 'edit_subscription', app: 'kartra_error', how: 'a next payment date that does not exist', run: (c) => edit(c, { subscription_next_payment_date: '2099-02-31 10:00' }) },
  { code: '261', cmd: 'edit_subscription', app: 'kartra_error', how: 'a next payment date in the past', run: (c) => edit(c, { subscription_next_payment_date: '2020-01-18 05:46' }) },
];
