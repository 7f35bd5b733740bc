// `bench rate` against its own sandbox: one row per round trip (± jitter) with the rate measured at the sandbox,
// and a contention row where two processes with one App ID share Kartra's window.
import { spawn } from 'node:child_process';
import { DEMO_LEAD_EMAIL, startSandbox, sustainedRate, zero429Ceiling, type SandboxArrival } from '../../main/core/sandbox';
import type { KartraCredentials } from '../../main/core/kartra/types';
import type { Logger } from '../../main/core/log';
import { KARTRA_LIMIT, round, runLimitedPhase, type LimitedResult } from './bench-limited';

export const TABLE_ROUND_TRIPS_MS = [0, 100, 250, 500];
export const TABLE_JITTER = 0.2;

export interface RateRow {
  round_trip_ms: number;
  jitter: number;
  calls: number;
  /** Accepted arrivals at the sandbox after the first full window, per second of the time they span. */
  sustained_per_s: number;
  ratio_to_20: number;
  ceiling_per_s: number;
  ratio_to_ceiling: number;
  count_429: number;
  errors: number;
  guard_ms: number;
}

export interface ContentionRow {
  round_trip_ms: number;
  jitter: number;
  calls_per_client: number;
  /** Over the time both clients were sending, after the first full window. */
  combined_per_s: number;
  ratio_to_ceiling: number;
  shares: number[];
  count_429: number;
  share_429: number;
  /** Calls that ended without a result (errors after retries) or never answered. */
  lost: number;
}

export interface TableOptions {
  calls: number;
  contentionCalls: number;
  contentionRoundTripMs: number;
  log: Logger;
  progress: (line: string) => void;
  /** Starts one client in another process; resolves with its phase result. */
  spawnClient: (credentials: KartraCredentials, calls: number) => Promise<LimitedResult>;
}

/** A fresh strict sandbox with the network set, recording every arrival. */
async function sandboxAt(roundTripMs: number, jitter: number) {
  const arrivals: SandboxArrival[] = [];
  const half = roundTripMs / 2;
  const sandbox = await startSandbox({
    rate: KARTRA_LIMIT,
    faults: { upstreamMs: half, downstreamMs: half, jitter },
    onArrival: (a) => arrivals.push(a),
  });
  const account = (i: number): KartraCredentials => {
    const a = sandbox.accounts[i];
    if (!a) throw new Error('the sandbox started without its accounts');
    return { apiUrl: sandbox.url, appId: a.appId, apiKey: a.apiKey, apiPassword: a.apiPassword };
  };
  return { sandbox, arrivals, account };
}

export async function runRateRow(roundTripMs: number, jitter: number, calls: number, log: Logger): Promise<RateRow> {
  const { sandbox, arrivals, account } = await sandboxAt(roundTripMs, jitter);
  try {
    const result = await runLimitedPhase(account(0), { calls, email: DEMO_LEAD_EMAIL, log });
    const rate = sustainedRate(arrivals.filter((a) => a.accepted).map((a) => a.at));
    const ceiling = zero429Ceiling(KARTRA_LIMIT, roundTripMs / 2, jitter);
    return {
      round_trip_ms: roundTripMs,
      jitter,
      calls,
      sustained_per_s: round(rate, 2),
      ratio_to_20: round(rate / KARTRA_LIMIT, 3),
      ceiling_per_s: round(ceiling, 2),
      ratio_to_ceiling: round(rate / ceiling, 3),
      count_429: arrivals.filter((a) => !a.accepted).length,
      errors: result.errors,
      guard_ms: result.guard_ms,
    };
  } finally {
    await sandbox.close();
  }
}

