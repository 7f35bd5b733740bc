// The rate limiter's state events for the status bar: throttled to ~10 a second, one event per synchronous burst,
// duplicates dropped, and a trailing event once an idle window has emptied or a pause has ended.
import type { LimiterState } from '../../../shared/domain/limiter';
import type { Logger } from '../log';
import type { LimiterClock } from './limiter-options';

const STATE_INTERVAL_MS = 100; // onState at most ~10 times a second: the UI status bar needs no more

/** What the events read from the limiter. */
export interface StateSource {
  readonly closed: boolean;
  readonly pausedUntil: number;
  readonly lastStartAt: number | undefined;
  state(): LimiterState;
}

interface Timer {
  readonly handle: unknown;
  readonly at: number;
}

export class LimiterStateEvents {
  private stateTimer: (Timer & { settle: boolean }) | null = null;
  private emitQueued = false;
  private lastEmitAt = -Infinity;
  private lastEmitted = '';

  constructor(
    private readonly source: StateSource,
    private readonly onState: ((state: LimiterState) => void) | undefined,
    private readonly clock: LimiterClock,
    private readonly windowMs: number,
    private readonly log: Logger,
  ) {}

  /** Something changed: emit now if the last emission is old enough, else once when it is (trailing, so the final state always arrives). */
  changed(): void {
    if (!this.onState || this.source.closed) return;
    if (this.stateTimer && !this.stateTimer.settle) return; // a throttled emission is already due and will read the latest state
    this.clear(); // a pending "settle" emission is superseded by this real change
    if (this.emitQueued) return;
    const now = this.clock.now();
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
    if (this.source.closed) return;
    const state = this.source.state();
    this.deliver(state);
    // With nothing queued, no further change may come to show the window emptying or the pause ending:
    // emit once more when they have, so an idle status bar ends at "0 starts, not paused".
    const queued = state.queued.interactive + state.queued.outbox + state.queued.bulk;
    if (queued === 0 && (state.startsLastSecond > 0 || state.pausedUntil !== null)) {
      const now = this.clock.now();
      const lastStart = this.source.lastStartAt ?? now;
      const at = Math.max(lastStart + this.windowMs, this.source.pausedUntil, this.lastEmitAt + STATE_INTERVAL_MS, now);
      this.armStateTimer(at, now, true);
    }
  }

  deliver(state: LimiterState): void {
    const key = JSON.stringify(state);
    if (!this.onState || key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.lastEmitAt = this.clock.now();
    try {
      this.onState(state);
    } catch (error) {
      this.log.error('limiter state listener failed', { appId: state.appId, error });
    }
  }

  private armStateTimer(at: number, now: number, settle: boolean): void {
    this.clear();
    const handle = this.clock.setTimeout(() => {
      this.stateTimer = null;
      this.emitState();
    }, at - now);
    // Only a status update is pending: it must not keep a CLI process alive.
    (handle as { unref?: () => void } | null)?.unref?.();
    this.stateTimer = { handle, at, settle };
  }

  clear(): void {
    if (this.stateTimer) this.clock.clearTimeout(this.stateTimer.handle);
    this.stateTimer = null;
  }
}
