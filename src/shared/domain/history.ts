// History: every write the app sent (or tried to send) to Kartra, whatever its source, as the UI and CLI see it.
import { z } from 'zod';
import { LeadAction } from './actions';

/** Where a write came from. `replay` marks a change made offline and sent when Kartra was back. */
export const HISTORY_SOURCES = ['edit', 'table', 'import', 'recipe', 'bulk', 'cli', 'replay', 'undo'] as const;
export const HistorySource = z.enum(HISTORY_SOURCES);
export type HistorySource = z.infer<typeof HistorySource>;

/**
 * How one action ended. `unknown` is never shown as done: it is being verified by reading the lead, or it became
 * `needs_check` when reading cannot tell.
 */
export const ACTION_OUTCOMES = ['pending', 'done', 'failed', 'unknown', 'needs_check', 'skipped'] as const;
export const ActionOutcome = z.enum(ACTION_OUTCOMES);
export type ActionOutcome = z.infer<typeof ActionOutcome>;

export const HistoryAction = z.object({
  /** Kartra's cmd ("assign_tag", "edit_lead", "refund_transaction", …). */
  cmd: z.string(),
  /** One line for people: "Assign tag VIP", "Give 10 points". */
  summary: z.string(),
  outcome: ActionOutcome,
  /** Kartra's numeric `type` when Kartra answered with a code. */
  kartraType: z.string().nullable(),
  /** Kartra's message or the app's explanation ("verified by reading the lead"). */
  message: z.string().nullable(),
  /** The lead action as sent (tag, list, sequence, points …): what undo inverts. Absent for edits and older entries. */
  action: LeadAction.optional(),
});
export type HistoryAction = z.infer<typeof HistoryAction>;

export const HistoryFieldChange = z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export type HistoryFieldChange = z.infer<typeof HistoryFieldChange>;

export const HistoryEntry = z.object({
  id: z.number(),
  accountId: z.string(),
  leadId: z.string().nullable(),
  leadEmail: z.string().nullable(),
  /** When the write was queued, and when its outcome was last settled (ms since epoch). */
  at: z.number(),
  settledAt: z.number().nullable(),
  source: HistorySource,
  /** The import or recipe run it belongs to, if any. */
  jobId: z.string().nullable(),
  /** One line for people: "Edit first name, city · Assign tag VIP". */
  summary: z.string(),
  actions: z.array(HistoryAction),
  fields: z.array(HistoryFieldChange),
  /** Whether the entry can be undone (an inverse exists in Kartra), and why not when it cannot. */
  undo: z.object({ possible: z.boolean(), reason: z.string().nullable() }).default({ possible: false, reason: null }),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const HistoryFilter = z
  .object({
    leadId: z.string().max(20).regex(/^\d{1,20}$/, 'lead id must be digits').optional(),
    email: z.string().trim().max(320).optional(),
    sources: z.array(HistorySource).max(HISTORY_SOURCES.length).default([]),
    outcomes: z.array(ActionOutcome).max(ACTION_OUTCOMES.length).default([]),
    /** ms since epoch, inclusive. */
    since: z.number().int().nonnegative().optional(),
    until: z.number().int().nonnegative().optional(),
    /** Another account of this installation; the current one when absent, every account with 'all'. */
    accountId: z.string().trim().min(1).max(100).optional(),
    jobId: z.string().max(64).regex(/^[A-Za-z0-9-]{8,64}$/).optional(),
    /** Keyset paging: entries older than this id. */
    beforeId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type HistoryFilter = z.input<typeof HistoryFilter>;
