// The import.* commands: receive the file, analyze and validate it in the worker, let the user fix or exclude rows, start the run.
import { statSync } from 'node:fs';
import type { AccountCustomField } from '../../../shared/domain/account';
import type { LeadCacheRepo } from '../store/lead-cache-repo';
import type { BulkFix, ColumnMapping, FileAnalysis, ImportOptions, ImportRow, JobProgress, RowStatus } from '../../../shared/domain/import';
import type { AccountService } from '../account/account-service';
import type { ConnectionService } from '../connection/connection-service';
import { AppError } from '../errors';
import { isNotSent, isOfflineError } from '../connection/connectivity';
import type { JobRecord, JobRepo, StoredAnalysis } from '../jobs/job-repo';
import { toProgress } from '../jobs/job-progress';
import type { JobsService } from '../jobs/jobs-service';
import { importActions } from '../writes/row-chain';
import { PAGE_SIZE, type RowRepo } from '../jobs/row-repo';
import type { Pages } from '../jobs/pages';
import { headerSetKey } from './aliases';
import type { MappingRepo } from './mapping-repo';
import { countsBeforeRun, exclude, fixCell } from './row-edits';
import type { LocalLeadsResult } from '../../../shared/domain/local-leads';
import { addFileToCache } from './local-leads';
import { refusedValues, unknownNames, unknownNamesProblem, type RefusedValues, type UnknownNames } from './review-values';
import { listRows } from './row-views';
import { jobDir, type Uploads } from './upload';
import type { ValidateCounts } from './validate-job';
import { compileMapping } from './validate-row';
import type { ParseWorker } from './worker-client';
import type { AnalyzeReply } from './worker-protocol';
import type { SheetChoice } from './xlsx-source';

export interface ImportServiceDeps {
  dataDir: string;
  dbFile: string;
  connection: ConnectionService;
  account: AccountService;
  jobs: JobRepo;
  rows: RowRepo;
  pages: Pages;
  mappings: MappingRepo;
  runner: JobsService;
  worker: ParseWorker;
  uploads: Uploads;
  emit: (progress: JobProgress) => void;
  /** "Add to my local leads" writes the file's leads there. */
  leadCache: Pick<LeadCacheRepo, 'putMany'>;
}

const SAMPLE_ROWS = 20;
/** Kartra chains at most this many actions behind create_lead/edit_lead in this app (lead-writes' limit). */
const MAX_CHAIN = 50;

const invalid = (message: string, field: string) => new AppError('invalid_input', message, { details: { field } });

export const GDPR_REFUSAL =
  "Confirm that the people in this file agreed to hear from you (GDPR) before importing. Leads added through Kartra's API are never marked as having accepted GDPR terms, so Kartra limits what it sends them according to your account's GDPR settings.";

export class ImportService {
  /** Jobs with a pass running in the worker: one pass per job at a time. */
  private readonly busy = new Set<string>();

  constructor(private readonly deps: ImportServiceDeps) {}

  begin(fileName: string, bytes: number): { jobId: string } {
    const { account } = this.deps.connection.require();
    const job = this.deps.uploads.begin(account.id, fileName, bytes);
    this.deps.runner.emitNow(job.id);
    return { jobId: job.id };
  }

  async chunk(jobId: string, offset: number, data: string, final: boolean): Promise<{ received: number }> {
    const job = this.deps.runner.require(jobId);
    return { received: await this.deps.uploads.chunk(job, offset, data, final) };
  }

  /** The CLI's path: the file is read where it lies. */
  async fromFile(path: string): Promise<{ jobId: string }> {
    const { account } = this.deps.connection.require();
    return { jobId: (await this.deps.uploads.fromPath(account.id, path)).id };
  }

  /**
   * `local`: the file only fills the local lead cache, so nothing is asked of Kartra (custom fields as cached).
   * `sheet`: a workbook's other sheet (name or position from 1) — the file is read again from that sheet.
   */
  async analyze(jobId: string, local = false, sheet?: SheetChoice): Promise<FileAnalysis> {
    const job = this.deps.runner.require(jobId);
    const other = sheet !== undefined && job.analysis !== null && !isSheet(job.analysis, sheet);
    // Asked again (a reloaded window): the stored answer, even while a validation runs.
    if (job.analysis && job.status !== 'uploading' && !other) return publicAnalysis(job.analysis);
    if (other) {
      if (!job.analysis?.sheets) throw invalid('This file is not an Excel workbook, so it has no sheets to choose from.', 'sheet');
      // A sheet is chosen before the run; a file whose first sheet could not be read (empty, merged header) may still pick another.
      const rereadable = job.status === 'analyzed' || job.status === 'validated' || (job.status === 'failed' && job.plan === null);
      if (!rereadable) throw this.wrongState(job, 'read from another sheet', '');
    }
    return this.exclusive(jobId, () => this.analyzeNow(jobId, local, sheet, other));
  }

