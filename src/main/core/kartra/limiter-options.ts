// The rate limiter's options (with defaults and checks), its injectable clock, and the error for requests a closed
// limiter never started.
import type { LimiterState } from '../../../shared/domain/limiter';
import { AppError } from '../errors';
import { silentLogger, type Logger } from '../log';

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
