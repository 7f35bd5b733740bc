// One RateLimiter per Kartra app_id, shared by every account that uses that App (Kartra counts calls per App).
import type { LimiterState } from '../../../shared/domain/limiter';
import { RateLimiter, resolveLimiterOptions, type RateLimiterOptions, type ResolvedLimiterOptions } from './rate-limiter';

export type LimiterRegistryOptions = Omit<RateLimiterOptions, 'appId' | 'onState'> & {
  /** Receives every limiter's state; `state.appId` tells them apart. */
  onState?: (state: LimiterState) => void;
};

export class LimiterRegistry {
  private readonly limiters = new Map<string, RateLimiter>();
  private readonly options: ResolvedLimiterOptions;
  private readonly onState: ((state: LimiterState) => void) | undefined;

  constructor(opts: LimiterRegistryOptions = {}) {
    // Validate now, so a bad setting fails at startup rather than at the first Kartra call.
    this.options = resolveLimiterOptions(opts);
    this.onState = opts.onState;
  }

  /** The App's limiter, created on first use. */
  get(appId: string): RateLimiter {
    if (typeof appId !== 'string' || appId.trim() === '') {
      throw new TypeError('LimiterRegistry.get needs a non-empty appId');
    }
    let limiter = this.limiters.get(appId);
    if (!limiter) {
      const onState = this.onState;
      limiter = new RateLimiter({ ...this.options, appId, ...(onState ? { onState } : {}) });
      this.limiters.set(appId, limiter);
    }
    return limiter;
  }

  /** Current state of every limiter, for a window that (re)loads and must not wait for the next event. */
  states(): LimiterState[] {
    return [...this.limiters.values()].map((limiter) => limiter.state());
  }

  /** Closes every limiter (queued tasks are rejected with LimiterClosedError); later get() calls create fresh ones. */
  closeAll(): void {
    const limiters = [...this.limiters.values()];
    this.limiters.clear();
    for (const limiter of limiters) limiter.close();
  }
}
