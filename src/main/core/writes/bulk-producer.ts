// The write queue's bulk producer: reads one job's rows (import or recipe) from its file and journal and sends them
// on the bulk lane of the queue's slots — several rows in flight, each journaled before its call leaves, rows of
// the same lead never at once; in-flight rows of an earlier run are verified first; network loss waits on the one
// connectivity module. Every settled row goes to History and, once Kartra confirmed it, to the lead cache.
import { AppError } from '../errors';
import type { KartraCaller } from '../kartra/caller';
import type { Connectivity } from '../connection/connectivity';
import type { Logger } from '../log';
import type { JobCounts, JobRecord, JobRepo } from '../jobs/job-repo';
import { RateMeter, type LiveStats } from '../jobs/job-progress';
import { planner, type PlannedRow } from '../jobs/row-plans';
import type { Pages } from '../jobs/pages';
import { RowCursor } from '../jobs/row-cursor';
import type { RowRecord, RowRepo, Settlement, Step } from '../jobs/row-repo';
import type { CacheSync } from './cache-sync';
import type { WriteQueue } from './write-queue';
import type { HistoryRecorder } from './history-recorder';
import { recordRow } from './row-record';
import { leadKey, type LaneSlots } from './lane-slots';
import { firstStep, sendRow, type RowResult } from './row-sender';
import { gateRow, type GateResult } from './recipe-gate';
import { hasStepAction, stepQuestion } from './step-question';

export interface RunnerDeps {
  jobs: JobRepo;
  rows: RowRepo;
  pages: Pages;
  /** The client of the job's account while that account is current, else undefined. */
  caller: () => KartraCaller | undefined;
  concurrency: number;
  /** The app-wide online state: told what the rows see, waited on while Kartra cannot be reached. */
  connectivity: Pick<Connectivity, 'reportFailure' | 'reportSuccess' | 'whenOnline' | 'isOnline' | 'probeSoon'>;
  slots: LaneSlots;
  history: HistoryRecorder;
  cache: CacheSync;
  /** A part the lead cannot show (points, a booking) after a lost answer: held in the outbox for the user's check. */
  holdForCheck: WriteQueue['holdForCheck'];
  log: Logger;
  /** Something changed; `urgent` for status changes (otherwise the listener throttles). */
  onChange: (urgent: boolean) => void;
}

export type StopKind = 'pause' | 'cancel' | 'detach';

export const NETWORK_WAIT = 'Waiting for the network: Kartra cannot be reached. The job continues by itself when Kartra answers again.';

interface WorkItem {
  row: number;
  planned: PlannedRow;
  step: Step | null;
  recovering: boolean;
  leadId: string | null;
}

type PassEnd = 'finished' | 'stopped' | 'network' | 'no_account' | 'step_question';

export class JobRunner {
  private stopKind: StopKind | null = null;
  private wake: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private counts: JobCounts;
  private done = 0;
  private calls: number;
  private meter = new RateMeter();
  /** Lowest row handed back to "ready" in this pass: the resume point must not pass it. */
  private floor = Number.POSITIVE_INFINITY;
  private cursorRow: number;
  private lastSavedAt = 0;
  private detached = false;
  /** The first row's 230 explained, when the job paused on it. */
  private question: string | null = null;

  constructor(
    private job: JobRecord,
    private readonly deps: RunnerDeps,
  ) {
    this.counts = job.counts;
    this.calls = job.calls;
    this.cursorRow = job.cursorRow;
  }

  get jobId(): string {
    return this.job.id;
  }

  isActive(): boolean {
    return this.running !== null;
  }