  private async analyzeNow(jobId: string, local: boolean, sheet: SheetChoice | undefined, again: boolean): Promise<FileAnalysis> {
    const job = this.deps.runner.require(jobId);
    if (job.analysis && job.status !== 'uploading' && !again) return publicAnalysis(job.analysis);
    if (job.receivedBytes !== job.fileBytes || !job.sourcePath) {
      throw invalid(`The file has not fully arrived yet (${job.receivedBytes} of ${job.fileBytes} bytes).`, 'jobId');
    }
    // Known before the parse, so the worker can offer (and check) a mapping with the account's custom fields.
    const fields = local ? (this.deps.account.cachedList('custom_fields') ?? []) : await this.customFields([], false);
    const reply = await this.deps.worker.run<AnalyzeReply>(
      {
        op: 'analyze',
        dbFile: this.deps.dbFile,
        jobId,
        accountId: job.accountId,
        fields,
        input: { sourcePath: job.sourcePath!, workDir: jobDir(this.deps.dataDir, jobId), pageSize: PAGE_SIZE, sampleRows: SAMPLE_ROWS },
        ...(sheet !== undefined ? { sheet } : {}),
      },
      (rows) => this.deps.emit({ ...toProgress(job), done: rows }),
    );
    this.deps.pages.forget(jobId);
    const { result } = reply;
    const analysis: StoredAnalysis = {
      fileName: job.name,
      bytes: result.bytes,
      encoding: result.encoding,
      delimiter: result.delimiter,
      ...(result.sheet ? { sheet: result.sheet } : {}),
      ...(result.sheets ? { sheets: result.sheets } : {}),
      headers: result.headers,
      sample: result.sample,
      rowCount: result.rowCount,
      problems: result.problems,
      suggestedMapping: reply.mapping,
      mappingRemembered: reply.remembered,
      fatal: result.fatal,
    };
    this.deps.jobs.update(jobId, {
      analysis,
      layout: result.layout,
      headers: result.headers,
      total: result.rowCount,
      // The journal already holds the offered mapping's results: accepting it needs no second pass.
      validated: reply.counts ? { mapping: reply.mapping, fields } : null,
      counts: { total: result.rowCount, ready: result.rowCount, invalid: 0, excluded: 0, created: 0, updated: 0, skipped: 0, failed: 0 },
      status: result.fatal ? 'failed' : 'analyzed',
      error: result.fatal,
      // Another sheet: its columns are other columns, so the earlier mapping no longer applies.
      ...(again ? { mapping: null } : {}),
    });
    this.deps.runner.emitNow(jobId);
    if (sheet !== undefined && !result.sheets) throw invalid('This file is not an Excel workbook, so it has no sheets to choose from.', 'sheet');
    return publicAnalysis(analysis);
  }

  validate(jobId: string, mapping: ColumnMapping): Promise<JobProgress> {
    return this.exclusive(jobId, () => this.validateNow(jobId, mapping));
  }

