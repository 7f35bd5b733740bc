// Recurring-subscription commands (kartra-api.md §12.5–12.9): search, details, status changes, edits, a lead's list.
import { formatEst, parseEstDateTime, ZERO_DATE } from '../est-time';
import type { PricePointKind, SubscriptionRow } from '../store/payment-store';
import { fail, isDigits, isRecord, succeed, text, type CommandContext, type CommandSpec, type Outcome } from './context';
import { cancelSubscription } from './payment-commands';

function findSubscription(ctx: CommandContext, raw: unknown): SubscriptionRow | undefined {
  const id = text(raw);
  return isDigits(id) ? ctx.state.payments.subscription(ctx.account.id, Number(id)) : undefined;
}

const PERIODS = ['monthly', 'every 2 months', 'quarterly', 'yearly', 'every 2 years', 'weekly', 'every 2 weeks'];
const PERIODS_RI_1 = ['monthly', 'every 2 months', 'weekly', 'every 2 weeks'];
const PERIODS_RI_2 = ['yearly', 'every 2 years'];

const money = (n: number) => Math.round(n * 100) / 100;
const orNA = (v: string | null) => (v === null || v === '' ? 'N/A' : v);

function details(ctx: CommandContext, s: SubscriptionRow): Record<string, unknown> {
  const open = s.status === 'Active';
  const ended = s.status === 'Cancelled' || s.status === 'Terminated';
  return {
    subscription_id: String(s.id),
    subscription_product_id: String(s.product_id),
    subscription_price_point: String(s.price_point_id),
    subscription_lead_id: String(s.lead_id),
    subscription_start_date: formatEst(s.start_date),
    subscription_end_date: ended && s.end_date !== null ? formatEst(s.end_date) : ZERO_DATE,
    subscription_current_installment: s.current_installment,
    subscription_installments_left: s.installments_left === null ? 'Until cancelled' : s.installments_left,
    subscription_recurring_period: s.recurring_period,
    subscription_status: s.status,
    subscription_next_payment_date: !ended && s.next_payment_date !== null ? formatEst(s.next_payment_date) : 'N/A',
    subscription_next_scheduled_payment_amount: open ? money(s.amount * s.quantity * (1 + s.tax_percent / 100)) : 'N/A',
    subscription_affiliate: orNA(s.affiliate),
    subscription_jv: orNA(s.jv),
  };
}

const account = (run: CommandSpec['run'], single: CommandSpec['single'] = 'envelope'): CommandSpec => ({
  scope: 'account',
  single,
  run,
});

/** [U] Params and success mirror search_transaction (kartra-api.md §12.5). */
const searchSubscription = account((ctx, a) => {
  if (!findSubscription(ctx, a.subscription_id)) return fail(ctx, 'subscriptionMissing');
  return succeed(ctx, 'subscriptionExists');
}, 'flat');

const getSubscriptionDetails = account((ctx, a) => {
  const s = findSubscription(ctx, a.subscription_id);
  if (!s) return fail(ctx, 'subscriptionMissing');
  return { ok: true, entry: { status: 'Success', subscription_details: details(ctx, s) } };
});

/**
 * 248 → 274 → 284 (PayPal: only cancel) → 252 (cancel of a cancelled one) → 275 (any other change of a
 * cancelled/terminated one) → 267. 252 is checked before 275 because it is the more specific answer.
 * [U] Pausing a paused or unpausing an active subscription succeeds without change.
 */
const modifySubscriptionStatus = account((ctx, a) => {
  const s = findSubscription(ctx, a.subscription_id);
  if (!s) return fail(ctx, 'subscriptionMissing');
  const change = text(a.subscription_status_modification);
  if (change !== 'cancel' && change !== 'pause' && change !== 'unpause') return fail(ctx, 'wrongStatus');
  if (s.gateway === 'paypal' && change !== 'cancel') return fail(ctx, 'paypal');
  if (change === 'cancel' && s.status === 'Cancelled') return fail(ctx, 'alreadyCancelled');
  if (s.status === 'Cancelled' || s.status === 'Terminated') return fail(ctx, 'notUpdatable');
  if (change === 'cancel') {
    if (s.cancel_fails) return fail(ctx, 'cancelFailed');
    cancelSubscription(ctx, s.id);
  } else {
    ctx.state.payments.updateSubscription(s.id, { status: change === 'pause' ? 'Paused' : 'Active' });
  }
  return succeed(ctx, 'subscriptionModified');
});

const EDITABLE = [
  'subscription_product_id',
  'subscription_price_point',
  'subscription_next_payment_date',
  'subscription_amount',
  'subscription_recurrence',
  'subscription_product_quantity',
  'subscription_installments_left',
  'subscription_tax_percent',
];
const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * 248 → 284 → 275 → 285 (nothing editable sent) → 283 (product + price point, both required together) →
 * quantity 278/276 → amount 268/277 → recurrence 280/281 → installments 278/282 → tax 278/290 → date 260/261.
 * Everything is validated before anything changes.
 */