export async function runContentionRow(options: TableOptions): Promise<ContentionRow> {
  const roundTripMs = options.contentionRoundTripMs;
  const { sandbox, arrivals, account } = await sandboxAt(roundTripMs, TABLE_JITTER);
  try {
    // Two installs of one App: the demo and the agency account share app_id, so they share Kartra's window.
    const clients = [account(0), account(1)];
    const results = await Promise.all(clients.map((c) => options.spawnClient(c, options.contentionCalls)));
    const byClient = clients.map((c) => arrivals.filter((a) => a.apiKey === c.apiKey));
    const firstOf = byClient.map((list) => Math.min(...list.map((a) => a.at)));
    const lastOf = byClient.map((list) => Math.max(...list.map((a) => a.at)));
    // Only while both send: a client left alone is a single client again.
    const from = Math.max(...firstOf);
    const to = Math.min(...lastOf);
    const both = arrivals.filter((a) => a.accepted && a.at >= from && a.at <= to);
    const rate = sustainedRate(both.map((a) => a.at));
    const count429 = arrivals.filter((a) => !a.accepted).length;
    const answered = results.reduce((n, r) => n + r.calls - r.errors, 0);
    return {
      round_trip_ms: roundTripMs,
      jitter: TABLE_JITTER,
      calls_per_client: options.contentionCalls,
      combined_per_s: round(rate, 2),
      ratio_to_ceiling: round(rate / zero429Ceiling(KARTRA_LIMIT, roundTripMs / 2, TABLE_JITTER), 3),
      shares: clients.map((c) => round(both.filter((a) => a.apiKey === c.apiKey).length / Math.max(1, both.length), 3)),
      count_429: count429,
      share_429: round(count429 / (2 * options.contentionCalls), 4),
      lost: 2 * options.contentionCalls - answered,
    };
  } finally {
    await sandbox.close();
  }
}

export async function runRateTable(options: TableOptions): Promise<{ rows: RateRow[]; contention: ContentionRow }> {
  const rows: RateRow[] = [];
  for (const roundTrip of TABLE_ROUND_TRIPS_MS) {
    options.progress(`bench rate: ${options.calls} calls at ${roundTrip} ms ± ${TABLE_JITTER * 100} % …`);
    rows.push(await runRateRow(roundTrip, TABLE_JITTER, options.calls, options.log));
  }
  options.progress(`bench rate: two processes × ${options.contentionCalls} calls on one App ID at ${options.contentionRoundTripMs} ms ± ${TABLE_JITTER * 100} % …`);
  const contention = await runContentionRow(options);
  options.progress(formatTable(rows, contention));
  return { rows, contention };
}

export function formatTable(rows: RateRow[], c: ContentionRow): string {
  const lines = [
    '| round trip (±20 %) | calls/s at the sandbox | ratio to 20 | ceiling 20/(1+2·j·u) | ratio to ceiling | 429s |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.round_trip_ms} ms | ${r.sustained_per_s} | ${r.ratio_to_20} | ${r.ceiling_per_s} | ${r.ratio_to_ceiling} | ${r.count_429} |`),
    '',
    '| contention | combined calls/s | ratio to ceiling | shares | 429s | lost |',
    '|---|---|---|---|---|---|',
    `| 2 processes, one App ID, ${c.round_trip_ms} ms ±20 % | ${c.combined_per_s} | ${c.ratio_to_ceiling} | ${c.shares.join(' / ')} | ${c.count_429} (${round(c.share_429 * 100, 2)} % of calls) | ${c.lost} |`,
  ];
  return lines.join('\n');
}

/** Runs `bench share` in a child process of the same CLI (same runtime and loader) and reads its JSON answer. */
export function spawnCliClient(credentials: KartraCredentials, calls: number): Promise<LimitedResult> {
  const script = process.argv[1];
  if (!script) return Promise.reject(new Error('cannot tell which CLI script to start for the second client'));
  const args = [...process.execArgv, script, 'bench', 'share', '--calls', String(calls)];
  // Secrets go to the child in its environment: a command line is visible to every user of the machine.
  const env = {
    ...process.env,
    KARTRA_API_URL: credentials.apiUrl,
    KARTRA_APP_ID: credentials.appId,
    KARTRA_API_KEY: credentials.apiKey,
    KARTRA_API_PASSWORD: credentials.apiPassword,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        const parsed = JSON.parse(out) as LimitedResult & { ok?: boolean };
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(parsed);
      } catch (error) {
        reject(new Error(`the second bench client failed (${(error as Error).message}): ${err.slice(-500)}`));
      }
    });
  });
}
