// Sends one queued money write (refund, subscription cancel) and classifies how it ended. Unlike lead
// actions, an unknown outcome is never verified into a re-send: a second refund cannot be taken back, so the
// write becomes "needs your check", showing what Kartra shows now where a read can tell.
import type { Lane } from '../../../shared/domain/limiter';
import { describePayment, type PaymentWrite } from '../../../shared/domain/payment-writes';
import { isNotSent } from '../connection/connectivity';
import { KartraApiError, RateLimitedError } from '../kartra/errors';
import type { KartraClient } from '../kartra/client';

export type PaymentOutcome =
  | { kind: 'done'; message: string }
  | { kind: 'failed'; error: KartraApiError }
  | { kind: 'not_sent'; error: unknown }
  | { kind: 'rate_limited' }
  | { kind: 'unknown'; error: unknown };

export async function sendPayment(client: KartraClient, lane: Lane, payment: PaymentWrite): Promise<PaymentOutcome> {
  try {
    if (payment.cmd === 'refund_transaction') {
      const { transactionRefunded } = await client.refundTransaction(payment.transaction_id, payment.refund_amount, { lane });
      return { kind: 'done', message: `Refunded (Kartra transaction ${transactionRefunded})` };
    }
    await client.cancelTransaction({ transaction_internal_subscription_id: payment.transaction_internal_subscription_id }, { lane });
    return { kind: 'done', message: 'Subscription cancelled' };
  } catch (error) {
    if (error instanceof KartraApiError) return { kind: 'failed', error };
    if (error instanceof RateLimitedError) return { kind: 'rate_limited' };
    if (isNotSent(error)) return { kind: 'not_sent', error };
    // A lost answer after sending (the client reports it as an UncertainWriteError), or anything unexpected.
    return { kind: 'unknown', error };
  }
}

/** What to show for a money write whose outcome is unknown: what was sent, and what a read of Kartra shows. */
export async function paymentCheck(client: KartraClient, lane: Lane, payment: PaymentWrite): Promise<{ sent: string; kartraShows: string }> {
  const sent = `${describePayment(payment)} was sent, and Kartra's answer did not say whether it was applied. Payment changes are never sent twice on their own.`;
  try {
    if (payment.cmd === 'cancel_transaction') {
      const details = await client.getSubscriptionDetails(payment.transaction_internal_subscription_id, { lane });
      return { sent, kartraShows: `Subscription ${payment.transaction_internal_subscription_id} is ${details.subscription_status ?? 'in an unknown state'} in Kartra.` };
    }
    const details = await client.getTransactionDetails(payment.transaction_id, { lane });
    const type = details.transaction_type ? ` (${details.transaction_type})` : '';
    return { sent, kartraShows: `Transaction ${payment.transaction_id}${type} is still there; Kartra's API does not say whether a refund of it was made — look at the lead's transactions in Kartra.` };
  } catch {
    return { sent, kartraShows: 'Kartra could not be read just now; look at the lead’s payments in Kartra.' };
  }
}
