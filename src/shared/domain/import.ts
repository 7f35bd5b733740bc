// CSV import and recipe jobs as the UI sees them: file analysis, column mapping, row validation, progress, report.
import { z } from 'zod';
import { LeadAction } from './actions';
import { BulkField } from './bulk-actions';
import { RecipeConditions } from './recipe-conditions';
import { boundedRecord, MAX_EMAIL, MAX_LEAD_ID, MAX_NAME } from './bounded';

/** Lead fields a column can map to; custom fields are `custom:<identifier>`; `ignore` skips the column. */
export const IMPORT_TARGET_FIELDS = [
  'email',
  'first_name',
  'middle_name',
  'last_name',
  'last_name2',
  'phone',
  'phone_country_code',
  'company',
  'address',
  'city',
  'state',
  'zip',
  'country',
  'website',
  'facebook',
  'twitter',
  'linkedin',
  'lead_preferred_time_zone',
  'sales_tax_id',
  'ip',
  'lead_picture',
] as const;
/** Columns whose cells name tags, lists or sequences (several per cell): one action per value in the row's call. */
export const IMPORT_ACTION_TARGETS = ['tags', 'lists', 'sequences'] as const;
export type ImportActionTarget = (typeof IMPORT_ACTION_TARGETS)[number];
export const ImportTarget = z.union([
  z.enum(IMPORT_TARGET_FIELDS),
  z.enum(IMPORT_ACTION_TARGETS),
  z.string().max(120).regex(/^custom:[A-Za-z0-9_-]+$/),
  z.literal('ignore'),
]);
export type ImportTarget = z.infer<typeof ImportTarget>;

/** Columns a mapping may name: far beyond any real lead file. */
export const MAX_COLUMNS = 5000;

/** Column name (as in the header) → target. */
export const ColumnMapping = boundedRecord(z.string().max(1000), ImportTarget, MAX_COLUMNS);
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const ImportMode = z.enum(['create', 'update', 'upsert']);
export type ImportMode = z.infer<typeof ImportMode>;

/**
 * What happens to a lead that already exists in Kartra: "keep" adds the tags, lists and sequences only (its details
 * stay as they are); "fill" fills its empty fields only (one read per existing lead); "overwrite" writes the file's values.
 */
export const ExistingPolicy = z.enum(['keep', 'fill', 'overwrite']);
export type ExistingPolicy = z.infer<typeof ExistingPolicy>;

