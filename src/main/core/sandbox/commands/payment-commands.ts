// Transaction commands (kartra-api.md §12.1–12.4, §12.10): search, details, refund, cancel, a lead's transactions.
import { DAY_MS, formatEst } from '../est-time';
import { countryCodes } from '../seed/people';
import type { TransactionRow } from '../store/payment-store';
import { fail, isDigits, succeed, text, type CommandContext, type CommandSpec, type Outcome } from './context';

const money = (n: number) => Math.round(n * 100) / 100;
const orNA = (v: string | null) => (v === null || v === '' ? 'N/A' : v);

function findTransaction(ctx: CommandContext, raw: unknown): TransactionRow | undefined {
  const id = text(raw);
  return isDigits(id) ? ctx.state.payments.transaction(ctx.account.id, Number(id)) : undefined;
}

const account = (run: CommandSpec['run'], single: CommandSpec['single'] = 'envelope'): CommandSpec => ({
  scope: 'account',
  single,
  run,
});

/** Flat `{"status":"Success","message":"Transaction exists"}` — documented without a type. */
const searchTransaction = account((ctx, a) => {
  if (!findTransaction(ctx, a.transaction_id)) return fail(ctx, 'transactionMissing');
  return succeed(ctx, 'transactionExists');
}, 'flat');

/**
 * The documented sale fields plus, [U], the IPN-style fields kartra-api.md §12.2 lists as likely.
 * [U] Wrapped under the cmd inside `actions`, like get_subscription_details.
 */
const getTransactionDetails = account((ctx, a) => {
  const t = findTransaction(ctx, a.transaction_id);
  if (!t) return fail(ctx, 'transactionMissing');
  const { leads, payments } = ctx.state;
  const lead = leads.byId(ctx.account.id, t.lead_id);
  const product = payments.productById(t.product_id);
  const codes = countryCodes(lead?.country ?? '');
  const sub = t.subscription_id === null ? undefined : payments.subscription(ctx.account.id, t.subscription_id);
  const details = {
    transaction_id: String(t.id),
    lead_first_name: lead?.first_name ?? '',
    lead_last_name: lead?.last_name ?? '',
    lead_email: lead?.email ?? '',
    lead_id: String(t.lead_id),
    lead_username: '',
    lead_country: lead?.country ?? '',
    lead_country_code_2: codes.iso2,
    lead_country_code_3: codes.iso3,
    lead_state: lead?.state ?? '',
    lead_phone_country_code: lead?.phone_country_code ?? '',
    lead_phone_number: lead?.phone ?? '',
    lead_address: lead?.address ?? '',
    lead_city: lead?.city ?? '',
    lead_zip: lead?.zip ?? '',
    product_name: product?.name ?? '',
    product_id: String(t.product_id),
    product_price_point: String(t.price_point_id),
    transaction_full_amount: t.full_amount,
    transaction_quantity: t.quantity,
    transaction_affiliate: orNA(t.affiliate),
    transaction_base_amount: t.base_amount,
    transaction_discount: t.discount,
    transaction_shipping: t.shipping,
    transaction_tax: t.tax,
    transaction_date: formatEst(t.date),
    transaction_type: t.type,
    transaction_parent_id: t.parent_id === null ? 'N/A' : String(t.parent_id),
    transaction_jv: orNA(t.jv),
    transaction_subscription_id: sub ? sub.gateway_subscription_id : 'N/A',
    transaction_internal_subscription_id: sub ? String(sub.id) : 'N/A',
    transaction_last_4_card_digits: t.last4,
  };
  return { ok: true, entry: { status: 'Success', transaction_details: details } };
});

/**
 * Documented order 247 → 250 → 251 → 253, then 268 (amount) before 266: the gateway's refusal can only come
 * after the request itself was valid. [U] `transaction_refunded` is the id of the new refund transaction.
 */
const refundTransaction = account((ctx, a) => {
  const t = findTransaction(ctx, a.transaction_id);
  if (!t) return fail(ctx, 'transactionMissing');
  const product = ctx.state.payments.productById(t.product_id);
  const now = ctx.state.clock.now();
  if (t.date + (product?.refund_days ?? 0) * DAY_MS < now) return fail(ctx, 'outsideRefund');
  if ((t.type === 'sale' || t.type === 'rebill') && t.refunded_amount >= t.full_amount) return fail(ctx, 'alreadyRefunded');
  if ((t.type !== 'sale' && t.type !== 'rebill') || t.is_test) return fail(ctx, 'notRefundable');
  const remaining = money(t.full_amount - t.refunded_amount);
  const given = a.refund_amount === undefined ? '' : text(a.refund_amount);
  if (a.refund_amount !== undefined && typeof a.refund_amount !== 'string') return fail(ctx, 'badAmount');
  let amount = remaining;
  if (given !== '') {
    if (!/^\d+(\.\d{1,2})?$/.test(given)) return fail(ctx, 'badAmount');
    amount = Number(given);
    if (amount <= 0 || amount > remaining) return fail(ctx, 'badAmount');
  }
  if (t.refund_fails) return fail(ctx, 'refundFailed');
  const full = amount === remaining && t.refunded_amount === 0;
  const { id: _originalId, ...original } = t;
  const refundId = ctx.state.payments.insertTransaction({
    ...original,
    type: full ? 'refund' : 'partial_refund',
    parent_id: t.id,
    date: now,
    base_amount: amount,
    discount: 0,
    shipping: 0,
    tax: 0,
    full_amount: amount,
    refunded_amount: 0,
    refund_fails: 0,
  });
  ctx.state.payments.addRefunded(t.id, amount);
  return { ok: true, entry: { status: 'Success', transaction_refunded: String(refundId) } };
});

