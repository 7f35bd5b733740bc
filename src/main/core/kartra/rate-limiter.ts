// Per-App Kartra request scheduler: at most `limit` starts in any sliding window (widened by a guard margin learned
// from round trips, narrowed by the 429 back-off), priority lanes, pause-and-retry on 429.
import { LANES, type Lane, type LimiterState } from '../../../shared/domain/limiter';
import { AimdRate } from './aimd';
import { KartraApiError, RateLimitedError } from './errors';
import { GuardMargin } from './guard-margin';
import { LimiterClosedError, resolveLimiterOptions, type RateLimiterOptions, type ResolvedLimiterOptions } from './limiter-options';
import { LimiterStateEvents } from './limiter-state-events';
import type { Scheduler } from './types';

export { LimiterClosedError, resolveLimiterOptions, systemClock } from './limiter-options';
export type { LimiterClock, RateLimiterOptions, ResolvedLimiterOptions } from './limiter-options';

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
  /** Send to settling (answer or network failure): null while in flight. If it arrived at all, it was by then. */
  settledAfter: number | null;
  /** Started cold: its `at` becomes its answer time, which already bounds its arrival. */
  readonly cold: boolean;
}

/**
 * Without an answer in this long, connections may have to be opened again (keep-alive ends, TLS handshakes), so
 * a burst's arrival may lag its send by more than any spread learned on warm ones.
 */
const COLD_AFTER_MS = 5_000;

/** Idle (nothing queued or in flight) for more than this many windows, the next work starts as a burst (see start()). */
const IDLE_WINDOWS = 2;

/** The first window of bulk work spreads its starts this share of window/allowed apart: all of them within it. */
const BULK_PACE = 0.9;

interface Timer {
  readonly handle: unknown;
  readonly at: number;
}

export class RateLimiter implements Scheduler {
  readonly appId: string;
  private readonly opts: ResolvedLimiterOptions;
  private readonly events: LimiterStateEvents;
  private readonly queues: Record<Lane, Entry[]> = { interactive: [], outbox: [], bulk: [] };
  /** Start times of the last `limit` starts, for the state's "starts in the last second". */
  private readonly starts: number[] = [];
  /** When each of the last `limit` starts counts from: the window is timed from them (nextStartAt). */
  private readonly anchors: Anchor[] = [];
  private lastAnswerAt = -Infinity;
  /** Since when nothing has been queued or in flight (null: busy). A new limiter's first work is a burst too. */
  private idleSince: number | null = -Infinity;
  /** When the current run of work began after an idle spell of more than IDLE_WINDOWS windows. */
  private burstFrom = -Infinity;
  private readonly guard: GuardMargin;
  /** This client's share of the App's budget, lowered by 429s (another client of the same App ID). */
  private readonly share: AimdRate;
  private inFlight = 0;
  private count429 = 0;
  /** Read by the state events. */
  pausedUntil = 0;
  private seq = 0;
  closed = false;
  private pumping = false;
  private startTimer: Timer | null = null;

  constructor(options: RateLimiterOptions) {
    if (typeof options?.appId !== 'string' || options.appId.trim() === '') {
      throw new TypeError('RateLimiter needs a non-empty appId (one limiter per Kartra App)');
    }
    this.appId = options.appId;
    this.opts = resolveLimiterOptions(options);
    this.events = new LimiterStateEvents(this, options.onState, this.opts.clock, this.opts.windowMs, this.opts.log);
    this.guard = new GuardMargin(this.opts.safetyMarginMs, this.opts.windowMs);
    this.share = new AimdRate(this.opts.limit);
  }

  /** When the latest start was, for the state events' trailing emission. */
  get lastStartAt(): number | undefined {
    return this.starts[this.starts.length - 1];
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
      const now = this.opts.clock.now();
      if (this.idleSince !== null && now - this.idleSince > IDLE_WINDOWS * this.opts.windowMs) this.burstFrom = now;
      this.idleSince = null;
      this.queues[lane].push({ seq: this.seq++, lane, task, resolve: resolve as (value: unknown) => void, reject, attempts429: 0 });
      this.events.changed();
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
    this.events.clear();
    for (const lane of LANES) {
      const queue = this.queues[lane].splice(0);
      for (const entry of queue) entry.reject(new LimiterClosedError());
    }
    this.events.deliver(this.state()); // the status bar should not keep showing a queue that no longer exists
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
          // Nothing queued: idle from now on once nothing is in flight either (pump runs after every settle).
          if (this.inFlight === 0) this.idleSince ??= this.opts.clock.now();
          return;
        }
        const now = this.opts.clock.now();
        this.absorbClockJump(now);
        const at = this.nextStartAt(now, queue[0]?.lane);
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
  private nextStartAt(now: number, lane: Lane | undefined): number {
    const allowed = this.share.allowed;
    // The allowed-th latest end of an anchor's window must have passed before another start.
    const ends = this.anchors.length >= allowed ? this.anchors.map((a) => a.at + this.opts.windowMs + this.marginAfter(a, now)).sort((x, y) => y - x) : [];
    const at = ends[allowed - 1] ?? -Infinity;
    const lastStart = this.starts[this.starts.length - 1];
    const gap = this.paceGap(now, allowed, lane);
    const paced = gap > 0 && lastStart !== undefined ? lastStart + gap : -Infinity;
    return Math.max(at, paced, this.pausedUntil);
  }

