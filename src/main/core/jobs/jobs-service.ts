// The jobs.* commands and the runners behind them: start, pause, resume, cancel, list, report; jobs of the current
// account resume by themselves after a crash, a restart or an account switch.
import { basename, extname } from 'node:path';
import type { JobProgress, RowStatus } from '../../../shared/domain/import';
import type { ConnectionService } from '../connection/connection-service';
import { AppError } from '../errors';
import { csvDocument } from '../import/csv-write';
import type { Logger } from '../log';
import type { JobRecord, JobRepo } from './job-repo';
import { toProgress } from './job-progress';
import { JobRunner, type RunnerDeps } from '../writes/bulk-producer';
import type { Pages } from './pages';
import { RECIPE_HEADERS } from './row-plans';
import type { RowRepo } from './row-repo';
import { resultCsv } from './result-csv';

export interface JobsServiceDeps {
  jobs: JobRepo;
  rows: RowRepo;
  pages: Pages;
  connection: ConnectionService;
  log: Logger;
  emit: (progress: JobProgress) => void;
  /** Rows with a call on its way at once (default 24: enough to keep 20 calls/s going at Kartra's latency). */
  concurrency?: number;
  /** The write queue's parts the bulk producer runs through: connectivity, lane slots, History, the lead cache. */
  connectivity: RunnerDeps['connectivity'];
  slots: RunnerDeps['slots'];
  history: RunnerDeps['history'];
  cache: RunnerDeps['cache'];
  holdForCheck: RunnerDeps['holdForCheck'];
}

const EMIT_EVERY_MS = 250;
/** While a job runs, progress goes out at least this often even when no row settled (rates and ETA move on). */
const HEARTBEAT_MS = 500;

