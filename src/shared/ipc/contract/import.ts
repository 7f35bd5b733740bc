// Contract slice: CSV imports (upload, analyze, validate, fix, start) and the jobs that run them.
import { z } from 'zod';
import { BulkFix, ColumnMapping, ColumnName, FileAnalysis, ImportOptions, ImportPlan, ImportRow, JobProgress, PlanCheckState, PlanClass, RefusedValue, RowStatus } from '../../domain/import';
import { LocalLeadsResult } from '../../domain/local-leads';
import { JobId } from './common';

export const importCommands = {
  /**
   * Start an import from a file the user dropped: its bytes arrive in chunks (base64, in order, at most
   * 4 MB each), so it works the same from Electron and the browser host. The last chunk has `final`.
   */
  'import.begin': { input: z.object({ fileName: z.string().trim().min(1).max(255), bytes: z.number().int().min(0) }).strict(), output: z.object({ jobId: z.string() }) },
  'import.chunk': {
    input: z.object({ jobId: JobId, offset: z.number().int().min(0), data: z.string().max(6_000_000), final: z.boolean() }).strict(),
    output: z.object({ received: z.number() }),
  },
  /** Parse (off the main thread): encoding, delimiter, headers, sample, row count, suggested mapping. */
  'import.analyze': {
    input: z
      .object({
        jobId: JobId,
        /** The file only fills the local lead cache: ask Kartra nothing. */
        local: z.boolean().default(false),
        /** A workbook's sheet to read instead (its name, or its position from 1): the file is read again. */
        sheet: z.union([z.string().trim().min(1).max(255), z.number().int().min(1).max(10_000)]).optional(),
      })
      .strict(),
    output: FileAnalysis,
  },
  /** "Add to my local leads — sends nothing to Kartra": the analyzed file's leads enter the lead cache, dated as of the file. */
  'import.addToLocalLeads': {
    input: z.object({ jobId: JobId, mapping: ColumnMapping, fileModifiedAt: z.number().int().positive().optional() }).strict(),
    output: LocalLeadsResult,
  },
  /** Map and validate every row; the result is kept in the job's journal. */
  'import.validate': { input: z.object({ jobId: JobId, mapping: ColumnMapping }).strict(), output: JobProgress },
  'import.rows': {
    input: z
      .object({
        jobId: JobId,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
        statuses: z.array(RowStatus).max(RowStatus.options.length).default([]),
        /** Only the rows of this class of the plan (statuses are then ignored). */
        plan: PlanClass.optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(ImportRow), total: z.number() }),
  },
  /** Fix one cell inline; the row is validated again. */
  'import.fixCell': {
    input: z.object({ jobId: JobId, row: z.number().int().min(1), column: z.string().max(1000), value: z.string().max(2000) }).strict(),
    output: ImportRow,
  },
  /** The distinct values a column refused, how many rows hold each, and a suggested replacement (countries, time zones). */
  'import.refusedValues': {
    input: z.object({ jobId: JobId, column: ColumnName }).strict(),
    output: z.object({ values: z.array(RefusedValue), rows: z.number(), truncated: z.boolean() }),
  },
  /** A fix for one column of every row (replace values, drop a refused field, tidy emails/phones/dates), applied in the worker. */
  'import.bulkFix': {
    input: z.object({ jobId: JobId, fix: BulkFix }).strict(),
    output: z.object({ progress: JobProgress, changed: z.number() }),
  },
  /** Tags, lists and sequences named in the file's columns that this Kartra account does not have (the API cannot create them). */
  'import.unknownNames': {
    input: z.object({ jobId: JobId, refresh: z.boolean().default(false) }).strict(),
    output: z.object({ tags: z.array(z.string()), lists: z.array(z.string()), sequences: z.array(z.string()) }),
  },
  /** New / Existing (known to the local lead cache) / Invalid / Duplicate-in-file / Excluded, before anything is sent. */
  'import.plan': { input: z.object({ jobId: JobId }).strict(), output: ImportPlan },
  /** "Check against Kartra": one get_lead per unchecked row on the bulk lane, in the background; progress as `import.check`. */
  'import.checkKartra': { input: z.object({ jobId: JobId }).strict(), output: PlanCheckState },
  'import.cancelCheck': { input: z.object({ jobId: JobId }).strict(), output: PlanCheckState },
  'import.checkState': { input: z.object({ jobId: JobId }).strict(), output: PlanCheckState },
  'import.exclude': {
    input: z.object({ jobId: JobId, rows: z.array(z.number().int().min(1)).min(1).max(100_000), excluded: z.boolean() }).strict(),
    output: JobProgress,
  },
  /** Run the ready rows on the bulk lane: one call per new lead, at most two for an existing one. */
  'import.start': { input: z.object({ jobId: JobId, options: ImportOptions }).strict(), output: JobProgress },
  'jobs.pause': { input: z.object({ jobId: JobId }).strict(), output: JobProgress },
  'jobs.resume': { input: z.object({ jobId: JobId }).strict(), output: JobProgress },
  'jobs.cancel': { input: z.object({ jobId: JobId }).strict(), output: JobProgress },
  /** Imports and recipe runs of the current account, newest first. */
  'jobs.list': { input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(), output: z.object({ jobs: z.array(JobProgress) }) },
  'jobs.get': { input: z.object({ jobId: JobId }).strict(), output: JobProgress },
  /** The failed (and invalid) rows as CSV with an `error` column, ready to fix and drop again. */
  'jobs.exportFailed': { input: z.object({ jobId: JobId }).strict(), output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number() }) },
  /** Every row with its outcome (created, updated, unchanged, failed, invalid, excluded, not sent), lead id and reason. */
  'jobs.exportResult': { input: z.object({ jobId: JobId }).strict(), output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number() }) },
} as const;
