// Payment commands: transactions and recurring subscriptions (kartra-api.md §12). Money writes are never re-sent after an uncertain failure.
import { z } from 'zod';
import { LeadRef } from '../../../shared/domain/lead';
import type { Lane } from '../../../shared/domain/limiter';
import type { KartraCaller } from './caller';
import { badResponse, expectSuccess, findData, isRecord, type ActionEntry } from './decode';
import { KartraApiError } from './errors';
import { Amount, KartraId, parseInput } from './input';
import { leadBlock } from './lead-input';
import type { PhpObject } from './php-encode';
import { isUncertain, resendOnce, UncertainWriteError } from './uncertain-write-error';
import { items, text } from './wire-lead';

export interface TransactionSummary {
  transaction_id: string;
  lead_id: string;
  lead_email: string;
  /** sale, refund, failed, rebill, cancellation, chargeback or partial_refund. */
  transaction_type: string;
}

export interface SubscriptionSummary {
  subscription_id: string;
  lead_id: string;
  lead_email: string;
  /** Active, Paused, Cancelled or Terminated. */
  subscription_status: string;
}

/** Kartra's detail objects with every scalar as text (amounts keep Kartra's own formatting, "N/A" stays "N/A"). */
export type KartraDetails = Record<string, string>;

const SUBSCRIPTION_PERIODS = ['monthly', 'every 2 months', 'quarterly', 'yearly', 'every 2 years', 'weekly', 'every 2 weeks'] as const;

const DATA_KEYS: Record<string, string> = {
  get_transaction_details: 'transaction_details',
  get_subscription_details: 'subscription_details',
  retrieve_transactions_from_lead: 'transaction_list',
  retrieve_subscriptions_from_lead: 'subscriptions_list',
};

interface Answer {
  entry: ActionEntry;
  /** A data key of the answer, from the command's own entry or the top level. */
  get(key: string): unknown;
}

async function send(caller: KartraCaller, lane: Lane, mode: 'read' | 'write', action: PhpObject, lead?: PhpObject): Promise<Answer> {
  const cmd = String(action.cmd);
  const decoded = await caller.call(lead ? { lead, actions: [action] } : { actions: [action] }, { lane, mode });
  const entry = expectSuccess(decoded, cmd, DATA_KEYS[cmd]);
  return { entry, get: (key) => (entry.data[key] !== undefined ? entry.data[key] : findData(decoded, cmd, key)) };
}

function details(value: unknown, what: string): KartraDetails {
  const obj = Array.isArray(value) ? value[0] : value;
  if (!isRecord(obj)) throw badResponse(`Kartra's answer carried no ${what}`);
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, isRecord(v) || Array.isArray(v) ? JSON.stringify(v) : text(v)]));
}

/** A read that answers "does not exist" with a Kartra error: false instead of a throw. */
async function exists(run: () => Promise<unknown>, missingType: string): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (error instanceof KartraApiError && error.type === missingType) return false;
    throw error;
  }
}

export async function searchTransaction(caller: KartraCaller, lane: Lane, transactionId: unknown): Promise<boolean> {
  const id = parseInput(KartraId, transactionId, 'transaction id');
  return exists(() => send(caller, lane, 'read', { cmd: 'search_transaction', transaction_id: id }), '247');
}

export async function getTransactionDetails(caller: KartraCaller, lane: Lane, transactionId: unknown): Promise<KartraDetails> {
  const id = parseInput(KartraId, transactionId, 'transaction id');
  const answer = await send(caller, lane, 'read', { cmd: 'get_transaction_details', transaction_id: id });
  return details(answer.get('transaction_details'), 'transaction_details');
}

export async function searchSubscription(caller: KartraCaller, lane: Lane, subscriptionId: unknown): Promise<boolean> {
  const id = parseInput(KartraId, subscriptionId, 'subscription id');
  return exists(() => send(caller, lane, 'read', { cmd: 'search_subscription', subscription_id: id }), '248');
}

export async function getSubscriptionDetails(caller: KartraCaller, lane: Lane, subscriptionId: unknown): Promise<KartraDetails> {
  const id = parseInput(KartraId, subscriptionId, 'subscription id');
  const answer = await send(caller, lane, 'read', { cmd: 'get_subscription_details', subscription_id: id });
  return details(answer.get('subscription_details'), 'subscription_details');
}

export async function retrieveTransactionsFromLead(caller: KartraCaller, lane: Lane, refIn: unknown): Promise<TransactionSummary[]> {
  const ref = parseInput(LeadRef, refIn, 'lead reference');
  const answer = await send(caller, lane, 'read', { cmd: 'retrieve_transactions_from_lead' }, leadBlock(ref, undefined));
  return items(answer.get('transaction_list')).flatMap((t) =>
    isRecord(t) ? [{ transaction_id: text(t.transaction_id), lead_id: text(t.lead_id), lead_email: text(t.lead_email), transaction_type: text(t.transaction_type) }] : [],
  );
}

export async function retrieveSubscriptionsFromLead(caller: KartraCaller, lane: Lane, refIn: unknown): Promise<SubscriptionSummary[]> {
  const ref = parseInput(LeadRef, refIn, 'lead reference');
  const answer = await send(caller, lane, 'read', { cmd: 'retrieve_subscriptions_from_lead' }, leadBlock(ref, undefined));
  return items(answer.get('subscriptions_list') ?? answer.get('subscription_list')).flatMap((s) =>
    isRecord(s)
      ? [{ subscription_id: text(s.subscription_id), lead_id: text(s.lead_id), lead_email: text(s.lead_email), subscription_status: text(s.subscription_status) }]
      : [],
  );
}

