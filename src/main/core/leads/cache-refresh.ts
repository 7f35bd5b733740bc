// "Refresh from Kartra": reads every cached lead that came from a file (or, from Settings, every cached lead), one get_lead each on the limiter's bulk lane
// (user clicks and queued writes go first), replaces the cached copy, and marks the leads Kartra does not know.
// A small runner of its own: reads change nothing at Kartra, so they need neither the write queue nor the job runner.
import type { CacheRefreshState } from '../../../shared/domain/local-leads';
import type { ConnectionService } from '../connection/connection-service';
import { KartraApiError, TransportError } from '../kartra/errors';
import { isNotSent, isOfflineError } from '../connection/connectivity';
import { FILE_ID_PREFIX, type LeadCacheRepo } from '../store/lead-cache-repo';

/** Reads in the limiter's queue at once: enough to keep 20 starts a second busy, few enough to yield to other lanes. */
const IN_FLIGHT = 8;
const EMIT_EVERY_MS = 250;
/** get_lead's "no lead" (234), an action's "No lead found" (243), "Lead is deleted" (245). */
const UNKNOWN_TO_KARTRA = new Set(['234', '243', '245']);

export interface CacheRefreshDeps {
  connection: Pick<ConnectionService, 'require' | 'current'>;
  cache: Pick<LeadCacheRepo, 'fromFile' | 'all' | 'countFromFile' | 'put' | 'markMissing'>;
  emit: (state: CacheRefreshState) => void;
  /** The limiter's rate when nothing has been read yet (for the first ETA). */
  perSecond?: number;
}

export class CacheRefresh {
  private state: CacheRefreshState = { status: 'idle', total: 0, done: 0, found: 0, missing: 0, failed: 0, etaSec: null, fromFile: 0, error: null };
  private running?: Promise<void>;
  private lastEmit = 0;

  constructor(private readonly deps: CacheRefreshDeps) {}

  /** The current run (or the last one) with the account's count of leads still from a file. */
  current(): CacheRefreshState {
    const session = this.deps.connection.current();
    return { ...this.state, fromFile: session ? this.deps.cache.countFromFile(session.account.id) : 0 };
  }

  /** Starts a run over the leads from a file, or all cached leads (a second call while one runs returns its state). */
  start(scope: 'file' | 'all' = 'file'): CacheRefreshState {
    if (this.state.status === 'running') return this.current();
    const session = this.deps.connection.require();
    const todo = scope === 'all' ? this.deps.cache.all(session.account.id) : this.deps.cache.fromFile(session.account.id, Number.MAX_SAFE_INTEGER);
    this.state = { status: 'running', total: todo.length, done: 0, found: 0, missing: 0, failed: 0, etaSec: this.eta(todo.length, 0, 0), fromFile: todo.length, error: null };
    const started = Date.now();
    const accountId = session.account.id;
    let next = 0;
    const worker = async () => {
      while (this.state.status === 'running' && next < todo.length) {
        const item = todo[next++]!;
        // Another account was opened: its client is not this cache's Kartra.
        const now = this.deps.connection.current();
        if (now?.account.id !== accountId) return this.stop('The account was switched; refresh again to finish.');
        const ref = item.id.startsWith(FILE_ID_PREFIX) ? { email: item.email } : { id: item.id };
        try {
          const lead = await now.client.getLead(ref, { lane: 'bulk' });
          this.deps.cache.put(accountId, lead);
          this.state.found++;
        } catch (error) {
          if (error instanceof KartraApiError && UNKNOWN_TO_KARTRA.has(String(error.type))) {
            this.deps.cache.markMissing(accountId, item.id);
            this.state.missing++;
          } else if (isOfflineError(error) || isNotSent(error) || error instanceof TransportError) {
            // Nothing is lost: the lead stays "from a file" and the next refresh reads it.
            return this.stop('Kartra could not be reached; the leads not read yet stay as they were. Refresh again when online.');
          } else this.state.failed++;
        }
        this.state.done++;
        this.state.etaSec = this.eta(todo.length - this.state.done, this.state.done, (Date.now() - started) / 1000);
        this.emit(false);
      }
    };
    this.emit(true);
    this.running = Promise.all(Array.from({ length: Math.min(IN_FLIGHT, todo.length) }, worker)).then(() => {
      if (this.state.status === 'running') this.state = { ...this.state, status: 'done', etaSec: 0 };
      this.emit(true);
    });
    return this.current();
  }

  /** Resolves when no run is going (tests, shutdown). */
  async idle(): Promise<void> {
    await this.running;
  }

  close(): void {
    if (this.state.status === 'running') this.stop('The app closed during the refresh; refresh again to finish.');
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
    this.deps.emit(this.current());
  }
}
