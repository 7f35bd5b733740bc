// "Check against Kartra" for an import's plan: one get_lead per email the plan does not know yet, on the limiter's
// bulk lane (user clicks and queued writes go first), cancellable. Found → Existing (and Kartra's copy goes into the
// lead cache); "no such lead" → New; any other failure → Unknown with its reason, never guessed.
// Reads change nothing at Kartra, so — like the cache refresh — they need neither the write queue nor the job runner.
import type { PlanCheckState } from '../../../shared/domain/import';
import type { ConnectionService } from '../connection/connection-service';
import { isNotSent, isOfflineError } from '../connection/connectivity';
import { AppError } from '../errors';
import { KartraApiError } from '../kartra/errors';
import { describeKartraError, isLeadNotFound } from '../kartra/error-codes';
import type { LeadCacheRepo } from '../store/lead-cache-repo';
import type { PlanLookups } from './plan-lookups';

/** Reads in the limiter's queue at once: enough to keep 20 starts a second busy, few enough to yield to other lanes. */
const IN_FLIGHT = 8;
const EMIT_EVERY_MS = 250;

export interface KartraCheckDeps {
  connection: Pick<ConnectionService, 'require' | 'current'>;
  cache: Pick<LeadCacheRepo, 'put'>;
  lookups: PlanLookups;
  emit: (state: PlanCheckState) => void;
  /** The limiter's rate when nothing has been read yet (for the first ETA). */
  perSecond?: number;
}

const idle = (jobId: string | null): PlanCheckState => ({ jobId, status: 'idle', total: 0, done: 0, found: 0, missing: 0, failed: 0, etaSec: null, error: null });

export class KartraCheck {
  private state: PlanCheckState = idle(null);
  private running?: Promise<void>;
  private lastEmit = 0;

  constructor(private readonly deps: KartraCheckDeps) {}

  /** The run of this job (running or the last one), else idle. */
  current(jobId: string): PlanCheckState {
    return this.state.jobId === jobId ? { ...this.state } : idle(jobId);
  }

  /** Starts looking up `emails` (the plan's unchecked and unknown rows); a second call for the same job returns its state. */
  start(jobId: string, emails: readonly string[]): PlanCheckState {
    if (this.state.status === 'running' || this.state.status === 'cancelling') {
      if (this.state.jobId === jobId) return this.current(jobId);
      throw new AppError('conflict', 'Another import is being checked against Kartra; wait for it or cancel it first.', { details: { field: 'jobId' } });
    }
    const session = this.deps.connection.require();
    const accountId = session.account.id;
    this.state = { ...idle(jobId), status: emails.length > 0 ? 'running' : 'done', total: emails.length, etaSec: this.eta(emails.length, 0, 0) };
    if (emails.length === 0) return this.current(jobId);
    const started = Date.now();
    let next = 0;
    const worker = async () => {
      while (this.state.status === 'running' && next < emails.length) {
        const email = emails[next++]!;
        // Another account was opened: its client is not this import's Kartra.
        const now = this.deps.connection.current();
        if (now?.account.id !== accountId) return this.stop('The account was switched; check again to finish.');
        try {
          const lead = await now.client.getLead({ email }, { lane: 'bulk' });
          this.deps.cache.put(accountId, lead);
          this.deps.lookups.record(jobId, email, { found: true });
          this.state.found++;
        } catch (error) {
          if (error instanceof KartraApiError && isLeadNotFound(error.type)) {
            this.deps.lookups.record(jobId, email, { found: false });
            this.state.missing++;
          } else if (isOfflineError(error) || isNotSent(error)) {
            // Not asked: the row stays unchecked, and the next check asks again.
            return this.stop('Kartra could not be reached; the rows not checked yet stay unchecked. Check again when online.');
          } else {
            this.deps.lookups.record(jobId, email, { error: reason(error) });
            this.state.failed++;
          }
        }
        this.state.done++;
        this.state.etaSec = this.eta(emails.length - this.state.done, this.state.done, (Date.now() - started) / 1000);
        this.emit(false);
      }
    };
    this.emit(true);
    this.running = Promise.all(Array.from({ length: Math.min(IN_FLIGHT, emails.length) }, worker)).then(() => {
      if (this.state.status === 'running') this.state = { ...this.state, status: 'done', etaSec: 0 };
      if (this.state.status === 'cancelling') this.state = { ...this.state, status: 'cancelled' };
      this.deps.lookups.save(jobId);
      this.emit(true);
    });
    return this.current(jobId);
  }

  /** Stops taking new look-ups; the few already in the limiter's queue finish and count, then it is cancelled. */
  cancel(jobId: string): PlanCheckState {
    if (this.state.jobId === jobId && this.state.status === 'running') {
      this.state = { ...this.state, status: 'cancelling', etaSec: null };
      this.emit(true);
    }
    return this.current(jobId);
  }

  /** Resolves when no run is going (tests, shutdown). */
  async idle(): Promise<void> {
    await this.running;
  }

  close(): void {
    this.stop('The app closed during the check; check again to finish.');
  }

  private stop(error: string): void {
    if (this.state.status !== 'running') return;
    this.state = { ...this.state, status: 'stopped', etaSec: null, error };
  }

  /** Seconds left at the rate measured so far; the limiter's rate before the first second. */
  private eta(left: number, done: number, elapsedSec: number): number {
    const rate = elapsedSec >= 1 && done > 0 ? done / elapsedSec : (this.deps.perSecond ?? 20);
    return Math.ceil(left / rate);
  }

  private emit(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastEmit < EMIT_EVERY_MS) return;
    this.lastEmit = now;
    this.deps.emit({ ...this.state });
  }
}

function reason(error: unknown): string {
  if (error instanceof KartraApiError) return describeKartraError(error.type, error.kartraMessage).message;
  if (error instanceof AppError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
