// Read models of leads for the UI: search rows of the local cache, and the full profile with payments.
import { z } from 'zod';
import { Lead } from './lead';
import { OutboxItemView } from './outbox';

/**
 * Counting matches stops here: "2,000+ matches" tells the user to refine as well as the exact number
 * would, and keeps every keystroke within the 15 ms goal on 100,000 cached leads.
 */
export const SEARCH_COUNT_CAP = 2_000;

/** One row of the leads table: what local search knows of a lead the app has seen. */
export const LeadRow = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  company: z.string(),
  country: z.string(),
  tags: z.array(z.string()),
  score: z.number(),
  seenAt: z.number(),
  /** Where the cached copy came from: absent or 'kartra' = read from Kartra; 'file' = a lead file, not read since; 'missing' = Kartra did not know it. */
  origin: z.enum(['kartra', 'file', 'missing']).optional(),
});
export type LeadRow = z.infer<typeof LeadRow>;

export const Transaction = z.object({
  transaction_id: z.string(),
  transaction_type: z.string(),
  details: z.record(z.string(), z.string()).nullable(),
});
export const Subscription = z.object({
  subscription_id: z.string(),
  subscription_status: z.string(),
  details: z.record(z.string(), z.string()).nullable(),
});

export const LeadProfile = z.object({
  lead: Lead,
  /** True when Kartra could not be reached and this is the last copy the app saw. */
  fromCache: z.boolean(),
  seenAt: z.number(),
  transactions: z.array(Transaction).nullable(),
  subscriptions: z.array(Subscription).nullable(),
  /** Changes queued for this lead that Kartra has not confirmed yet (or that need the user). */
  pending: z.array(OutboxItemView),
});
export type LeadProfile = z.infer<typeof LeadProfile>;
