// Views over the local lead cache: the filter (AND of conditions plus the search text), its sort, the rows
// it answers, saved views, the table's layout, and a selection expressed as a view (so "all" means all).
import { z } from 'zod';
import { LeadRow } from './lead-views';

const name = z.string().trim().min(1, 'pick a name').max(200);
const day = z.string().max(10).regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2024-05-31');

/** Kartra's gdpr_lead_status values (kartra-api.md §8: 0 off for the account … 5 pending). */
export const GDPR_STATUSES = {
  '0': 'GDPR off for the account',
  '1': 'Not subject to GDPR',
  '2': 'Accepted',
  '3': 'Not accepted',
  '4': 'Unknown',
  '5': 'Pending',
} as const;
export type GdprStatus = keyof typeof GDPR_STATUSES;

/** One condition of a view; a view keeps the leads that meet every condition (AND). */
export const FilterCondition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tag'), op: z.enum(['has', 'has_not']), name }).strict(),
  /** In a list = an active membership (an unsubscribed one counts as not in). */
  z.object({ kind: z.literal('list'), op: z.enum(['in', 'not_in']), name }).strict(),
  /** In a sequence = subscribed and not unsubscribed. */
  z.object({ kind: z.literal('sequence'), op: z.enum(['in', 'not_in']), name }).strict(),
  /** A custom field by its identifier: its text, or one of its selected options. */
  z
    .object({
      kind: z.literal('field'),
      field: z.string().trim().min(1, 'pick a custom field').max(100),
      op: z.enum(['is', 'is_not', 'contains', 'empty', 'not_empty']),
      value: z.string().max(500).default(''),
    })
    .strict(),
  z
    .object({ kind: z.literal('score'), min: z.number().int().nullable().default(null), max: z.number().int().nullable().default(null) })
    .strict()
    .refine((c) => c.min === null || c.max === null || c.min <= c.max, { message: 'the lowest score must not be above the highest', path: ['min'] }),
  z
    .object({ kind: z.literal('gdpr'), statuses: z.array(z.enum(Object.keys(GDPR_STATUSES) as [GdprStatus, ...GdprStatus[]])).min(1, 'pick at least one GDPR status').max(10) })
    .strict(),
  /** Kartra's date_joined (account time), inclusive days. */
  z
    .object({ kind: z.literal('joined'), from: day.nullable().default(null), to: day.nullable().default(null) })
    .strict()
    .refine((c) => c.from !== null || c.to !== null, { message: 'give a first or last day', path: ['from'] }),
  z.object({ kind: z.literal('source'), value: z.string().trim().min(1, 'pick a source').max(200) }).strict(),
  /** When the app last read the lead from Kartra: within / more than this many days ago. */
  z.object({ kind: z.literal('refreshed'), op: z.enum(['within', 'older']), days: z.number().int().min(0).max(3650) }).strict(),
]);
export type FilterCondition = z.infer<typeof FilterCondition>;
export type FilterKind = FilterCondition['kind'];

export const LeadFilter = z
  .object({
    /** The search words (every word must prefix-match the name, email, company or a tag). */
    text: z.string().max(200).default(''),
    conditions: z.array(FilterCondition).max(40, 'a view takes at most 40 conditions').default([]),
  })
  .strict();
export type LeadFilter = z.infer<typeof LeadFilter>;
export const EMPTY_FILTER: LeadFilter = { text: '', conditions: [] };

/** Columns of the leads table a view can show and sort by; custom fields are `field:<identifier>`. */
export const BUILTIN_COLUMNS = [
  'name', 'email', 'company', 'country', 'city', 'phone', 'tags', 'lists', 'sequences', 'score', 'joined', 'source', 'gdpr', 'refreshed',
] as const;
export type BuiltinColumn = (typeof BUILTIN_COLUMNS)[number];
export const ColumnKey = z.union([
  z.enum(BUILTIN_COLUMNS),
  z.custom<`field:${string}`>((v) => typeof v === 'string' && /^field:[A-Za-z0-9_-]{1,100}$/.test(v), 'not a column'),
]);
export type ColumnKey = z.infer<typeof ColumnKey>;
export const fieldColumn = (identifier: string): ColumnKey => `field:${identifier}`;

export const ViewSort = z.object({ column: ColumnKey, dir: z.enum(['asc', 'desc']) }).strict();
export type ViewSort = z.infer<typeof ViewSort>;
export const DEFAULT_SORT: ViewSort = { column: 'name', dir: 'asc' };

/** A table row of a view: the search row plus what the other columns show. */
export const ViewRow = LeadRow.extend({
  city: z.string(),
  phone: z.string(),
  lists: z.array(z.string()),
  sequences: z.array(z.string()),
  joined: z.string(),
  source: z.string(),
  gdpr: z.string(),
  /** Custom field values by identifier, options joined with ", ". */
  fields: z.record(z.string(), z.string()),
});
export type ViewRow = z.infer<typeof ViewRow>;

export const SavedView = z.object({ id: z.string(), name: z.string(), filter: LeadFilter, updatedAt: z.number() });
export type SavedView = z.infer<typeof SavedView>;
export const ViewName = z.string().trim().min(1, 'give the view a name').max(80, 'keep the name under 80 characters');

/** Which columns the leads table shows, in order, with their widths (px), and its sort. */
export const TableLayout = z
  .object({
    columns: z
      .array(z.object({ key: ColumnKey, width: z.number().int().min(48).max(1200) }).strict())
      .min(1, 'show at least one column')
      .max(60)
      .refine((cols) => new Set(cols.map((c) => c.key)).size === cols.length, { message: 'a column is listed twice' }),
    sort: ViewSort,
  })
  .strict();
export type TableLayout = z.infer<typeof TableLayout>;

/**
 * A selection of leads: ticked ids, or every lead of a view minus the ones unticked — "select all" must
 * mean the whole view, not the rows that happen to be loaded.
 */
export const LeadSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: z.array(z.string().max(20).regex(/^\d+$/)).max(100_000) }).strict(),
  z.object({ kind: z.literal('view'), filter: LeadFilter, except: z.array(z.string().max(20).regex(/^\d+$/)).max(100_000) }).strict(),
]);
export type LeadSelection = z.infer<typeof LeadSelection>;
