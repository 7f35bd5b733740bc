// Seeds an account's products, subscriptions (every status, both gateways) and transactions of every type,
// including the awkward ones the payment commands must refuse (old, test, failed, already refunded).
import { DAY_MS } from '../est-time';
import type { Rng } from '../rng';
import type { SandboxState } from '../store/state';
import type { PricePointData, ProductData } from './catalog-data';
import type { SubscriptionStatus, TransactionRow, TransactionType } from '../store/payment-store';

const PERIOD_DAYS: Record<string, number> = {
  weekly: 7, 'every 2 weeks': 14, monthly: 30, 'every 2 months': 61, quarterly: 91, yearly: 365, 'every 2 years': 730,
};
const AFFILIATES = ['jenna_reviews', 'growthwithmarco', 'thepodcastpartner'];
const SUBSCRIPTION_STATUSES: SubscriptionStatus[] = [
  'Active', 'Active', 'Paused', 'Active', 'Cancelled', 'Active', 'Terminated', 'Active',
  'Active', 'Cancelled', 'Paused', 'Active', 'Active', 'Cancelled', 'Terminated',
];

export interface PaymentPlan {
  subscriptions: number;
  sales: number;
}

export function seedPayments(
  state: SandboxState,
  accountId: number,
  rng: Rng,
  products: ProductData[],
  customers: number[],
  plan: PaymentPlan,
): void {
  const { payments, clock } = state;
  const now = clock.now();
  for (const p of products) {
    payments.insertProduct({ id: p.id, account_id: accountId, name: p.name, refund_days: p.refundDays });
    for (const pp of p.pricePoints) {
      payments.insertPricePoint({
        id: pp.id, product_id: p.id, name: pp.name, kind: pp.kind, amount: pp.amount,
        recurring_period: pp.period, installments: pp.installments, recurrence_locked: pp.locked ? 1 : 0,
      });
    }
  }
  if (customers.length === 0) return;
  const all = products.flatMap((p) => p.pricePoints.map((pp) => ({ product: p, pp })));
  const recurring = all.filter((x) => x.pp.kind !== 'one_time');
  const oneTime = all.filter((x) => x.pp.kind === 'one_time');

  const sale = (leadId: number, product: ProductData, pp: PricePointData, date: number, type: TransactionType, extra: Partial<TransactionRow> = {}) => {
    const discount = rng.chance(0.1) ? Math.round(pp.amount * 10) / 100 : 0;
    return payments.insertTransaction({
      account_id: accountId, lead_id: leadId, type, product_id: product.id, price_point_id: pp.id,
      subscription_id: null, parent_id: null, date, base_amount: pp.amount, discount, shipping: 0, tax: 0,
      full_amount: Math.round((pp.amount - discount) * 100) / 100, quantity: 1,
      affiliate: rng.chance(0.15) ? rng.pick(AFFILIATES) : null, jv: null,
      last4: String(rng.int(1000, 9999)), is_test: 0, refunded_amount: 0, refund_fails: 0, ...extra,
    });
  };

  for (let i = 0; i < plan.subscriptions && recurring.length > 0; i++) {
    const leadId = customers[i % customers.length]!;
    const status = SUBSCRIPTION_STATUSES[i % SUBSCRIPTION_STATUSES.length]!;
    // Only a plan with a fixed number of payments can end "Terminated" (all scheduled payments made).
    const fixed = recurring.filter((x) => x.pp.installments !== null);
    const pool = status === 'Terminated' && fixed.length > 0 ? fixed : recurring;
    const { product, pp } = pool[i % pool.length]!;
    const paypal = i === 1 || i === 4 || i === 8;
    const period = pp.period ?? 'monthly';
    const days = PERIOD_DAYS[period] ?? 30;
    const total = pp.installments;
    const paid = status === 'Terminated' && total ? total : Math.min(rng.int(1, 4), total ?? 4);
    const start = now - (paid - 1) * days * DAY_MS - rng.int(1, days - 1) * DAY_MS;
    const ended = status === 'Cancelled' || status === 'Terminated';
    const endDate = ended ? start + (paid - 1) * days * DAY_MS + rng.int(1, 5) * DAY_MS : null;
    const subId = payments.insertSubscription({
      account_id: accountId, lead_id: leadId, product_id: product.id, price_point_id: pp.id,
      gateway: paypal ? 'paypal' : 'stripe',
      gateway_subscription_id: paypal ? `I-${randomCode(rng, 12)}` : `sub_${randomCode(rng, 14).toLowerCase()}`,
      status, start_date: start, end_date: endDate, current_installment: paid,
      installments_left: total === null ? null : Math.max(0, total - paid),
      recurring_period: period, recurring_period_2: pp.kind === 'recurring_installments' ? 'yearly' : null,
      next_payment_date: status === 'Active' ? start + paid * days * DAY_MS : null,
      amount: pp.amount, quantity: 1, tax_percent: 0, affiliate: null, jv: null,
      // One active subscription whose gateway refuses to cancel: 267.
      cancel_fails: i === 5 ? 1 : 0,
    });
    for (let k = 0; k < paid; k++) {
      sale(leadId, product, pp, start + k * days * DAY_MS, k === 0 ? 'sale' : 'rebill', {
        subscription_id: subId,
        last4: paypal ? '' : String(rng.int(1000, 9999)),
      });
    }
    if (i === 3) {
      // A goodwill partial refund on a live subscription: a transaction of the subscription that is neither a
      // sale nor a rebill (cancel_transaction on it → 253).
      const part = Math.round(pp.amount * 20) / 100;
      sale(leadId, product, pp, start + DAY_MS, 'partial_refund', { subscription_id: subId, base_amount: part, full_amount: part, discount: 0 });
    }
    if (status === 'Cancelled' && endDate !== null) {
      sale(leadId, product, pp, endDate, 'cancellation', { subscription_id: subId, base_amount: 0, full_amount: 0, discount: 0 });
    }
  }

  for (let j = 0; j < plan.sales && oneTime.length > 0; j++) {
    const leadId = customers[(plan.subscriptions + j) % customers.length]!;
    const { product, pp } = oneTime[j % oneTime.length]!;
    // A third are recent (refundable), a third a few weeks old, a third long past any refund period.
    const age = j % 3 === 0 ? rng.int(0, 4) : j % 3 === 1 ? rng.int(8, 12) : rng.int(120, 600);
    const date = now - age * DAY_MS - rng.int(60, 80_000) * 1000;
    const type: TransactionType = j % 11 === 10 ? 'failed' : 'sale';
    const id = sale(leadId, product, pp, date, type, {
      is_test: j === 12 ? 1 : 0,
      // A recent sale whose refund the gateway refuses: 266.
      refund_fails: j === 3 ? 1 : 0,
    });
    const original = payments.transaction(accountId, id)!;
    const later = date + rng.int(1, 3) * DAY_MS;
    if (j === 6 || j === 7) {
      sale(leadId, product, pp, later, 'refund', { parent_id: id, base_amount: original.full_amount, full_amount: original.full_amount, discount: 0 });
      payments.addRefunded(id, original.full_amount);
    } else if (j === 4 || j === 13) {
      const part = Math.round(original.full_amount * 50) / 100;
      sale(leadId, product, pp, later, 'partial_refund', { parent_id: id, base_amount: part, full_amount: part, discount: 0 });
      payments.addRefunded(id, part);
    } else if (j === 8) {
      sale(leadId, product, pp, later, 'chargeback', { parent_id: id, base_amount: original.full_amount, full_amount: original.full_amount, discount: 0 });
    }
  }
}

function randomCode(rng: Rng, length: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[rng.int(0, alphabet.length - 1)];
  return out;
}
