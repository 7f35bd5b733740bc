// Bench phase 2, for comparison: concurrency-only (p-limit 20) around plain undici requests — no window, no retry.
import { performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import { Agent, request } from 'undici';
import { phpBuildQuery, type PhpObject } from '../../main/core/kartra/php-encode';
import type { KartraCredentials } from '../../main/core/kartra/types';
import type { Logger } from '../../main/core/log';
import { everySecond, KARTRA_LIMIT, round, type PhaseProgress } from './bench-limited';

export const NAIVE_CONCURRENCY = 20;

export interface NaiveResult {
  calls: number;
  concurrency: number;
  seconds: number;
  /** Answers with HTTP 429: calls Kartra refused. */
  count_429: number;
  /** Answers with HTTP 200: calls that did something. */
  useful_calls: number;
  /** useful_calls / seconds. Over a run shorter than Kartra's 1 s window this overstates what could be sustained. */
  useful_per_s: number;
  ratio: number;
  /** useful_calls / calls: without retries, every other call is simply lost. */
  useful_share: number;
  /** Other statuses and network failures. */
  other_failures: number;
}

/** The same three cheap reads as phase 1, as raw Kartra bodies. */
function cheapBody(i: number, email: string): PhpObject {
  if (i % 3 === 0) return { get_lead: { email } };
  if (i % 3 === 1) return { lead: { email }, actions: [{ cmd: 'search_lead' }] };
  return { actions: [{ cmd: 'retrieve_account_tags' }] };
}

export async function runNaivePhase(
  credentials: KartraCredentials,
  options: { calls: number; email: string; log: Logger; progress?: PhaseProgress },
): Promise<NaiveResult> {
  const agent = new Agent({ connections: NAIVE_CONCURRENCY });
  const limit = pLimit(NAIVE_CONCURRENCY);
  const auth = { app_id: credentials.appId, api_key: credentials.apiKey, api_password: credentials.apiPassword };
  let done = 0;
  let useful = 0;
  let rejected = 0;
  let other = 0;
  let firstFailure: unknown = null;
  const send = async (i: number) => {
    try {
      const res = await request(credentials.apiUrl, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: phpBuildQuery({ ...auth, ...cheapBody(i, options.email) }),
      });
      await res.body.text();
      if (res.statusCode === 200) useful++;
      else if (res.statusCode === 429) rejected++;
      else {
        other++;
        firstFailure ??= `HTTP ${res.statusCode}`;
      }
    } catch (error) {
      other++;
      firstFailure ??= error;
    } finally {
      done++;
    }
  };
  const started = performance.now();
  const stop = everySecond(() => options.progress?.('naive', done, options.calls, performance.now() - started, rejected));
  try {
    await Promise.all(Array.from({ length: options.calls }, (_, i) => limit(() => send(i))));
  } finally {
    stop();
    await agent.close();
  }
  const seconds = (performance.now() - started) / 1000;
  if (firstFailure !== null) options.log.warn('some naive bench calls failed', { other, first: firstFailure });
  const usefulPerSecond = useful / seconds;
  return {
    calls: options.calls,
    concurrency: NAIVE_CONCURRENCY,
    seconds: round(seconds, 3),
    count_429: rejected,
    useful_calls: useful,
    useful_per_s: round(usefulPerSecond, 2),
    ratio: round(usefulPerSecond / KARTRA_LIMIT, 3),
    useful_share: round(useful / options.calls, 3),
    other_failures: other,
  };
}
