// Contract slice: leads — find, profile, create, edit, actions, local search and email checks.
import { z } from 'zod';
import { LeadAction } from '../../domain/actions';
import { HistorySource } from '../../domain/history';
import { Lead, LeadRef } from '../../domain/lead';
import { CreateLeadInput, EditLeadChanges } from '../../domain/lead-input';
import { LeadProfile, LeadRow } from '../../domain/lead-views';
import { CacheRefreshState } from '../../domain/local-leads';
import { OutboxItemView } from '../../domain/outbox';
import { boundedRecord, MAX_EMAIL, MAX_LEAD_ID } from '../../domain/bounded';
import { PaymentWrite } from '../../domain/payment-writes';

/** The answer to a write: the queued changes (done when Kartra confirmed them in time) and the lead. */
export const WriteReceipt = z.object({
  changes: z.array(OutboxItemView),
  /** True when every change was confirmed before the command returned. */
  confirmed: z.boolean(),
  lead: Lead.nullable(),
});
export type WriteReceipt = z.infer<typeof WriteReceipt>;

/** Where a write comes from, for History ('edit' unless the caller says: 'table', 'cli', …). */
const source = HistorySource.default('edit');

export const leadCommands = {
  /** Find one lead on Kartra by email or numeric id. */
  'leads.find': {
    input: z.object({ query: z.string().trim().min(1, 'type an email or a lead id').max(320) }).strict(),
    output: Lead,
  },
  /**
   * Queue one or more actions on a lead (durably, in the outbox) and wait briefly for Kartra to confirm
   * them. `lead` is the lead as Kartra has it when everything was confirmed, else the last known copy.
   */
  'leads.applyActions': {
    input: z.object({ lead: LeadRef, actions: z.array(LeadAction).min(1).max(50), source }).strict(),
    output: WriteReceipt,
  },
  /** Refund a transaction or cancel a subscription of this lead: queued durably, never re-sent after an unknown outcome. */
  'leads.payment': { input: z.object({ lead: LeadRef, payment: PaymentWrite }).strict(), output: WriteReceipt },
  /** Instant search over every lead the app has seen (local cache); an empty query lists them all. */
  'leads.search': {
    input: z
      .object({
        query: z.string().max(200).default(''),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(500).default(100),
        /** The previous page's nextCursor: the page after it, found by key (fast at any depth); offset must then be 0. */
        cursor: z.string().max(600).optional(),
      })
      .strict()
      .refine((v) => v.cursor === undefined || v.offset === 0, { message: 'give either a cursor or an offset, not both', path: ['offset'] }),
    output: z.object({
      rows: z.array(LeadRow),
      total: z.number(),
      tookMs: z.number(),
      newestSeenAt: z.number().nullable(),
      /** Pass as `cursor` for the next page; null on the last page (optional so offset-only fakes still fit). */
      nextCursor: z.string().nullable().optional(),
    }),
  },
  /** The full profile: Kartra's lead, its transactions and subscriptions, and its queued changes. Offline: the cached copy. */
  'leads.profile': { input: z.object({ id: z.string().max(MAX_LEAD_ID).regex(/^\d+$/, 'lead id must be digits') }).strict(), output: LeadProfile },
  'leads.create': {
    input: z.object({ lead: CreateLeadInput, actions: z.array(LeadAction).max(50).default([]), source }).strict(),
    output: WriteReceipt,
  },
  /** Edit fields (and new_email). `seen` holds the values the user saw, so a later conflict can be detected. */
  'leads.edit': {
    input: z
      .object({
        lead: LeadRef,
        changes: EditLeadChanges,
        /** The values the user saw, per field: one entry per lead field or custom field at most. */
        seen: boundedRecord(z.string().max(100), z.string().max(2000), 500).default({}),
        actions: z.array(LeadAction).max(50).default([]),
        source,
      })
      .strict(),
    output: WriteReceipt,
  },
  /** Read every lead that came from a file from Kartra (one get_lead each, bulk lane) in the background; progress as `leads.refresh`. */
  'leads.refreshFromKartra': { input: z.object({}).strict(), output: CacheRefreshState },
  'leads.refreshState': { input: z.object({}).strict(), output: CacheRefreshState },
  /** Is this email free for a new lead or a new_email? Checks Kartra (including deleted leads). */
  'leads.checkEmail': {
    input: z
      .object({
        email: z.string().trim().max(MAX_EMAIL).email('not a valid email address'),
        exceptLeadId: z.string().max(MAX_LEAD_ID).regex(/^\d+$/, 'lead id must be digits').optional(),
      })
      .strict(),
    output: z.object({ available: z.boolean(), reason: z.string().nullable(), leadId: z.string().nullable() }),
  },
} as const;
