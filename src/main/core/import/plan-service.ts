// The review's plan commands: import.plan (counts per class), the rows of one class (the review table's filters),
// and "Check against Kartra" (start, cancel, state). The last plan's row classes are kept per job, so paging a
// filtered table does not read the file again until the job or the look-ups change.
import type { ImportPlan, ImportRow, PlanCheckState, PlanClass } from '../../../shared/domain/import';
import { AppError } from '../errors';
import type { JobRecord } from '../jobs/job-repo';
import type { JobsService } from '../jobs/jobs-service';
import type { Pages } from '../jobs/pages';
import type { RowRepo } from '../jobs/row-repo';
import type { LeadCacheRepo } from '../store/lead-cache-repo';
import { classOf, planImport, rowsOfClass, type PlanPass } from './import-plan';
import type { KartraCheck } from './kartra-check';
import type { PlanLookups } from './plan-lookups';
import { columnsOf, toImportRow } from './row-views';
import { jobDir } from './upload';

export interface PlanServiceDeps {
  dataDir: string;
  rows: RowRepo;
  pages: Pick<Pages, 'cells'>;
  runner: Pick<JobsService, 'require'>;
  leadCache: Pick<LeadCacheRepo, 'knownEmails'>;
  lookups: PlanLookups;
  check: KartraCheck;
}

export class PlanService {
  /** The last plan of each job, with the state it was worked out from. */
  private readonly last = new Map<string, { key: string; updatedAt: number; pass: PlanPass }>();

  constructor(private readonly deps: PlanServiceDeps) {}

  async plan(jobId: string): Promise<ImportPlan> {
    return (await this.work(this.validated(jobId), true)).plan;
  }

  /** A page of the rows of one class, each marked with it. */
  async rows(jobId: string, kind: PlanClass, offset: number, limit: number): Promise<{ rows: ImportRow[]; total: number }> {
    const job = this.validated(jobId);
    const { classes } = await this.work(job, false);
    const page = rowsOfClass(classes, kind, offset, limit);
    const headers = columnsOf(job);
    const journal = page.rows.length > 0 ? this.deps.rows.range(job.id, page.rows[0]!, page.rows[page.rows.length - 1]!) : new Map();
    const rows = page.rows.map((row) => {
      const rec = journal.get(row);
      return { ...toImportRow(headers, row, rec?.fixed ?? this.deps.pages.cells(job.id, row) ?? [], rec), plan: kind };
    });
    return { rows, total: page.total };
  }

  /** Marks rows read without a class filter with their class, when the job's last plan is still current. */
  annotate<T extends { rows: ImportRow[] }>(jobId: string, page: T): T {
    const job = this.deps.runner.require(jobId);
    const last = this.last.get(job.id);
    // While a check runs the look-ups move on between two plans: the last plan's classes are still the best shown.
    if (job.status !== 'validated' || !last || last.updatedAt !== job.updatedAt) return page;
    const rows = page.rows.map((r) => {
      const plan = classOf(last.pass.classes, r.row);
      return plan ? { ...r, plan } : r;
    });
    return { ...page, rows };
  }

  async startCheck(jobId: string): Promise<PlanCheckState> {
    const job = this.validated(jobId);
    const now = this.deps.check.current(jobId);
    if (now.status === 'running' || now.status === 'cancelling') return now;
    const { toCheck } = await this.work(job, true);
    return this.deps.check.start(jobId, toCheck);
  }

  cancelCheck(jobId: string): PlanCheckState {
    this.deps.runner.require(jobId);
    return this.deps.check.cancel(jobId);
  }

  checkState(jobId: string): PlanCheckState {
    this.deps.runner.require(jobId);
    return this.deps.check.current(jobId);
  }

  private key(job: JobRecord): string {
    return `${job.updatedAt}:${this.deps.lookups.version(job.id)}`;
  }

  /** The plan as of now (`fresh`: always read again — the lead cache may have learned leads), else the last one if current. */
  private async work(job: JobRecord, fresh: boolean): Promise<PlanPass> {
    const key = this.key(job);
    const last = this.last.get(job.id);
    if (!fresh && last?.key === key) return last.pass;
    const pass = await planImport(this.deps.rows, this.deps.leadCache, job, jobDir(this.deps.dataDir, job.id), this.deps.lookups.of(job.id));
    this.last.set(job.id, { key, updatedAt: job.updatedAt, pass });
    return pass;
  }

  private validated(jobId: string): JobRecord {
    const job = this.deps.runner.require(jobId);
    if (job.kind !== 'import' || job.status !== 'validated') {
      throw new AppError('invalid_input', `This import is ${job.status}, so it has no plan to show now. Validate the rows first (import.validate).`, { details: { field: 'jobId' } });
    }
    return job;
  }
}