export class JobsService {
  private readonly runners = new Map<string, JobRunner>();
  private readonly emitTimers = new Map<string, NodeJS.Timeout>();
  private readonly lastEmit = new Map<string, number>();
  private heartbeat: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly deps: JobsServiceDeps) {}

  /** A job of the current account; not_found for another account's (switching accounts never mixes them). */
  require(jobId: string): JobRecord {
    const { account } = this.deps.connection.require();
    const job = this.deps.jobs.get(jobId);
    if (!job || job.accountId !== account.id) throw new AppError('not_found', 'No such import or recipe run in this account.', { details: { field: 'jobId' } });
    return job;
  }

  progress(jobId: string): JobProgress {
    const job = this.require(jobId);
    const runner = this.runners.get(jobId);
    return runner?.isActive() ? toProgress(runner.record(), runner.live()) : toProgress(job);
  }

  list(limit: number): { jobs: JobProgress[] } {
    const { account } = this.deps.connection.require();
    return {
      jobs: this.deps.jobs.list(account.id, limit).map((job) => {
        const runner = this.runners.get(job.id);
        return runner?.isActive() ? toProgress(runner.record(), runner.live()) : toProgress(job);
      }),
    };
  }

  /** The job's status and plan are stored: run it now if its account is current. */
  start(jobId: string): JobProgress {
    const job = this.require(jobId);
    this.runnerFor(job).start();
    this.beat();
    return this.progress(jobId);
  }

  async pause(jobId: string): Promise<JobProgress> {
    const job = this.require(jobId);
    if (job.status !== 'running' && job.status !== 'paused') throw this.notNow(job, 'paused');
    const runner = this.runners.get(jobId);
    if (runner?.isActive()) await runner.stop('pause');
    else this.deps.jobs.update(jobId, { status: 'paused', pauseReason: 'user', error: null });
    this.emitNow(jobId);
    return this.progress(jobId);
  }

  resume(jobId: string): JobProgress {
    const job = this.require(jobId);
    const restartable = job.status === 'paused' || job.status === 'running' || (job.status === 'failed' && job.startedAt !== null);
    if (!restartable) throw this.notNow(job, 'resumed');
    this.runnerFor(job).start();
    this.beat();
    return this.progress(jobId);
  }

  async cancel(jobId: string): Promise<JobProgress> {
    const job = this.require(jobId);
    if (job.status === 'finished' || job.status === 'cancelled') throw this.notNow(job, 'cancelled');
    const runner = this.runners.get(jobId);
    if (runner?.isActive()) await runner.stop('cancel');
    else this.deps.jobs.update(jobId, { status: 'cancelled', pauseReason: null, error: null, finishedAt: Date.now() });
    this.emitNow(jobId);
    return this.progress(jobId);
  }

  /** The failed and invalid rows as CSV, original columns (with inline fixes) plus an `error` column. */
  exportFailed(jobId: string): { fileName: string; csv: string; rows: number } {
    const job = this.require(jobId);
    const headers = job.kind === 'recipe' ? RECIPE_HEADERS : (job.headers ?? []);
    const errorColumn = headers.some((h) => h.toLowerCase() === 'error') ? 'import error' : 'error';
    const out: string[][] = [];
    const statuses: RowStatus[] = ['invalid', 'failed'];
    for (let offset = 0; ; offset += 1000) {
      const batch = this.deps.rows.byStatus(jobId, statuses, offset, 1000);
      for (const rec of batch) {
        const cells = rec.fixed ?? this.deps.pages.cells(jobId, rec.row) ?? [];
        const extra = cells.slice(headers.length).filter((c) => c.trim() !== '');
        const reasons = rec.status === 'invalid' ? rec.errors.map((e) => `${e.column}: ${e.message}`) : [rec.outcome ?? 'failed'];
        if (extra.length > 0) reasons.push(`cells beyond the last column: ${extra.join(' | ')}`);
        out.push([...headers.map((_, i) => cells[i] ?? ''), reasons.join('; ')]);
      }
      if (batch.length < 1000) break;
    }
    const stem = basename(job.name, extname(job.name)) || 'import';
    return { fileName: `${stem}-failed.csv`, csv: csvDocument([...headers, errorColumn], out), rows: out.length };
  }

  /** Every row of the file with its outcome, Kartra lead id and reason (result-csv.ts). */
  exportResult(jobId: string): { fileName: string; csv: string; rows: number } {
    return resultCsv(this.require(jobId), this.deps.rows, this.deps.pages);
  }

  /** The current account changed (or the app started): its interrupted jobs go on by themselves. */
  onAccountChange(): void {
    if (this.closed) return;
    const session = this.deps.connection.current();
    if (!session) return;
    for (const job of this.deps.jobs.resumable(session.account.id)) {
      try {
        this.runnerFor(job).start();
        this.beat();
      } catch (error) {
        this.deps.log.error('could not resume a job', { jobId: job.id, error });
      }
    }
  }

  /** Push the job's state now (status changes from the import service). */
  emitNow(jobId: string): void {
    clearTimeout(this.emitTimers.get(jobId));
    this.emitTimers.delete(jobId);
    const job = this.deps.jobs.get(jobId);
    if (!job || this.closed) return;
    const runner = this.runners.get(jobId);
    this.lastEmit.set(jobId, Date.now());
    this.deps.emit(runner?.isActive() ? toProgress(runner.record(), runner.live()) : toProgress(job));
  }

  /** Stops every runner; rows still in flight after `graceMs` are checked against Kartra at the next start. */
  async close(graceMs = 3_000): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const timer of this.emitTimers.values()) clearTimeout(timer);
    this.emitTimers.clear();
    const runners = [...this.runners.values()];
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(runners.map((r) => r.stop('detach'))),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    runners.forEach((r) => r.detach());
  }

  private runnerFor(job: JobRecord): JobRunner {
    if (this.closed) throw new AppError('internal', 'The app is closing.');
    const existing = this.runners.get(job.id);
    if (existing) return existing;
    const runner = new JobRunner(job, {
      jobs: this.deps.jobs,
      rows: this.deps.rows,
      pages: this.deps.pages,
      caller: () => {
        const session = this.deps.connection.current();
        return session && session.account.id === job.accountId ? session.client : undefined;
      },
      concurrency: this.deps.concurrency ?? 24,
      connectivity: this.deps.connectivity,
      slots: this.deps.slots,
      history: this.deps.history,
      cache: this.deps.cache,
      holdForCheck: this.deps.holdForCheck,
      log: this.deps.log,
      onChange: (urgent) => this.changed(job.id, urgent),
    });
    this.runners.set(job.id, runner);
    return runner;
  }

  /** Keeps progress flowing while any job runs: the limiter releases rows in bursts, the UI's rates should not freeze. */
  private beat(): void {
    if (this.heartbeat || this.closed) return;
    this.heartbeat = setInterval(() => {
      const running = [...this.runners.values()].filter((r) => r.isActive());
      if (running.length === 0) {
        clearInterval(this.heartbeat);
        this.heartbeat = undefined;
        return;
      }
      for (const runner of running) {
        if (runner.record().status === 'running' && Date.now() - (this.lastEmit.get(runner.jobId) ?? 0) >= HEARTBEAT_MS - 50) this.emitNow(runner.jobId);
      }
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private changed(jobId: string, urgent: boolean): void {
    if (this.closed) return;
    const since = Date.now() - (this.lastEmit.get(jobId) ?? 0);
    if (urgent || since >= EMIT_EVERY_MS) {
      this.emitNow(jobId);
      return;
    }
    if (this.emitTimers.has(jobId)) return;
    const timer = setTimeout(() => this.emitNow(jobId), EMIT_EVERY_MS - since);
    timer.unref();
    this.emitTimers.set(jobId, timer);
  }

  private notNow(job: JobRecord, what: string): AppError {
    return new AppError('invalid_input', `This job is ${job.status.replace('_', ' ')}; it cannot be ${what} now.`, { details: { field: 'jobId' } });
  }
}
