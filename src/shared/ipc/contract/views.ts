// Contract slice: views — filter the local lead cache (paged, counted), saved views, counts per tag and
// list for the account browser, and the leads table's remembered layout.
import { z } from 'zod';
import { LeadFilter, LeadSelection, SavedView, TableLayout, ViewName, ViewRow, ViewSort, DEFAULT_SORT } from '../../domain/lead-filter';
import { none } from './common';

const ViewId = z.string().max(20).regex(/^\d+$/, 'not a view id');

export const viewCommands = {
  /** A page of the cached leads that meet the filter, in the asked order, and how many meet it. */
  'views.filter': {
    input: z
      .object({
        filter: LeadFilter,
        sort: ViewSort.default(DEFAULT_SORT),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({
      rows: z.array(ViewRow),
      /** Exact for conditions; a count with search words stops at SEARCH_COUNT_CAP (as leads.search). */
      total: z.number(),
      capped: z.boolean(),
      tookMs: z.number(),
      /** When the newest cached lead was read from Kartra (the offline notice says how old the view is). */
      newestSeenAt: z.number().nullable(),
    }),
  },
  /** How many leads a selection holds (a view minus its exceptions, or ticked ids still cached). */
  'views.countSelection': { input: z.object({ selection: LeadSelection }).strict(), output: z.object({ count: z.number() }) },
  /** The cached lead ids a selection stands for (bulk actions and recipes on a whole view). */
  'views.resolveSelection': { input: z.object({ selection: LeadSelection }).strict(), output: z.object({ ids: z.array(z.string()) }) },
  /** This account's saved views, by name. */
  'views.list': { input: none, output: z.object({ views: z.array(SavedView) }) },
  /** Save a view (new, or the one with `id`); names are unique per account (already_exists). */
  'views.save': { input: z.object({ id: ViewId.optional(), name: ViewName, filter: LeadFilter }).strict(), output: SavedView },
  'views.delete': { input: z.object({ id: ViewId }).strict(), output: z.object({ views: z.array(SavedView) }) },
  /** Cached leads per tag, per list (active members) and per sequence, and all cached leads. */
  'views.counts': {
    input: none,
    output: z.object({
      total: z.number(),
      tags: z.record(z.string(), z.number()),
      lists: z.record(z.string(), z.number()),
      sequences: z.record(z.string(), z.number()),
    }),
  },
  /** The leads table's columns, widths and sort for this account (null: never changed). */
  'views.layout': { input: none, output: z.object({ layout: TableLayout.nullable() }) },
  'views.saveLayout': { input: z.object({ layout: TableLayout }).strict(), output: z.object({ layout: TableLayout }) },
} as const;
