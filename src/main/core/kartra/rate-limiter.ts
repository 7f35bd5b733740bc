// Per-App Kartra request scheduler: at most `limit` starts in any sliding window (widened by a guard margin learned
// from round trips, narrowed by the 429 back-off), priority lanes, pause-and-retry on 429.
import { LANES, type Lane, type LimiterState } from '../../../shared/domain/limiter';
import { AppError } from '../errors';
import { silentLogger, type Logger } from '../log';
import { AimdRate } from './aimd';
import { KartraApiError, RateLimitedError } from './errors';
import { GuardMargin } from './guard-margin';
import type { Scheduler } from './types';

/** Time source and timers; injectable so tests can drive the limiter deterministically. */
export interface LimiterClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: LimiterClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RateLimiterOptions {
  appId: string;
  /** Most starts allowed in any window (Kartra: 20 per second per App). */
  limit?: number;
  windowMs?: number;
  /** How long every lane waits after a 429 (Kartra advises 1 s). */
  pauseOn429Ms?: number;
  /** 429 retries per task; one more 429 after that is rethrown to the caller. */
  max429Retries?: number;
  /** Always added to the window, under the margin learned from round trips (guard-margin.ts). */
  safetyMarginMs?: number;
  /**
   * Lower this client's share of the window on 429 (aimd.ts); default true. False only where 429s are injected
   * at random (fault tests): they say nothing about another client, and the 1 s pause still applies.
   */
  backOff?: boolean;
  clock?: LimiterClock;
  onState?: (state: LimiterState) => void;
  log?: Logger;
}

export type ResolvedLimiterOptions = Required<Omit<RateLimiterOptions, 'appId' | 'onState'>>;

/** Rejection for requests still queued when the limiter is closed (shutdown, account switch); Kartra never processed them. */
export class LimiterClosedError extends AppError {
  constructor(cause?: unknown) {
    super('not_connected', 'The Kartra connection was closed (shutdown or account switch) before this request went through; Kartra did not process it.', {
      retryable: true,
      cause,
    });
  }
}

const STATE_INTERVAL_MS = 100; // onState at most ~10 times a second: the UI status bar needs no more

function checkNumber(name: string, value: unknown, min: number, integer: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new RangeError(`RateLimiter option ${name} must be ${integer ? 'an integer' : 'a finite number'} >= ${min}, got ${String(value)}`);
  }
  return value;
}

/** Fills in defaults and rejects impossible values with a message naming the option. */
export function resolveLimiterOptions(opts: Omit<RateLimiterOptions, 'appId' | 'onState'>): ResolvedLimiterOptions {
  return {
    limit: checkNumber('limit', opts.limit ?? 20, 1, true),
    windowMs: checkNumber('windowMs', opts.windowMs ?? 1000, 1, false),
    pauseOn429Ms: checkNumber('pauseOn429Ms', opts.pauseOn429Ms ?? 1000, 0, false),
    max429Retries: checkNumber('max429Retries', opts.max429Retries ?? 30, 0, true),
    safetyMarginMs: checkNumber('safetyMarginMs', opts.safetyMarginMs ?? 5, 0, false),
    backOff: opts.backOff ?? true,
    clock: opts.clock ?? systemClock,
    log: opts.log ?? silentLogger,
  };
}

interface Entry {
  /** Arrival order; keeps a lane FIFO even when several of its tasks come back with 429. */
  readonly seq: number;
  readonly lane: Lane;
  readonly task: () => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  attempts429: number;
}

/** A start as the window sees it: from its send time, or (cold) from its answer, Infinity while in flight. */
interface Anchor {
  at: number;
  /** Its round trip once answered; the next window's start in its place learns from the difference. */
  roundTrip: number | null;
}

/**
 * Without an answer in this long, connections may have to be opened again (keep-alive ends, TLS handshakes), so
 * a burst's arrival may lag its send by more than any spread learned on warm ones.
 */
const COLD_AFTER_MS = 5_000;

interface Timer {
  readonly handle: unknown;
  readonly at: number;
}

