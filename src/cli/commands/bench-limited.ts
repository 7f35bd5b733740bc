// Bench phase 1: the app's real KartraClient behind the real RateLimiter, every call queued at once.
import { performance } from 'node:perf_hooks';
import { KartraClient } from '../../main/core/kartra/client';
import { RateLimiter } from '../../main/core/kartra/rate-limiter';
import type { KartraCredentials } from '../../main/core/kartra/types';
import type { Logger } from '../../main/core/log';

/** Kartra's documented limit: 20 calls per second per App. */
export const KARTRA_LIMIT = 20;

export interface PhaseProgress {
  (phase: string, done: number, total: number, elapsedMs: number, count429: number): void;
}

export interface LimitedResult {
  calls: number;
  seconds: number;
  calls_per_s: number;
  limit: number;
  ratio: number;
  /** 429s the limiter met (and retried); from its own state. */
  count_429: number;
  /** Calls that ended in an error after the client's retries (Kartra refusals included). */
  errors: number;
  /** The limiter's learned guard margin and its share of the window at the end. */
  guard_ms: number;
  allowed: number;
}

/**
 * The three cheap reads the bench mixes, in turn: get_lead, search_lead, retrieve_account_tags (only that one
 * without an email). On the bulk lane: every call is queued at once, a backlog like an import's.
 */
function cheapCall(client: KartraClient, i: number, email: string): Promise<unknown> {
  const lane = { lane: 'bulk' } as const;
  if (email === '') return client.retrieveAccountTags(lane);
  if (i % 3 === 0) return client.getLead({ email }, lane);
  if (i % 3 === 1) return client.searchLead({ email }, lane);
  return client.retrieveAccountTags(lane);
}

export const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** Starts a once-a-second progress report; returns the function that stops it. */
export function everySecond(report: () => void): () => void {
  const timer = setInterval(report, 1000);
  return () => clearInterval(timer);
}

export async function runLimitedPhase(
  credentials: KartraCredentials,
  options: { calls: number; email: string; log: Logger; progress?: PhaseProgress },
): Promise<LimitedResult> {
  const limiter = new RateLimiter({ appId: credentials.appId, limit: KARTRA_LIMIT, log: options.log });
  const client = new KartraClient({ credentials, scheduler: limiter, log: options.log });
  let done = 0;
  let errors = 0;
  let firstError: unknown = null;
  const started = performance.now();
  const stop = everySecond(() => options.progress?.('limiter', done, options.calls, performance.now() - started, limiter.state().count429));
  try {
    // Every call enters the limiter's queue synchronously here: the limiter alone decides when each starts.
    const calls = Array.from({ length: options.calls }, (_, i) =>
      cheapCall(client, i, options.email).then(
        () => {
          done++;
        },
        (error: unknown) => {
          done++;
          errors++;
          firstError ??= error;
        },
      ),
    );
    await Promise.all(calls);
  } finally {
    stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const { count429, limit: allowed } = limiter.state();
  const guardMs = limiter.guardMs;
  limiter.close();
  await client.close();
  if (firstError !== null) options.log.warn('some bench calls failed', { errors, first: firstError });
  const perSecond = options.calls / seconds;
  return {
    calls: options.calls,
    seconds: round(seconds, 3),
    calls_per_s: round(perSecond, 2),
    limit: KARTRA_LIMIT,
    ratio: round(perSecond / KARTRA_LIMIT, 3),
    count_429: count429,
    errors,
    guard_ms: round(guardMs, 1),
    allowed,
  };
}