/** A money write whose answer was lost is reported, never re-sent: a second refund or cancellation cannot be undone. */
async function moneyWrite(caller: KartraCaller, lane: Lane, action: PhpObject, what: string): Promise<Answer> {
  try {
    return await send(caller, lane, 'write', action);
  } catch (error) {
    if (isUncertain(error)) throw new UncertainWriteError(what, 'payment changes are never sent twice automatically', [{ part: String(action.cmd), verdict: 'unknown' }], error);
    throw error;
  }
}

export const RefundInput = z.object({ transaction_id: KartraId, refund_amount: Amount.optional() }).strict();

/** refund_transaction; without refund_amount Kartra refunds the full amount. */
export async function refundTransaction(caller: KartraCaller, lane: Lane, input: unknown): Promise<{ transactionRefunded: string }> {
  const data = parseInput(RefundInput, input, 'refund');
  const answer = await moneyWrite(caller, lane, { cmd: 'refund_transaction', ...data }, `refund_transaction for transaction ${data.transaction_id}`);
  return { transactionRefunded: text(answer.get('transaction_refunded')) };
}

export const CancelTransactionInput = z.union([
  z.object({ transaction_id: KartraId }).strict(),
  z.object({ transaction_internal_subscription_id: KartraId }).strict(),
]);

/** cancel_transaction: cancels the recurring subscription behind a transaction (by order id or internal subscription id). */
export async function cancelTransaction(
  caller: KartraCaller,
  lane: Lane,
  input: unknown,
): Promise<{ transactionSubscriptionId: string; transactionInternalSubscriptionId: string }> {
  const data = parseInput(CancelTransactionInput, input, 'cancellation');
  const label = 'transaction_id' in data ? `transaction ${data.transaction_id}` : `subscription ${data.transaction_internal_subscription_id}`;
  const answer = await moneyWrite(caller, lane, { cmd: 'cancel_transaction', ...data }, `cancel_transaction for ${label}`);
  return {
    transactionSubscriptionId: text(answer.get('transaction_subscription_id')),
    transactionInternalSubscriptionId: text(answer.get('transaction_internal_subscription_id')),
  };
}

export const SubscriptionStatusChange = z.enum(['cancel', 'pause', 'unpause']);
const STATUS_AFTER: Record<z.infer<typeof SubscriptionStatusChange>, string> = { cancel: 'cancelled', pause: 'paused', unpause: 'active' };

/** modify_subscription_status; an uncertain send is settled by reading subscription_status back. */
export async function modifySubscriptionStatus(caller: KartraCaller, lane: Lane, subscriptionId: unknown, change: unknown): Promise<{ message: string }> {
  const id = parseInput(KartraId, subscriptionId, 'subscription id');
  const modification = parseInput(SubscriptionStatusChange, change, 'status change');
  const action = { cmd: 'modify_subscription_status', subscription_id: id, subscription_status_modification: modification };
  const what = `modify_subscription_status ${modification} for subscription ${id}`;
  const run = async () => ({ message: (await send(caller, lane, 'write', action)).entry.message || 'Subscription modified' });
  try {
    return await run();
  } catch (error) {
    if (!isUncertain(error)) throw error;
    const status = await getSubscriptionDetails(caller, lane, id).then(
      (d) => (d.subscription_status ?? '').trim().toLowerCase(),
      (readError: unknown) => {
        throw new UncertainWriteError(what, 'reading the subscription back to check failed too', [], readError);
      },
    );
    if (status === STATUS_AFTER[modification]) return { message: 'Subscription modified (confirmed by reading the subscription)' };
    return resendOnce(run, what);
  }
}

export const EditSubscriptionInput = z
  .object({
    subscription_id: KartraId,
    subscription_product_id: KartraId.optional(),
    subscription_price_point: KartraId.optional(),
    subscription_next_payment_date: z.string().trim().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/, 'must look like 2021-01-18 05:46 (Eastern time)').optional(),
    subscription_amount: Amount.optional(),
    subscription_recurrence: z
      .object({ recurring_period_1: z.enum(SUBSCRIPTION_PERIODS).optional(), recurring_period_2: z.enum(['yearly', 'every 2 years']).optional() })
      .strict()
      .optional(),
    subscription_product_quantity: z.number().int().min(1).max(9999).optional(),
    subscription_installments_left: z.union([z.number().int().min(0), z.literal('until cancelled')]).optional(),
    subscription_tax_percent: z.number().min(0).max(100).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const { subscription_id: _id, ...changes } = value;
    if (Object.values(changes).every((v) => v === undefined)) ctx.addIssue({ code: 'custom', message: 'give at least one thing to change' });
    if ((value.subscription_product_id === undefined) !== (value.subscription_price_point === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['subscription_price_point'], message: 'changing the product needs both the product id and the price point' });
    }
  });
export type EditSubscriptionInput = z.input<typeof EditSubscriptionInput>;

export async function editSubscription(caller: KartraCaller, lane: Lane, input: unknown): Promise<{ message: string }> {
  const data = parseInput(EditSubscriptionInput, input, 'subscription change');
  const answer = await moneyWrite(caller, lane, { cmd: 'edit_subscription', ...data }, `edit_subscription for subscription ${data.subscription_id}`);
  return { message: answer.entry.message || 'Subscription modified' };
}
