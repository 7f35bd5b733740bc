// Money writes from the profile's payments list: refund a transaction (all or part) and cancel a recurring
// subscription. Queued like every write, but never re-sent on their own after an unknown outcome (a second
// refund cannot be taken back): such an outcome becomes "needs your check".
import { z } from 'zod';

const Id = z.string().max(20).regex(/^\d{1,20}$/, 'must be a Kartra id (digits)');
/** What the user confirmed, kept with the write so the outbox and History name it the same way. */
const Shown = { product: z.string().trim().min(1).max(200), amount: z.string().trim().max(40) };

export const PaymentWrite = z.discriminatedUnion('cmd', [
  z
    .object({
      cmd: z.literal('refund_transaction'),
      transaction_id: Id,
      /** Absent: Kartra refunds the full amount. In the currency of the original transaction. */
      refund_amount: z.number().positive('a refund must be more than 0').max(1_000_000).multipleOf(0.01, 'at most two decimals').optional(),
      ...Shown,
    })
    .strict(),
  z.object({ cmd: z.literal('cancel_transaction'), transaction_internal_subscription_id: Id, ...Shown }).strict(),
]);
export type PaymentWrite = z.infer<typeof PaymentWrite>;

/** One line for people: "Refund 19.95 of Pro Course (transaction 738474)". */
export function describePayment(p: PaymentWrite): string {
  if (p.cmd === 'refund_transaction') {
    const amount = p.refund_amount !== undefined ? p.refund_amount.toFixed(2) : p.amount ? `${p.amount} (in full)` : 'the full amount';
    return `Refund ${amount} of ${p.product} (transaction ${p.transaction_id})`;
  }
  return `Cancel subscription ${p.transaction_internal_subscription_id} to ${p.product}${p.amount ? ` (${p.amount} per payment)` : ''}`;
}
