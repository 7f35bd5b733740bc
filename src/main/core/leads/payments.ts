// A lead's transactions and subscriptions (read-only), with the details of the most recent few.
import type { LeadRef } from '../../../shared/domain/lead';
import type { LeadProfile } from '../../../shared/domain/lead-views';
import type { KartraClient } from '../kartra/client';
import { KartraApiError } from '../kartra/errors';

/** Details cost one call each: enough for a profile, without flooding the limiter for a big customer. */
const DETAILS_LIMIT = 5;

type Payments = Pick<LeadProfile, 'transactions' | 'subscriptions'>;

export async function loadPayments(client: KartraClient, ref: LeadRef): Promise<Payments> {
  const options = { lane: 'interactive' as const };
  const [transactions, subscriptions] = await Promise.all([
    orNull(client.retrieveTransactionsFromLead(ref, options)),
    orNull(client.retrieveSubscriptionsFromLead(ref, options)),
  ]);
  return {
    transactions: transactions
      ? await Promise.all(
          transactions.map(async (t, i) => ({
            transaction_id: t.transaction_id,
            transaction_type: t.transaction_type,
            details: i < DETAILS_LIMIT ? await orNull(client.getTransactionDetails(t.transaction_id, options)) : null,
          })),
        )
      : null,
    subscriptions: subscriptions
      ? await Promise.all(
          subscriptions.map(async (s, i) => ({
            subscription_id: s.subscription_id,
            subscription_status: s.subscription_status,
            details: i < DETAILS_LIMIT ? await orNull(client.getSubscriptionDetails(s.subscription_id, options)) : null,
          })),
        )
      : null,
  };
}

/** An App without payment permissions (262) or a missing record still shows the rest of the profile. */
async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof KartraApiError) return null;
    throw error;
  }
}