  private async validateNow(jobId: string, mapping: ColumnMapping): Promise<JobProgress> {
    const job = this.deps.runner.require(jobId);
    if (job.status === 'failed' && job.analysis?.fatal) throw invalid(`This file cannot be imported: ${job.analysis.fatal}`, 'jobId');
    if (job.status !== 'analyzed' && job.status !== 'validated') throw this.wrongState(job, 'validated', 'Analyze the file first (import.analyze).');
    const headers = job.headers ?? [];
    const customIds = Object.values(mapping).filter((t) => t.startsWith('custom:')).map((t) => t.slice(7));
    const fields = await this.customFields(customIds, true);
    compileMapping(headers, mapping, fields); // a clear error now, before the worker starts
    if (job.validated && sameMapping(headers, job.validated.mapping, mapping) && JSON.stringify(job.validated.fields) === JSON.stringify(fields)) {
      // The journal already reflects this mapping (the analysis checked the offered one, or nothing changed).
      this.deps.jobs.update(jobId, { status: 'validated', mapping, fields, cursorRow: 1, counts: countsBeforeRun(this.deps.rows, job) });
      this.deps.mappings.put(job.accountId, headerSetKey(headers), mapping);
      this.deps.runner.emitNow(jobId);
      return this.deps.runner.progress(jobId);
    }
    const layout = this.deps.jobs.layout(jobId);
    if (!layout) throw invalid('Analyze the file first (import.analyze).', 'jobId');
    this.deps.jobs.update(jobId, { status: 'validating', mapping, error: null });
    this.deps.runner.emitNow(jobId);
    let counts: ValidateCounts;
    try {
      counts = await this.deps.worker.run<ValidateCounts>(
        { op: 'validate', dbFile: this.deps.dbFile, input: { jobId, workDir: jobDir(this.deps.dataDir, jobId), layout, headers, mapping, fields } },
        (rows) => this.deps.emit({ ...toProgress({ ...job, status: 'validating' }), done: rows }),
      );
    } catch (error) {
      this.deps.jobs.update(jobId, { status: job.status });
      this.deps.runner.emitNow(jobId);
      throw error;
    }
    this.deps.jobs.update(jobId, {
      status: 'validated',
      mapping,
      fields,
      validated: { mapping, fields },
      cursorRow: 1,
      counts: { total: job.total, ready: counts.ready, invalid: counts.invalid, excluded: counts.excluded, created: 0, updated: 0, skipped: 0, failed: 0 },
    });
    this.deps.mappings.put(job.accountId, headerSetKey(headers), mapping);
    this.deps.runner.emitNow(jobId);
    return this.deps.runner.progress(jobId);
  }

  /**
   * "Add to my local leads": the analyzed file's leads go into the lead cache, dated as of the file (`fileModifiedAt`
   * from the app, else the file's own modification time), marked "from a file". Nothing is sent to Kartra.
   */
  addToLocalLeads(jobId: string, mapping: ColumnMapping, fileModifiedAt?: number): LocalLeadsResult {
    const job = this.deps.runner.require(jobId);
    if (job.status !== 'analyzed' && job.status !== 'validated') throw this.wrongState(job, 'added to the local leads', 'Analyze the file first (import.analyze).');
    compileMapping(job.headers ?? [], mapping, job.fields ?? []);
    const asOf = Math.min(Date.now(), fileModifiedAt ?? statSync(job.sourcePath!).mtimeMs);
    return addFileToCache(this.deps.leadCache, this.deps.pages, job, mapping, Math.round(asOf));
  }

  rows(jobId: string, offset: number, limit: number, statuses: RowStatus[]): { rows: ImportRow[]; total: number } {
    const job = this.deps.runner.require(jobId);
    if (job.kind === 'import' && !job.mapping) throw invalid('Map the columns and validate the rows first (import.validate).', 'jobId');
    return listRows(this.deps.rows, this.deps.pages, job, offset, limit, statuses);
  }

  fixCell(jobId: string, row: number, column: string, value: string): ImportRow {
    const job = this.editable(jobId);
    const fixed = fixCell({ repo: this.deps.rows, pages: this.deps.pages, workDir: jobDir(this.deps.dataDir, jobId) }, job, job.fields ?? [], row, column, value);
    this.recount(job);
    return fixed;
  }

  refusedValues(jobId: string, column: string): RefusedValues {
    return refusedValues(this.deps.rows, this.deps.pages, this.editable(jobId), column);
  }

  unknownNames(jobId: string, refresh: boolean): Promise<UnknownNames> {
    this.deps.runner.require(jobId);
    return unknownNames(this.deps.account, jobDir(this.deps.dataDir, jobId), refresh);
  }

  /** One pass of the worker over the whole file: the fix is applied to every row and the rows validated again. */
  bulkFix(jobId: string, fix: BulkFix): Promise<{ progress: JobProgress; changed: number }> {
    return this.exclusive(jobId, async () => {
      const job = this.editable(jobId);
      const layout = this.deps.jobs.layout(jobId);
      if (!layout || !job.mapping) throw invalid('Validate the rows first (import.validate).', 'jobId');
      const input = { jobId, workDir: jobDir(this.deps.dataDir, jobId), layout, headers: job.headers ?? [], mapping: job.mapping, fields: job.fields ?? [] };
      const counts = await this.deps.worker.run<ValidateCounts>({ op: 'fix', dbFile: this.deps.dbFile, input, fix }, (rows) =>
        this.deps.emit({ ...toProgress(job), done: rows }),
      );
      this.recount(job);
      return { progress: this.deps.runner.progress(jobId), changed: counts.changed };
    });
  }