  /** Starts the loop if it is not running; also cuts a network wait short (the user pressed resume). */
  start(): void {
    this.wake?.();
    if (this.running) return;
    this.stopKind = null;
    this.meter = new RateMeter();
    this.done = 0;
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Stops taking rows, lets the ones in flight finish, and records why it stopped. */
  async stop(kind: StopKind): Promise<void> {
    this.stopKind = kind;
    this.wake?.();
    await this.running;
  }

  /** The core is closing: after this, late answers no longer touch the database (their rows are re-checked next start). */
  detach(): void {
    this.detached = true;
  }

  live(): LiveStats {
    return { counts: this.counts, done: this.done, calls: this.calls, ...this.meter.rates() };
  }

  record(): JobRecord {
    return this.job;
  }

  private setStatus(patch: Parameters<JobRepo['update']>[1]): void {
    if (this.detached) return;
    this.deps.jobs.update(this.job.id, { ...patch, counts: this.counts, calls: this.calls, cursorRow: this.resumePoint() });
    this.job = this.deps.jobs.get(this.job.id) ?? this.job;
    this.deps.onChange(true);
  }

  private resumePoint(): number {
    return Math.max(1, Math.min(this.cursorRow, this.floor));
  }

  private async loop(): Promise<void> {
    try {
      this.setStatus({ status: 'running', pauseReason: null, error: null, startedAt: this.job.startedAt ?? Date.now() });
      for (;;) {
        const end = await this.pass();
        if (end === 'finished') {
          this.setStatus({ status: 'finished', finishedAt: Date.now(), error: null });
          return;
        }
        if (end === 'no_account') {
          this.setStatus({ status: 'paused', pauseReason: 'account', error: 'Paused while another Kartra account is open; it continues when this account is current again.' });
          return;
        }
        if (end === 'step_question') {
          this.setStatus({ status: 'paused', pauseReason: 'sequence_step', error: this.question });
          return;
        }
        if (end === 'stopped') break;
        this.setStatus({ status: 'paused', pauseReason: 'network', error: NETWORK_WAIT });
        if (!(await this.waitForKartra())) break;
        this.setStatus({ status: 'running', pauseReason: null, error: null });
      }
      const kind = this.stopKind;
      if (kind === 'pause') this.setStatus({ status: 'paused', pauseReason: 'user', error: null });
      else if (kind === 'cancel') this.setStatus({ status: 'cancelled', pauseReason: null, finishedAt: Date.now(), error: null });
      else if (!this.detached) this.save(true);
    } catch (error) {
      this.deps.log.error('job runner failed', { jobId: this.job.id, error });
      const known = error instanceof AppError && error.code !== 'internal';
      this.setStatus({
        status: 'failed',
        error: known ? error.message : 'The job stopped because of an internal error; the details were written to the log. Resume it to try again.',
      });
    }
  }

  /** One sweep: rows left in flight first, then every ready row from the resume point on. */
  private async pass(): Promise<PassEnd> {
    this.counts = this.countsFromDb();
    this.floor = Number.POSITIVE_INFINITY;
    const plan = planner(this.job);
    const recover: WorkItem[] = this.deps.rows.inFlight(this.job.id).map((rec) => this.item(rec.row, rec.fixed ?? this.deps.pages.cells(this.job.id, rec.row) ?? [], rec, plan, true));
    const cursor = new RowCursor(this.deps.rows, this.deps.pages, this.job, this.job.cursorRow);
    const active = new Set<Promise<void>>();
    const busy = new Set<string>();
    // The job's very first row goes alone when it carries a typed sequence step: a 230 on it pauses the job
    // before any other row leaves (step-question.ts).
    const sent = this.counts.created + this.counts.updated + this.counts.skipped + this.counts.failed;
    let first = recover.length === 0 && sent === 0;
    let waiting: WorkItem | null = null;
    // Written by finishing rows as well as by this loop.
    const state: { end: PassEnd } = { end: 'finished' };
    for (;;) {
      if (this.stopKind) {
        state.end = 'stopped';
        break;
      }
      if (state.end !== 'finished') break;
      const caller = this.deps.caller();
      if (!caller) {
        state.end = 'no_account';
        break;
      }
      if (active.size >= this.deps.concurrency) {
        await Promise.race(active);
        continue;
      }
      const next: WorkItem | null = waiting ?? recover.shift() ?? cursor.next((row, cells, rec) => this.item(row, cells, rec, plan, false));
      waiting = null;
      this.cursorRow = cursor.pageStart();
      if (!next) break;
      const key = 'plan' in next.planned ? next.planned.key : `row:${next.row}`;
      if (busy.has(key)) {
        // The same lead is on its way in another row: wait for it so the two calls cannot cross.
        waiting = next;
        await Promise.race(active);
        continue;
      }
      busy.add(key);
      const probe = first && 'plan' in next.planned && hasStepAction(next.planned.plan);
      if ('plan' in next.planned) first = false;
      const task: Promise<void> = this.process(caller, next, probe)
        .then((result) => {
          if (result !== 'ok' && state.end === 'finished') state.end = result;
        })
        .finally(() => {
          busy.delete(key);
          active.delete(task);
        });
      active.add(task);
      this.save(false);
      if (probe) await task;
    }
    await Promise.all(active);
    this.save(true);
    if (state.end === 'finished' && this.stopKind) return 'stopped';
    return state.end;
  }

  private item(row: number, cells: readonly string[], rec: RowRecord | undefined, plan: ReturnType<typeof planner>, recovering: boolean): WorkItem {
    return { row, planned: plan(row, cells, rec?.fixed != null), step: rec?.step ?? null, recovering, leadId: rec?.leadId ?? null };
  }

  private async process(caller: KartraCaller, item: WorkItem, probe: boolean): Promise<'ok' | 'network' | 'step_question'> {
    const jobId = this.job.id;
    if (!('plan' in item.planned)) {
      this.settle(item.row, { status: 'failed', outcome: `Not sent: ${item.planned.invalid}`, reason: 'invalid', leadId: null });
      return 'ok';
    }
    const { plan, key } = item.planned;
    const counting: KartraCaller = {
      call: (body, options) => {
        this.calls++;
        this.meter.call();
        return caller.call(body, options);
      },
    };
    const release = await this.deps.slots.acquire('bulk', leadKey(plan.lead ? { email: plan.lead.email } : { id: plan.ref.id, email: plan.ref.email }));
    let result: RowResult;
    // What was sent: the plan as the gate narrowed it (the fields to clear that held a value, and their values).
    let sent = plan;
    try {
      // A recipe's conditions are judged on a fresh read first; a row left in flight already passed them.
      const gate: GateResult = item.recovering ? { kind: 'go', plan, lead: null } : await gateRow(counting, plan);
      if (gate.kind === 'go') sent = gate.plan;
      const fresh = gate.kind === 'go' ? gate.lead : gate.kind === 'settled' ? gate.result.lead : null;
      if (fresh && !this.detached) this.deps.cache.read(this.job.accountId, fresh);
      result =
        gate.kind === 'settled'
          ? gate.result
          : gate.kind === 'not_sent'
            ? { kind: 'not_sent', error: gate.error }
            : await sendRow(
                counting,
                sent,
                item.step ?? firstStep(sent),
                { inFlight: (step) => !this.detached && this.deps.rows.markInFlight(jobId, item.row, step, key, item.leadId) },
                item.recovering,
              );
    } finally {
      release();
    }
    if (this.detached) return 'ok';
    if (result.kind === 'settled') {
      this.deps.connectivity.reportSuccess();
      this.settle(item.row, result.settlement);
      recordRow(this.deps, this.job, sent, result);
      this.question = probe ? stepQuestion(sent, result.parts) : null;
      return this.question ? 'step_question' : 'ok';
    }
    this.deps.connectivity.reportFailure(result.error);
    if (result.kind === 'not_sent') {
      this.deps.rows.runInTransaction(() => {
        this.deps.rows.backToReady(jobId, item.row);
        this.deps.jobs.lowerCursor(jobId, item.row);
      });
      this.floor = Math.min(this.floor, item.row);
    }
    return 'network';
  }

  private settle(row: number, settlement: Settlement): void {
    if (this.detached) return;
    this.deps.rows.settle(this.job.id, row, settlement);
    this.counts = { ...this.counts, ready: Math.max(0, this.counts.ready - 1), [settlement.status]: this.counts[settlement.status] + 1 };
    this.done++;
    this.meter.row();
    this.deps.onChange(false);
  }

  /** Persists counts, calls and the resume point a few times a second (and at the end of a pass). */
  private save(force: boolean): void {
    const now = Date.now();
    if (this.detached || (!force && now - this.lastSavedAt < 250)) return;
    this.lastSavedAt = now;
    this.deps.jobs.update(this.job.id, { counts: this.counts, calls: this.calls, cursorRow: this.resumePoint() });
  }

  private countsFromDb(): JobCounts {
    const byStatus = this.deps.rows.countByStatus(this.job.id);
    const n = (s: keyof typeof byStatus) => byStatus[s] ?? 0;
    const counts = { invalid: n('invalid'), excluded: n('excluded'), created: n('created'), updated: n('updated'), skipped: n('skipped'), failed: n('failed') };
    const settled = Object.values(counts).reduce((a, b) => a + b, 0);
    return { total: this.job.total, ready: Math.max(0, this.job.total - settled), ...counts };
  }

  /** Waits until the one connectivity module sees Kartra answer again; false when the job was stopped meanwhile. */
  private async waitForKartra(): Promise<boolean> {
    if (this.stopKind) return false;
    // A failure that did not take the app offline (the limiter closing, a refusal at the door): probe first.
    if (this.deps.connectivity.isOnline()) this.deps.connectivity.probeSoon(250);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const wait = this.deps.connectivity.whenOnline();
    this.wake = wait.cancel;
    await wait.promise;
    this.wake = null;
    return !this.stopKind;
  }
}