export class RateLimiter implements Scheduler {
  readonly appId: string;
  private readonly opts: ResolvedLimiterOptions;
  private readonly onState: ((state: LimiterState) => void) | undefined;
  private readonly queues: Record<Lane, Entry[]> = { interactive: [], outbox: [], bulk: [] };
  /** Start times of the last `limit` starts, for the state's "starts in the last second". */
  private readonly starts: number[] = [];
  /** When each of the last `limit` starts counts from: the window is timed from them (nextStartAt). */
  private readonly anchors: Anchor[] = [];
  private lastAnswerAt = -Infinity;
  private readonly guard: GuardMargin;
  /** This client's share of the App's budget, lowered by 429s (another client of the same App ID). */
  private readonly share: AimdRate;
  private inFlight = 0;
  private count429 = 0;
  private pausedUntil = 0;
  private seq = 0;
  private closed = false;
  private pumping = false;
  private startTimer: Timer | null = null;
  private stateTimer: (Timer & { settle: boolean }) | null = null;
  private emitQueued = false;
  private lastEmitAt = -Infinity;
  private lastEmitted = '';

  constructor(options: RateLimiterOptions) {
    if (typeof options?.appId !== 'string' || options.appId.trim() === '') {
      throw new TypeError('RateLimiter needs a non-empty appId (one limiter per Kartra App)');
    }
    this.appId = options.appId;
    this.opts = resolveLimiterOptions(options);
    this.onState = options.onState;
    this.guard = new GuardMargin(this.opts.safetyMarginMs, this.opts.windowMs);
    this.share = new AimdRate(this.opts.limit);
  }

  /** The margin now added to each window, in ms: safetyMarginMs plus what the round trips' spread asks for. */
  get guardMs(): number {
    return this.guard.ms;
  }

