// Shared Kartra client types: where calls go and under which credentials.
export interface KartraCredentials {
  /** https://app.kartra.com/api, or http://127.0.0.1:PORT/api for the sandbox (loopback only). */
  apiUrl: string;
  appId: string;
  apiKey: string;
  apiPassword: string;
}

import type { Lane } from '../../../shared/domain/limiter';

/**
 * What the client needs from the rate limiter: run `task` (one HTTP request) when the lane's turn
 * comes and the 20-starts-per-second window allows it. The limiter retries the task itself when it
 * throws RateLimitedError (after pausing every lane >= 1 s), so callers never see a 429 unless the
 * limiter gives up after its bounded number of attempts.
 */
export interface Scheduler {
  schedule<T>(lane: Lane, task: () => Promise<T>): Promise<T>;
}