/**
 * Cancels the recurring subscription behind a transaction (`transaction_id`) or given directly
 * (`transaction_internal_subscription_id`; the 2020 docs' gateway-side `transaction_subscription_id` is also read).
 * Order 248 → 249 → 252 → 253 → 267. [U] An unknown transaction_id answers 247, the code that names it.
 */
const cancelTransaction = account((ctx, a): Outcome => {
  const { payments } = ctx.state;
  let transaction: TransactionRow | undefined;
  let subscriptionId: number | null = null;
  if (text(a.transaction_id) !== '') {
    transaction = findTransaction(ctx, a.transaction_id);
    if (!transaction) return fail(ctx, 'transactionMissing');
    subscriptionId = transaction.subscription_id;
    if (subscriptionId === null) return fail(ctx, 'notLinked');
  }
  const internal = text(a.transaction_internal_subscription_id);
  const gatewayId = text(a.transaction_subscription_id);
  const sub =
    subscriptionId !== null
      ? payments.subscription(ctx.account.id, subscriptionId)
      : isDigits(internal)
        ? payments.subscription(ctx.account.id, Number(internal))
        : gatewayId !== ''
          ? payments.subscriptionByGatewayId(ctx.account.id, gatewayId)
          : undefined;
  if (!sub) return fail(ctx, 'subscriptionMissing');
  if (sub.status === 'Cancelled' || sub.status === 'Terminated') return fail(ctx, 'alreadyCancelled');
  if (transaction && ((transaction.type !== 'sale' && transaction.type !== 'rebill') || transaction.is_test)) {
    return fail(ctx, 'notRefundable');
  }
  if (sub.cancel_fails) return fail(ctx, 'cancelFailed');
  cancelSubscription(ctx, sub.id);
  return {
    ok: true,
    entry: {
      status: 'Success',
      transaction_subscription_id: sub.gateway_subscription_id,
      transaction_internal_subscription_id: String(sub.id),
    },
  };
});

/** Marks a subscription cancelled and records the cancellation transaction. */
export function cancelSubscription(ctx: CommandContext, subscriptionId: number): void {
  const { payments } = ctx.state;
  const sub = payments.subscription(ctx.account.id, subscriptionId);
  if (!sub) throw new Error(`subscription ${subscriptionId} vanished`);
  const now = ctx.state.clock.now();
  payments.updateSubscription(sub.id, { status: 'Cancelled', end_date: now, next_payment_date: null });
  payments.insertTransaction({
    account_id: sub.account_id,
    lead_id: sub.lead_id,
    type: 'cancellation',
    product_id: sub.product_id,
    price_point_id: sub.price_point_id,
    subscription_id: sub.id,
    parent_id: null,
    date: now,
    base_amount: 0,
    discount: 0,
    shipping: 0,
    tax: 0,
    full_amount: 0,
    quantity: sub.quantity,
    affiliate: sub.affiliate,
    jv: sub.jv,
    last4: '',
    is_test: 0,
    refunded_amount: 0,
    refund_fails: 0,
  });
}

const retrieveTransactionsFromLead: CommandSpec = {
  scope: 'lead',
  single: 'envelope',
  run(ctx) {
    const lead = ctx.lead!;
    const list = ctx.state.payments.transactionsOfLead(lead.id).map((t) => ({
      transaction_id: String(t.id),
      lead_id: String(lead.id),
      lead_email: lead.email,
      transaction_type: t.type,
    }));
    return { ok: true, entry: { status: 'Success', transaction_list: list } };
  },
};

export const PAYMENT_COMMANDS: Record<string, CommandSpec> = {
  search_transaction: searchTransaction,
  get_transaction_details: getTransactionDetails,
  refund_transaction: refundTransaction,
  cancel_transaction: cancelTransaction,
  retrieve_transactions_from_lead: retrieveTransactionsFromLead,
};
