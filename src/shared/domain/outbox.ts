// Queued lead changes (the durable outbox) as the UI sees them.
import { z } from 'zod';
import { AppErrorData } from '../ipc/envelope';
import { LeadAction } from './actions';
import { CreateLeadInput, EditLeadChanges } from './lead-input';

export const OUTBOX_STATUSES = ['pending', 'in_flight', 'done', 'failed', 'conflict'] as const;
export const OutboxStatus = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** What one queued change does: create a lead, edit its fields (incl. new_email), or one action. */
export const OutboxChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('create'), lead: CreateLeadInput }),
  z.object({ kind: z.literal('edit'), changes: EditLeadChanges }),
  z.object({ kind: z.literal('action'), action: LeadAction }),
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
  madeOffline: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type OutboxItemView = z.infer<typeof OutboxItemView>;

export const OutboxCounts = z.object({
  pending: z.number(),
  inFlight: z.number(),
  failed: z.number(),
  conflict: z.number(),
});

export const OutboxState = z.object({
  accountId: z.string().nullable(),
  online: z.boolean(),
  counts: OutboxCounts,
  /** When the dispatcher will next probe Kartra while offline (ms since epoch). */
  nextProbeAt: z.number().nullable(),
});
export type OutboxState = z.infer<typeof OutboxState>;
