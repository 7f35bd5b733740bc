// Leads cached from a file (no API call) and their refresh from Kartra: the shapes the UI and the core share.
import { z } from 'zod';
import { LEAD_TEXT_FIELDS, type Lead, type LeadTextField } from './lead';

/** What "Add to my local leads" did with a file. */
export const LocalLeadsResult = z.object({
  added: z.number(),
  /** Cached copies the file replaced (older than the file). */
  updated: z.number(),
  /** Cached copies kept because they are newer than the file. */
  kept: z.number(),
  /** Rows without a valid email, or repeating an email earlier in the file. */
  skipped: z.number(),
  /** The date the leads are cached as of (ms since 1970). */
  asOf: z.number(),
});
export type LocalLeadsResult = z.infer<typeof LocalLeadsResult>;

/** "Refresh from Kartra": one get_lead per lead from a file, on the bulk lane. */
export const CacheRefreshState = z.object({
  status: z.enum(['idle', 'running', 'done', 'stopped']),
  total: z.number(),
  done: z.number(),
  /** Read from Kartra: the cached copy was replaced. */
  found: z.number(),
  /** Kartra has no such lead (or it is deleted): kept and marked. */
  missing: z.number(),
  failed: z.number(),
  etaSec: z.number().nullable(),
  /** Leads of the account still known only from a file. */
  fromFile: z.number(),
  error: z.string().nullable(),
});
export type CacheRefreshState = z.infer<typeof CacheRefreshState>;

/** A lead with nothing known but its key and address: what a file row or an export line is filled into. */
export function blankLead(id: string, email: string): Lead {
  const text = Object.fromEntries(LEAD_TEXT_FIELDS.map((f) => [f, ''])) as Record<LeadTextField, string>;
  return {
    ...text, id, email, ip_country: '', date_joined: '', score: 0, source: '', notes: '', blacklisted: 0,
    gdpr_lead_status: '', gdpr_lead_status_date: '', gdpr_lead_communications: '',
    tags: [], lists: [], sequences: [], memberships: [], custom_fields: [], calendars: null,
  };
}
