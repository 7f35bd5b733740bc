// Queued lead changes (the durable outbox) as the UI sees them.
import { z } from 'zod';
import { AppErrorData } from '../ipc/envelope';
import { LeadAction } from './actions';
import { CreateLeadInput, EditLeadChanges } from './lead-input';
import { PaymentWrite } from './payment-writes';

/**
 * `needs_check`: Kartra's answer did not say whether the change was applied and reading the lead back cannot
 * tell (a calendar booking; points while the score also moved for another reason). It is never re-sent on its
 * own: the user decides with "Send again" or "It's fine" (outbox.settleCheck).
 */
export const OUTBOX_STATUSES = ['pending', 'in_flight', 'done', 'failed', 'conflict', 'needs_check'] as const;
export const OutboxStatus = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** What one queued change does: create a lead, edit its fields (incl. new_email), one action, or a money write. */
export const OutboxChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('create'), lead: CreateLeadInput }),
  z.object({ kind: z.literal('edit'), changes: EditLeadChanges }),
  z.object({ kind: z.literal('action'), action: LeadAction }),
  z.object({ kind: z.literal('payment'), payment: PaymentWrite }),
]);
export type OutboxChange = z.infer<typeof OutboxChange>;

/** A field whose value on Kartra changed since the user saw it, while their edit waited. */
export const ConflictField = z.object({
  field: z.string(),
  /** The value the user saw before editing. */
  seen: z.string(),
  /** The value the user wants. */
  mine: z.string(),
  /** Kartra's value now. */
  theirs: z.string(),
});
export type ConflictField = z.infer<typeof ConflictField>;

export const OutboxItemView = z.object({
  id: z.number(),
  accountId: z.string(),
  /** Kartra's lead id once known (a queued create has none until it is confirmed). */
  leadId: z.string().nullable(),
  leadEmail: z.string(),
  change: OutboxChange,
  /** One line for people: "Assign tag VIP", "Edit first name, city". */
  summary: z.string(),
  status: OutboxStatus,
  attempts: z.number(),
  error: AppErrorData.nullable(),
  conflict: z.array(ConflictField).nullable(),
  /** For needs_check: what was sent and what Kartra shows now, in words, so the user can decide. */
  check: z.object({ sent: z.string(), kartraShows: z.string() }).nullable().optional(),
  madeOffline: z.boolean(),
  /** The History entry the change belongs to (a toast's Undo undoes it). */
  historyId: z.number().nullable().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type OutboxItemView = z.infer<typeof OutboxItemView>;

export const OutboxCounts = z.object({
  pending: z.number(),
  inFlight: z.number(),
  failed: z.number(),
  conflict: z.number(),
  needsCheck: z.number().optional(),
});

export const OutboxState = z.object({
  accountId: z.string().nullable(),
  online: z.boolean(),
  counts: OutboxCounts,
  /** When the dispatcher will next probe Kartra while offline (ms since epoch). */
  nextProbeAt: z.number().nullable(),
});
export type OutboxState = z.infer<typeof OutboxState>;