  /** Runs `task` when its lane's turn comes and the window allows; retries it itself on 429. The task is started synchronously when allowed right away. */
  schedule<T>(lane: Lane, task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new LimiterClosedError());
    if (!LANES.includes(lane)) {
      return Promise.reject(new TypeError(`Unknown limiter lane ${JSON.stringify(lane)}; expected one of: ${LANES.join(', ')}`));
    }
    if (typeof task !== 'function') return Promise.reject(new TypeError('RateLimiter.schedule needs a task function'));
    return new Promise<T>((resolve, reject) => {
      this.queues[lane].push({ seq: this.seq++, lane, task, resolve: resolve as (value: unknown) => void, reject, attempts429: 0 });
      this.changed();
      this.pump();
    });
  }

  state(): LimiterState {
    const now = this.opts.clock.now();
    const since = now - this.opts.windowMs;
    return {
      appId: this.appId,
      queued: { interactive: this.queues.interactive.length, outbox: this.queues.outbox.length, bulk: this.queues.bulk.length },
      inFlight: this.inFlight,
      startsLastSecond: this.starts.filter((s) => s > since).length,
      limit: this.share.allowed, // below the configured limit while 429s say another client shares the App
      count429: this.count429,
      pausedUntil: this.pausedUntil > now ? this.pausedUntil : null,
    };
  }

  /** Rejects every queued task with LimiterClosedError and clears all timers. Tasks already running finish normally. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.clearStartTimer();
    this.clearStateTimer();
    for (const lane of LANES) {
      const queue = this.queues[lane].splice(0);
      for (const entry of queue) entry.reject(new LimiterClosedError());
    }
    this.deliver(this.state()); // the status bar should not keep showing a queue that no longer exists
  }

  /** Starts as many queued tasks as the window and the pause allow, then arms one timer for the next allowed start. */
  private pump(): void {
    if (this.pumping) return; // a task started below called schedule(): the running loop will see its entry
    this.pumping = true;
    try {
      for (;;) {
        if (this.closed) return;
        const queue = LANES.map((lane) => this.queues[lane]).find((q) => q.length > 0);
        if (!queue) {
          this.clearStartTimer();
          return;
        }
        const now = this.opts.clock.now();
        this.absorbClockJump(now);
        const at = this.nextStartAt(now);
        if (at > now) {
          // Infinity: every slot is held by a request in flight; its answer pumps again.
          if (Number.isFinite(at)) this.armStartTimer(at, now);
          else this.clearStartTimer();
          return;
        }
        const entry = queue.shift();
        if (entry) this.start(entry, now);
      }
    } finally {
      this.pumping = false;
    }
  }

  /**
   * Earliest time a new start keeps at most `allowed` requests inside any of Kartra's windows. Kartra counts
   * *arrivals*; requests sent a window apart arrive a window apart give or take the spread of the upstream trip,
   * so the window is timed from send times and widened by the guard margin learned from that spread. Timing it
   * from answers instead (the earlier design) was safe without learning but cost one round trip per window.
   */
  private nextStartAt(now: number): number {
    const allowed = this.share.allowed;
    // The allowed-th latest anchor must leave the window before another start.
    const anchor = this.anchors.length >= allowed ? this.anchors.map((a) => a.at).sort((x, y) => y - x)[allowed - 1] : undefined;
    const at = anchor === undefined ? -Infinity : anchor + this.opts.windowMs + this.guard.ms;
    return Math.max(at, this.pausedUntil);
  }

  /** If the wall clock stepped backwards, recorded times lie in the future; clamp them so we wait at most one window, not the size of the jump. */
  private absorbClockJump(now: number): void {
    const last = this.starts[this.starts.length - 1];
    if (last !== undefined && last > now) {
      for (let i = 0; i < this.starts.length; i++) this.starts[i] = Math.min(this.starts[i] ?? now, now);
      for (const anchor of this.anchors) anchor.at = Math.min(anchor.at, now);
    }
    if (this.pausedUntil > now + this.opts.pauseOn429Ms) this.pausedUntil = now + this.opts.pauseOn429Ms;
  }

  private start(entry: Entry, now: number): void {
    this.starts.push(now);
    if (this.starts.length > this.opts.limit) this.starts.shift();
    // Cold (nothing answered lately): its arrival may lag by a connection set-up, so it counts from its answer,
    // as every start did before round trips were learned; warm starts count from their send time.
    const cold = now - this.lastAnswerAt > COLD_AFTER_MS;
    const anchor: Anchor = { at: cold ? Infinity : now, roundTrip: null };
    // The start this one waited for: `allowed` places back, one window earlier.
    const previous = this.anchors[this.anchors.length - this.share.allowed];
    this.anchors.push(anchor);
    if (this.anchors.length > this.opts.limit) this.anchors.shift();
    this.inFlight++;
    this.changed();
    let running: Promise<unknown>;
    try {
      running = Promise.resolve(entry.task());
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (value) => {
        this.settle(now, true, anchor, previous);
        this.share.answered(now);
        entry.resolve(value);
        this.changed();
        this.pump();
      },
      (error: unknown) => {
        // Kartra answered (an error or a 429): a round trip to learn from. A network failure is not one.
        this.settle(now, error instanceof KartraApiError || error instanceof RateLimitedError, anchor, previous);
        this.failed(entry, error, now);
        this.pump();
      },
    );
  }

  private settle(startedAt: number, answered: boolean, anchor: Anchor, previous: Anchor | undefined): void {
    this.inFlight--;
    const now = this.opts.clock.now();
    if (anchor.at === Infinity) anchor.at = Math.max(startedAt, now);
    if (!answered) return;
    anchor.roundTrip = now - startedAt;
    if (previous?.roundTrip != null && startedAt - previous.at < 2 * this.opts.windowMs + this.guard.ms) {
      this.guard.add(anchor.roundTrip - previous.roundTrip);
    }
    this.lastAnswerAt = Math.max(this.lastAnswerAt, now);
  }

  private failed(entry: Entry, error: unknown, startedAt: number): void {
    if (!(error instanceof RateLimitedError)) {
      entry.reject(error); // not ours to handle: the caller gets the very same error
      this.changed();
      return;
    }
    // Kartra's window is per App and shared with every other user of it, so one 429 means everyone must back off.
    const now = this.opts.clock.now();
    this.count429++;
    if (this.opts.backOff) this.share.rejected(startedAt, now);
    this.pausedUntil = Math.max(this.pausedUntil, now + this.opts.pauseOn429Ms);
    entry.attempts429++;
    this.opts.log.warn('Kartra rate limit hit; pausing every lane', {
      appId: this.appId,
      lane: entry.lane,
      attempt: entry.attempts429,
      count429: this.count429,
      pausedUntil: this.pausedUntil,
      allowed: this.share.allowed,
    });
    if (entry.attempts429 > this.opts.max429Retries) entry.reject(error);
    else if (this.closed) entry.reject(new LimiterClosedError(error));
    else this.requeueAtFront(entry);
    this.changed();
    this.pump();
  }

  /** Back to the front of its lane, but behind retried tasks that arrived before it, so the lane stays in arrival order. */
  private requeueAtFront(entry: Entry): void {
    const queue = this.queues[entry.lane];
    let i = 0;
    while (i < queue.length && (queue[i]?.seq ?? Infinity) < entry.seq) i++;
    queue.splice(i, 0, entry);
  }

  private armStartTimer(at: number, now: number): void {
    if (this.startTimer?.at === at) return;
    this.clearStartTimer();
    const handle = this.opts.clock.setTimeout(() => {
      this.startTimer = null;
      this.pump(); // a timer that fires a little early just re-arms for the remainder
    }, at - now);
    this.startTimer = { handle, at };
  }

  private clearStartTimer(): void {
    if (this.startTimer) this.opts.clock.clearTimeout(this.startTimer.handle);
    this.startTimer = null;
  }

  /** Something changed: emit now if the last emission is old enough, else once when it is (trailing, so the final state always arrives). */
  private changed(): void {
    if (!this.onState || this.closed) return;
    if (this.stateTimer && !this.stateTimer.settle) return; // a throttled emission is already due and will read the latest state
    this.clearStateTimer(); // a pending "settle" emission is superseded by this real change
    if (this.emitQueued) return;
    const now = this.opts.clock.now();
    const wait = this.lastEmitAt + STATE_INTERVAL_MS - now;
    if (wait <= 0) {
      // A microtask, so one synchronous burst (e.g. 20 starts in one pump) yields one consistent event.
      this.emitQueued = true;
      queueMicrotask(() => {
        this.emitQueued = false;
        this.emitState();
      });
    } else {
      this.armStateTimer(now + wait, now, false);
    }
  }

  private emitState(): void {
    if (this.closed) return;
    const state = this.state();
    this.deliver(state);
    // With nothing queued, no further change may come to show the window emptying or the pause ending:
    // emit once more when they have, so an idle status bar ends at "0 starts, not paused".
    const queued = state.queued.interactive + state.queued.outbox + state.queued.bulk;
    if (queued === 0 && (state.startsLastSecond > 0 || state.pausedUntil !== null)) {
      const now = this.opts.clock.now();
      const lastStart = this.starts[this.starts.length - 1] ?? now;
      const at = Math.max(lastStart + this.opts.windowMs, this.pausedUntil, this.lastEmitAt + STATE_INTERVAL_MS, now);
      this.armStateTimer(at, now, true);
    }
  }

  private deliver(state: LimiterState): void {
    const key = JSON.stringify(state);
    if (!this.onState || key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.lastEmitAt = this.opts.clock.now();
    try {
      this.onState(state);
    } catch (error) {
      this.opts.log.error('limiter state listener failed', { appId: this.appId, error });
    }
  }

  private armStateTimer(at: number, now: number, settle: boolean): void {
    this.clearStateTimer();
    const handle = this.opts.clock.setTimeout(() => {
      this.stateTimer = null;
      this.emitState();
    }, at - now);
    // Only a status update is pending: it must not keep a CLI process alive.
    (handle as { unref?: () => void } | null)?.unref?.();
    this.stateTimer = { handle, at, settle };
  }

  private clearStateTimer(): void {
    if (this.stateTimer) this.opts.clock.clearTimeout(this.stateTimer.handle);
    this.stateTimer = null;
  }
}
