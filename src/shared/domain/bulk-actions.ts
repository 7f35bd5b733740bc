// Bulk actions on a selection or a whole view (tag/untag, list and sequence subscribe/unsubscribe, points, set a
// field), their preview, undo of History entries, and export of leads to CSV or .xlsx.
import { z } from 'zod';
import { LeadAction } from './actions';
import { LEAD_TEXT_FIELDS } from './lead';
import { ColumnKey, LeadSelection } from './lead-filter';

/** The actions a bulk run may send: every lead action Kartra can also undo or that is plain (calendars excluded). */
export const BULK_CMDS = [
  'assign_tag',
  'unassign_tag',
  'subscribe_lead_to_list',
  'unsubscribe_lead_from_list',
  'subscribe_lead_to_sequence_at_step',
  'unsubscribe_lead_from_sequence',
  'give_points_to_lead',
  'remove_points_from_lead',
] as const satisfies readonly LeadAction['cmd'][];

/** A profile text field by name, or a custom field as `custom:<identifier>`. */
export const BulkField = z.union([
  z.enum(LEAD_TEXT_FIELDS),
  z.string().max(107).regex(/^custom:[A-Za-z0-9_-]{1,100}$/, 'not a field'),
]);
export type BulkField = z.infer<typeof BulkField>;

export const BulkAction = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('action'), action: LeadAction })
    .strict()
    .refine((a) => (BULK_CMDS as readonly string[]).includes(a.action.cmd), { message: 'calendar bookings cannot be sent in bulk', path: ['action'] }),
  z.object({ kind: z.literal('field'), field: BulkField, value: z.string().max(2000, 'is longer than 2000 characters') }).strict(),
]);
export type BulkAction = z.infer<typeof BulkAction>;

export const BulkInput = z.object({ selection: LeadSelection, action: BulkAction }).strict();

/** What one lead of the preview gets. */
export const BulkLeadPreview = z.object({
  leadId: z.string(),
  email: z.string(),
  name: z.string(),
  /** False: the cache shows the lead already as asked (it is skipped, nothing is sent). */
  changes: z.boolean(),
  /** "Adds tag VIP", "Already has tag VIP: skipped", "Company: Acme → Globex". */
  what: z.string(),
});
export type BulkLeadPreview = z.infer<typeof BulkLeadPreview>;

export const BulkPreview = z.object({
  /** "Subscribe to list Newsletter". */
  summary: z.string(),
  total: z.number(),
  changes: z.number(),
  skipped: z.number(),
  /** Calls to Kartra: one per changed lead. */
  calls: z.number(),
  /** Requests per second the run can count on now (the limiter's allowed rate). */
  rate: z.number(),
  etaSeconds: z.number(),
  /** The first leads (changed first), for the preview's table. */
  leads: z.array(BulkLeadPreview),
});
export type BulkPreview = z.infer<typeof BulkPreview>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ExportInput = z
  .object({
    selection: LeadSelection,
    columns: z.array(ColumnKey).min(1, 'pick at least one column').max(80),
    format: z.enum(EXPORT_FORMATS),
  })
  .strict();
export type ExportInput = z.infer<typeof ExportInput>;

/** The file as the renderer saves it: CSV as text, .xlsx as base64. */
export const ExportFile = z.object({ fileName: z.string(), mime: z.string(), encoding: z.enum(['text', 'base64']), data: z.string(), rows: z.number() });
export type ExportFile = z.infer<typeof ExportFile>;