const editSubscription = account((ctx, a): Outcome => {
  const { payments } = ctx.state;
  const s = findSubscription(ctx, a.subscription_id);
  if (!s) return fail(ctx, 'subscriptionMissing');
  if (s.gateway === 'paypal') return fail(ctx, 'paypal');
  if (s.status === 'Cancelled' || s.status === 'Terminated') return fail(ctx, 'notUpdatable');
  const sent = (k: string) => a[k] !== undefined && a[k] !== '';
  if (!EDITABLE.some(sent)) return fail(ctx, 'nothingToEdit');
  const changes: Partial<SubscriptionRow> = {};

  let kind: PricePointKind = payments.pricePointById(s.price_point_id)?.kind ?? 'recurring';
  let locked = payments.pricePointById(s.price_point_id)?.recurrence_locked === 1;
  if (sent('subscription_product_id') || sent('subscription_price_point')) {
    const productId = text(a.subscription_product_id);
    const pointId = text(a.subscription_price_point);
    const product = isDigits(productId) ? payments.product(ctx.account.id, Number(productId)) : undefined;
    const point = product && isDigits(pointId) ? payments.pricePoint(product.id, Number(pointId)) : undefined;
    if (!product || !point || point.kind === 'one_time') return fail(ctx, 'badProduct');
    changes.product_id = product.id;
    changes.price_point_id = point.id;
    changes.amount = point.amount;
    kind = point.kind;
    locked = point.recurrence_locked === 1;
  }
  if (sent('subscription_product_quantity')) {
    const q = text(a.subscription_product_quantity);
    if (!isDigits(q)) return fail(ctx, 'badNumber');
    if (Number(q) < 1 || Number(q) > 9999) return fail(ctx, 'quantityRange');
    changes.quantity = Number(q);
  }
  if (sent('subscription_amount')) {
    const amount = text(a.subscription_amount);
    if (!DECIMAL.test(amount)) return fail(ctx, 'badAmount');
    if (Number(amount) < 1 || Number(amount) > 9999.99) return fail(ctx, 'priceRange');
    changes.amount = money(Number(amount));
  }
  if (sent('subscription_recurrence')) {
    const r = a.subscription_recurrence;
    if (!isRecord(r)) return fail(ctx, 'badPeriod');
    const p1 = text(r.recurring_period_1);
    const p2 = text(r.recurring_period_2);
    if (kind === 'recurring_installments') {
      if ((p1 !== '' && !PERIODS_RI_1.includes(p1)) || (p2 !== '' && !PERIODS_RI_2.includes(p2))) return fail(ctx, 'badPeriod');
      if (p1 === '' && p2 === '') return fail(ctx, 'badPeriod');
    } else if (p1 === '' || !PERIODS.includes(p1) || p2 !== '') {
      return fail(ctx, 'badPeriod');
    }
    if (locked) return fail(ctx, 'recurrenceLocked');
    if (p1 !== '') changes.recurring_period = p1;
    if (p2 !== '') changes.recurring_period_2 = p2;
  }
  if (sent('subscription_installments_left')) {
    const left = text(a.subscription_installments_left).trim();
    if (left.toLowerCase() === 'until cancelled') {
      if (kind === 'installments') return fail(ctx, 'badInstallments');
      changes.installments_left = null;
    } else {
      if (!isDigits(left)) return fail(ctx, 'badNumber');
      if (Number(left) < 1 || Number(left) > 999) return fail(ctx, 'badInstallments');
      changes.installments_left = Number(left);
    }
  }
  if (sent('subscription_tax_percent')) {
    const tax = text(a.subscription_tax_percent);
    if (!DECIMAL.test(tax)) return fail(ctx, 'badNumber');
    if (Number(tax) > 100) return fail(ctx, 'taxRange');
    changes.tax_percent = Number(tax);
  }
  if (sent('subscription_next_payment_date')) {
    const at = parseEstDateTime(text(a.subscription_next_payment_date));
    if (at === null) return fail(ctx, 'badDate');
    if (at < ctx.state.clock.now()) return fail(ctx, 'pastDate');
    changes.next_payment_date = at;
  }
  payments.updateSubscription(s.id, changes);
  return succeed(ctx, 'subscriptionModified');
});

const retrieveSubscriptionsFromLead: CommandSpec = {
  scope: 'lead',
  single: 'envelope',
  run(ctx) {
    const lead = ctx.lead!;
    const list = ctx.state.payments.subscriptionsOfLead(lead.id).map((s) => ({
      subscription_id: String(s.id),
      lead_id: String(lead.id),
      lead_email: lead.email,
      subscription_status: s.status,
    }));
    return { ok: true, entry: { status: 'Success', subscriptions_list: list } };
  },
};

export const SUBSCRIPTION_COMMANDS: Record<string, CommandSpec> = {
  search_subscription: searchSubscription,
  get_subscription_details: getSubscriptionDetails,
  modify_subscription_status: modifySubscriptionStatus,
  edit_subscription: editSubscription,
  retrieve_subscriptions_from_lead: retrieveSubscriptionsFromLead,
};