  /**
   * How far apart starts are spread, in ms (0: as the window allows, in bursts).
   * - Sharing the App: one every window/allowed, so a burst after a pause does not meet the other client's full
   *   window at one instant.
   * - The first window of bulk work (a job starting, or resuming after two idle windows) at the full share: nearly as
   *   much (BULK_PACE). Each later start re-uses the slot of the one a window before, so a first window sent in one
   *   burst keeps the job's starts bunched for good: the window then has room only in the guard margin's few ms a
   *   second, another client of the App (a second import, the CLI) meets 429s on almost every try while this one
   *   never meets any and never learns it has company (the bench's late client starved at a share of 0.08, drawing
   *   3 % 429s). Spread once, the slots stay spread, and so does the room: the newcomer's calls get in, this client's
   *   next ones meet the 429s, and AIMD splits the budget. Spacing every start instead cost a lone client 2 % of
   *   its rate at 500 ms round trips in simulation (the window's own spacing varies with each start's margin) and
   *   drew 429s.
   * - Interactive and outbox work go in bursts: a profile's reads or a handful of edits should not queue behind
   *   each other for tens of ms.
   */
  private paceGap(now: number, allowed: number, lane: Lane | undefined): number {
    if (this.share.sharing) return this.opts.windowMs / allowed;
    return lane === 'bulk' && this.inFirstWindow(now) ? (BULK_PACE * this.opts.windowMs) / allowed : 0;
  }

  /** Whether `now` lies in the first window of work after an idle spell (burstFrom: see schedule()). */
  private inFirstWindow(now: number): boolean {
    return now - this.burstFrom < this.opts.windowMs;
  }

  /**
   * The margin to wait past `anchor`'s window. Its arrival lay between its send and its answer, so waiting its
   * round trip is always safe. The learned margin covers how much a *typical* trip's upstream leg varies; when a
   * round trip exceeds the typical one by more (a busy event loop on either side, a backlog at the server), that
   * whole excess may have been upstream, so it is the margin, up to the round trip itself. A request still unanswered long past
   * the typical round trip may arrive at any moment: its answer is awaited (Infinity: its settling pumps again).
   */
  private marginAfter(anchor: Anchor, now: number): number {
    const learned = this.guard.ms;
    if (anchor.settledAfter === null) return this.guard.isStall(now - anchor.at) ? Infinity : learned;
    if (anchor.cold) return this.guard.baseMs; // counted from its answer already
    const bound = this.guard.baseMs + anchor.settledAfter;
    // A network failure's arrival, if any, is bounded only by the failure.
    if (anchor.roundTrip === null) return bound;
    // Within the learned spread of the typical trip the margin holds; beyond it, the whole excess may be upstream.
    const excess = anchor.roundTrip - (this.guard.typicalRoundTripMs ?? 0);
    return Math.min(Math.max(learned, this.guard.baseMs + excess), bound);
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
    // So is the first window of work after an idle spell: the burst queued at once leaves the client one request
    // after another (tens of ms for 20), later than the sends it is counted from, while the spread learned on paced
    // starts is a few ms (bench:outbox drew 3–7 × 429 at the start of a replay without this).
    const cold = now - this.lastAnswerAt > COLD_AFTER_MS || this.inFirstWindow(now);
    this.idleSince = null;
    const anchor: Anchor = { at: cold ? Infinity : now, roundTrip: null, settledAfter: null, cold };
    // The start this one waited for: `allowed` places back, one window earlier.
    const previous = this.anchors[this.anchors.length - this.share.allowed];
    this.anchors.push(anchor);
    if (this.anchors.length > this.opts.limit) this.anchors.shift();
    this.inFlight++;
    this.events.changed();
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
        this.events.changed();
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
    anchor.settledAfter = Math.max(0, now - startedAt);
    if (!answered) return;
    anchor.roundTrip = now - startedAt;
    this.guard.addRoundTrip(anchor.roundTrip);
    if (previous?.roundTrip != null && startedAt - previous.at < 2 * this.opts.windowMs + this.guard.ms) {
      this.guard.add(anchor.roundTrip - previous.roundTrip);
    }
    this.lastAnswerAt = Math.max(this.lastAnswerAt, now);
  }

  private failed(entry: Entry, error: unknown, startedAt: number): void {
    if (!(error instanceof RateLimitedError)) {
      entry.reject(error); // not ours to handle: the caller gets the very same error
      this.events.changed();
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
    this.events.changed();
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
}
