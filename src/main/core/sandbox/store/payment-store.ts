// Payment state: products with price points, transactions and recurring subscriptions (kartra-api.md §12).
import type { Db } from './db';

export type PricePointKind = 'one_time' | 'recurring' | 'installments' | 'recurring_installments';
export type TransactionType = 'sale' | 'refund' | 'failed' | 'rebill' | 'cancellation' | 'chargeback' | 'partial_refund';
export type SubscriptionStatus = 'Active' | 'Paused' | 'Cancelled' | 'Terminated';

export interface ProductRow {
  id: number;
  account_id: number;
  name: string;
  refund_days: number;
}
export interface PricePointRow {
  id: number;
  product_id: number;
  name: string;
  kind: PricePointKind;
  amount: number;
  recurring_period: string | null;
  installments: number | null;
  recurrence_locked: number;
}
export interface TransactionRow {
  id: number;
  account_id: number;
  lead_id: number;
  type: TransactionType;
  product_id: number;
  price_point_id: number;
  subscription_id: number | null;
  parent_id: number | null;
  date: number;
  base_amount: number;
  discount: number;
  shipping: number;
  tax: number;
  full_amount: number;
  quantity: number;
  affiliate: string | null;
  jv: string | null;
  last4: string;
  is_test: number;
  refunded_amount: number;
  refund_fails: number;
}
export interface SubscriptionRow {
  id: number;
  account_id: number;
  lead_id: number;
  product_id: number;
  price_point_id: number;
  gateway: 'stripe' | 'paypal';
  gateway_subscription_id: string;
  status: SubscriptionStatus;
  start_date: number;
  end_date: number | null;
  current_installment: number;
  /** null = until cancelled */
  installments_left: number | null;
  recurring_period: string;
  recurring_period_2: string | null;
  next_payment_date: number | null;
  amount: number;
  quantity: number;
  tax_percent: number;
  affiliate: string | null;
  jv: string | null;
  cancel_fails: number;
}

type Insert<T> = Omit<T, 'id'>;
type SqlValue = string | number | null;

function insertSql(table: string, values: object): [string, SqlValue[]] {
  const names = Object.keys(values);
  return [
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    names.map((n) => (values as Record<string, SqlValue>)[n] ?? null),
  ];
}

export class PaymentStore {
  constructor(private readonly db: Db) {}

  insertProduct(p: ProductRow): void {
    const [sql, params] = insertSql('products', p);
    this.db.run(sql, ...params);
  }
  insertPricePoint(p: PricePointRow): void {
    const [sql, params] = insertSql('price_points', p);
    this.db.run(sql, ...params);
  }
  product(accountId: number, id: number): ProductRow | undefined {
    return this.db.get('SELECT * FROM products WHERE account_id = ? AND id = ?', accountId, id);
  }
  pricePoint(productId: number, id: number): PricePointRow | undefined {
    return this.db.get('SELECT * FROM price_points WHERE product_id = ? AND id = ?', productId, id);
  }
  pricePointById(id: number): PricePointRow | undefined {
    return this.db.get('SELECT * FROM price_points WHERE id = ?', id);
  }
  productById(id: number): ProductRow | undefined {
    return this.db.get('SELECT * FROM products WHERE id = ?', id);
  }

  insertTransaction(t: Insert<TransactionRow>): number {
    const [sql, params] = insertSql('transactions', t);
    return this.db.run(sql, ...params).id;
  }
  transaction(accountId: number, id: number): TransactionRow | undefined {
    return this.db.get('SELECT * FROM transactions WHERE account_id = ? AND id = ?', accountId, id);
  }
  transactionsOfLead(leadId: number): TransactionRow[] {
    return this.db.all('SELECT * FROM transactions WHERE lead_id = ? ORDER BY id', leadId);
  }
  transactions(accountId: number): TransactionRow[] {
    return this.db.all('SELECT * FROM transactions WHERE account_id = ? ORDER BY id', accountId);
  }
  addRefunded(id: number, amount: number): void {
    this.db.run('UPDATE transactions SET refunded_amount = ROUND(refunded_amount + ?, 2) WHERE id = ?', amount, id);
  }

  insertSubscription(s: Insert<SubscriptionRow>): number {
    const [sql, params] = insertSql('subscriptions', s);
    return this.db.run(sql, ...params).id;
  }
  subscription(accountId: number, id: number): SubscriptionRow | undefined {
    return this.db.get('SELECT * FROM subscriptions WHERE account_id = ? AND id = ?', accountId, id);
  }
  subscriptionsOfLead(leadId: number): SubscriptionRow[] {
    return this.db.all('SELECT * FROM subscriptions WHERE lead_id = ? ORDER BY id', leadId);
  }
  subscriptionByGatewayId(accountId: number, gatewayId: string): SubscriptionRow | undefined {
    return this.db.get('SELECT * FROM subscriptions WHERE account_id = ? AND gateway_subscription_id = ?', accountId, gatewayId);
  }
  subscriptions(accountId: number): SubscriptionRow[] {
    return this.db.all('SELECT * FROM subscriptions WHERE account_id = ? ORDER BY id', accountId);
  }
  updateSubscription(id: number, values: Partial<Insert<SubscriptionRow>>): void {
    const names = Object.keys(values).filter((k) => (values as Record<string, unknown>)[k] !== undefined);
    if (names.length === 0) return;
    const params = names.map((n) => (values as Record<string, SqlValue>)[n] ?? null);
    this.db.run(`UPDATE subscriptions SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`, ...params, id);
  }
}