export const ImportOptions = z.object({
  mode: ImportMode,
  existing: ExistingPolicy.default('keep'),
  tags: z.array(z.string().trim().min(1).max(MAX_NAME)).max(50).default([]),
  lists: z.array(z.string().trim().min(1).max(MAX_NAME)).max(50).default([]),
  sequence: z.object({ name: z.string().trim().min(1).max(MAX_NAME), step: z.string().max(50).regex(/^[A-Za-z0-9]+$/) }).nullable().default(null),
  points: z.number().int().min(0).max(1_000_000).default(0),
  /** The user confirms consent was obtained; API-added leads are never marked as GDPR-accepted. */
  gdprConfirmed: z.boolean(),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

export const FileAnalysis = z.object({
  fileName: z.string(),
  bytes: z.number(),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']),
  delimiter: z.enum([',', ';', '\t']),
  /** For a workbook (.xlsx): the sheet that was read. */
  sheet: z.string().optional(),
  /** For a workbook: every sheet's name, in the workbook's order (the user may pick another one). */
  sheets: z.array(z.string()).optional(),
  headers: z.array(z.string()),
  /** First rows as parsed (for the mapping screen). */
  sample: z.array(z.array(z.string())),
  rowCount: z.number(),
  /** File-level problems (empty file, duplicate header, binary content, ...). */
  problems: z.array(z.string()),
  suggestedMapping: ColumnMapping,
  /** True when the mapping was remembered from an earlier file with the same headers. */
  mappingRemembered: z.boolean(),
});
export type FileAnalysis = z.infer<typeof FileAnalysis>;

/**
 * The plan's classes of rows: New (neither the local cache nor a look-up knows the email), Existing (the cache or a
 * look-up found the lead), Unknown (the look-up failed: never guessed), Invalid, Duplicate in the file, Excluded.
 */
export const PlanClass = z.enum(['new', 'existing', 'unknown', 'invalid', 'duplicate', 'excluded']);
export type PlanClass = z.infer<typeof PlanClass>;

export const CellError = z.object({ column: z.string(), message: z.string() });
export const RowStatus = z.enum(['invalid', 'ready', 'excluded', 'in_flight', 'created', 'updated', 'skipped', 'failed']);
export type RowStatus = z.infer<typeof RowStatus>;

export const ImportRow = z.object({
  row: z.number(),
  /** Cell values by column name (after any inline fix). */
  values: z.record(z.string(), z.string()),
  errors: z.array(CellError),
  status: RowStatus,
  /** Kartra's reason or the skip reason, after the run. */
  outcome: z.string().nullable(),
  leadId: z.string().nullable(),
  /** The row's class in the plan (before the run, when the plan was worked out). */
  plan: PlanClass.optional(),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const JobKind = z.enum(['import', 'recipe']);
export const JobStatus = z.enum(['uploading', 'analyzed', 'validating', 'validated', 'running', 'paused', 'cancelled', 'finished', 'failed']);
export type JobStatus = z.infer<typeof JobStatus>;

/**
 * A job's rows by outcome. Once it finished, created + updated + unchanged + failed + invalid + excluded = total
 * (`ready` counts rows not sent yet; `skipped` is the rows' status name for what the report calls unchanged).
 */
export const JobCounts = z.object({
  total: z.number(),
  invalid: z.number(),
  excluded: z.number(),
  ready: z.number(),
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  /** Rows whose lead Kartra left as it was: it exists (create only, or nothing to add) or is missing (update only). */
  unchanged: z.number(),
  failed: z.number(),
});
export type JobCounts = z.infer<typeof JobCounts>;

/** The outcome of every row of an import, as reported everywhere (report, Past imports, CLI): they add up to `rows`. */
export function rowOutcomes(c: Omit<JobCounts, 'unchanged'>) {
  return { rows: c.total, created: c.created, updated: c.updated, unchanged: c.skipped, failed: c.failed, invalid: c.invalid, excluded: c.excluded, not_sent: c.ready };
}

export const JobProgress = z.object({
  jobId: z.string(),
  kind: JobKind,
  name: z.string(),
  status: JobStatus,
  counts: JobCounts,
  /** Rows settled so far in this run, and the rates over the last few seconds. */
  done: z.number(),
  rowsPerSec: z.number(),
  callsPerSec: z.number(),
  calls: z.number(),
  etaSec: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  error: z.string().nullable(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const MAX_RECIPE_CLEAR = 20;
export const RecipeClear = z.array(BulkField).max(MAX_RECIPE_CLEAR, `a recipe clears at most ${MAX_RECIPE_CLEAR} fields`);

export const Recipe = z.object({
  id: z.string(),
  name: z.string().trim().min(1).max(80),
  /** Empty only when the recipe clears fields (a recipe does at least one thing). */
  actions: z.array(LeadAction).max(20),
  /** Every one must hold on the lead, read fresh when the recipe runs; a lead that fails one is skipped. Absent: none. */
  conditions: RecipeConditions.optional(),
  /**
   * Fields the recipe empties (a profile field by name, a custom field as `custom:<identifier>`), sent as one
   * edit_lead ahead of the chain — Kartra clears a value sent as an empty string. Absent: none.
   */
  clear: RecipeClear.optional(),
  updatedAt: z.number(),
});
export type Recipe = z.infer<typeof Recipe>;

/** Who a recipe is applied to: lead ids (e.g. selected in a search), pasted emails, or an import's rows. */
export const RecipeTarget = z.union([
  z.object({ leadIds: z.array(z.string().max(MAX_LEAD_ID).regex(/^\d+$/)).min(1).max(100_000) }),
  z.object({ emails: z.array(z.string().trim().max(MAX_EMAIL).email()).min(1).max(100_000) }),
  z.object({ importJobId: z.string().max(64) }),
]);
export type RecipeTarget = z.infer<typeof RecipeTarget>;

/**
 * A fix applied to one column of every row of an import before it runs (the review's bulk fixes): replace values,
 * import the rows whose cell is refused without that field, tidy emails, phones to E.164, dates to YYYY-MM-DD,
 * or leave named tags/lists/sequences out of a Tags/Lists/Sequences column.
 */
/** A column's name as the mapping keys it. */
export const ColumnName = z.string().min(1).max(1000);

export const BulkFix = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('replace'),
    column: ColumnName,
    pairs: z.array(z.object({ from: z.string().max(2000), to: z.string().max(2000) })).min(1).max(500),
  }),
  z.object({ kind: z.literal('clearInvalid'), column: ColumnName }),
  z.object({ kind: z.literal('email'), column: ColumnName }),
  z.object({ kind: z.literal('phone'), column: ColumnName, defaultCountry: z.string().max(2).regex(/^[A-Z]{2}$/, 'a two-letter country code such as US or GB') }),
  z.object({ kind: z.literal('date'), column: ColumnName, order: z.enum(['DMY', 'MDY', 'YMD']) }),
  z.object({ kind: z.literal('dropValues'), column: ColumnName, values: z.array(z.string().max(2000)).min(1).max(5000) }),
]);
export type BulkFix = z.infer<typeof BulkFix>;

/** A value a column refused, how many rows hold it, and the replacement suggested for it (countries, time zones). */
export const RefusedValue = z.object({ value: z.string(), rows: z.number(), message: z.string(), suggestion: z.string().nullable() });
export type RefusedValue = z.infer<typeof RefusedValue>;

/** What a validated import would do, before anything is sent: each row in one class, with the first rows of each. */
export const ImportPlan = z.object({
  new: z.number(),
  /** Leads the local cache already knows (by email), or that a look-up found in Kartra. */
  existing: z.number(),
  /** Rows whose look-up failed: neither New nor Existing until checked again. */
  unknown: z.number(),
  invalid: z.number(),
  duplicate: z.number(),
  excluded: z.number(),
  /** New rows not looked up yet: each is one look-up if the user checks against Kartra. */
  unchecked: z.number(),
  /** Why the first Unknown row's look-up failed. */
  unknownReason: z.string().nullable(),
  examples: z.object({
    new: z.array(z.number()),
    existing: z.array(z.number()),
    unknown: z.array(z.number()),
    invalid: z.array(z.number()),
    duplicate: z.array(z.number()),
  }),
});
export type ImportPlan = z.infer<typeof ImportPlan>;

/** "Check against Kartra": one get_lead per unchecked row of an import's plan, on the bulk lane, cancellable. */
export const PlanCheckState = z.object({
  jobId: z.string().nullable(),
  /** `cancelling`: no new look-up starts; the few already queued finish and count. */
  status: z.enum(['idle', 'running', 'cancelling', 'done', 'cancelled', 'stopped']),
  total: z.number(),
  done: z.number(),
  /** Kartra has the lead: Existing (and the cache holds Kartra's copy now). */
  found: z.number(),
  /** Kartra has no such lead: New. */
  missing: z.number(),
  /** The look-up failed: Unknown. */
  failed: z.number(),
  etaSec: z.number().nullable(),
  error: z.string().nullable(),
});
export type PlanCheckState = z.infer<typeof PlanCheckState>;