  exclude(jobId: string, rows: number[], excluded: boolean): JobProgress {
    const job = this.editable(jobId);
    exclude(this.deps.rows, job, rows, excluded);
    this.recount(job);
    return this.deps.runner.progress(jobId);
  }

  async start(jobId: string, options: ImportOptions): Promise<JobProgress> {
    const job = this.deps.runner.require(jobId);
    if (job.status !== 'validated') throw this.wrongState(job, 'started', 'Validate the rows first (import.validate).');
    if (!options.gdprConfirmed) throw invalid(GDPR_REFUSAL, 'options.gdprConfirmed');
    if (job.counts.ready === 0) throw invalid('No row is ready to import: fix the invalid rows or include excluded ones first.', 'jobId');
    const actions = importActions(options);
    if (actions.length >= MAX_CHAIN) throw invalid(`At most ${MAX_CHAIN - 1} tags, lists, sequence and points fit in one call per lead; this import asks for ${actions.length}.`, 'options');
    // Unknown names would fail every row at Kartra: refuse before anything is sent.
    await this.deps.account.assertNamesExist(actions);
    const unknown = await unknownNames(this.deps.account, jobDir(this.deps.dataDir, jobId), true);
    const problem = unknownNamesProblem(unknown);
    if (problem) throw invalid(problem, 'jobId');
    if (this.deps.runner.require(jobId).status !== 'validated') throw this.wrongState(this.deps.runner.require(jobId), 'started', '');
    this.deps.jobs.update(jobId, { plan: { kind: 'import', options, actions }, status: 'running', cursorRow: 1, error: null });
    return this.deps.runner.start(jobId);
  }

  private editable(jobId: string): JobRecord {
    const job = this.deps.runner.require(jobId);
    if (job.status !== 'validated') {
      throw this.wrongState(job, 'edited', job.status === 'analyzed' ? 'Validate the rows first (import.validate).' : 'Export the failed rows, fix them and import that file.');
    }
    return job;
  }

  private recount(job: JobRecord): void {
    this.deps.jobs.update(job.id, { counts: countsBeforeRun(this.deps.rows, job) });
    this.deps.runner.emitNow(job.id);
  }

  private wrongState(job: JobRecord, what: string, hint: string): AppError {
    const state = job.status === 'uploading' ? 'still being received' : job.status;
    return invalid(`This import is ${state}, so it cannot be ${what} now.${hint ? ` ${hint}` : ''}`, 'jobId');
  }

  /** One analysis or validation per job at a time; checked before anything is awaited. */
  private async exclusive<T>(jobId: string, fn: () => Promise<T>): Promise<T> {
    if (this.busy.has(jobId)) throw invalid('This file is already being read; wait for that to finish.', 'jobId');
    this.busy.add(jobId);
    try {
      return await fn();
    } finally {
      this.busy.delete(jobId);
    }
  }

  /** The account's custom fields (cached); refreshed once when a mapped identifier is not known yet. */
  private async customFields(needed: string[], strict: boolean): Promise<AccountCustomField[]> {
    try {
      let list = await this.deps.account.list('custom_fields', false);
      if (needed.some((id) => !list.items.some((f) => f.field_identifier === id))) list = await this.deps.account.list('custom_fields', true);
      return list.items;
    } catch (error) {
      // Offline with nothing cached: suggestions go without custom fields; validation needs them only when mapped.
      if (!strict && (isOfflineError(error) || isNotSent(error))) return [];
      if (isOfflineError(error) || isNotSent(error)) {
        if (needed.length === 0) return [];
        throw new AppError('offline', 'Kartra cannot be reached to read the custom fields this mapping uses; try again when online.', { retryable: true, cause: error });
      }
      throw error;
    }
  }
}

function sameMapping(headers: readonly string[], a: ColumnMapping, b: ColumnMapping): boolean {
  return headers.every((h) => (a[h] ?? 'ignore') === (b[h] ?? 'ignore'));
}

/** The stored analysis read this sheet (by name, or by its position from 1). */
function isSheet(analysis: StoredAnalysis, sheet: SheetChoice): boolean {
  if (analysis.sheet === undefined) return false;
  if (typeof sheet === 'number') return analysis.sheets?.[sheet - 1] === analysis.sheet;
  return analysis.sheet.trim().toLowerCase() === sheet.trim().toLowerCase();
}

function publicAnalysis(analysis: StoredAnalysis): FileAnalysis {
  const { fatal: _fatal, ...rest } = analysis;
  return rest;
}
