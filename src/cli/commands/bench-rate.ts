// `bench rate`: how close the real client + RateLimiter gets to Kartra's 20 calls/s without 429s, next to a naive client.
import { startSandbox, DEMO_LEAD_EMAIL, type RunningSandbox, type SandboxFaults, type SandboxStats } from '../../main/core/sandbox';
import type { KartraCredentials } from '../../main/core/kartra/types';
import { silentLogger, type Logger } from '../../main/core/log';
import { bool, int, parseFlags, str, UsageError } from '../args';
import { readAccount } from '../account-flags';
import type { Command } from '../context';
import { KARTRA_LIMIT, runLimitedPhase, type LimitedResult, type PhaseProgress } from './bench-limited';
import { runNaivePhase, type NaiveResult } from './bench-naive';
import { runRateTable, spawnCliClient } from './bench-table';
import { checkEmail } from './lead-flags';
import { networkFlags } from './sandbox';

export const DEFAULT_BENCH_CALLS = 1200;

export interface BenchRateOptions {
  /** Calls per phase; default 1200. */
  calls?: number;
  /** Where to send them; absent = a fresh strict in-memory sandbox (rate 20, no faults) started and stopped here. */
  target?: KartraCredentials & { adminToken?: string };
  /** The lead get_lead/search_lead read; default the sandbox's demo lead. */
  email?: string;
  /** Pause between the phases so Kartra's window is empty again; at least 1000 ms, default 1100. */
  pauseMs?: number;
  /** Own sandbox only: its network (upstreamMs, downstreamMs, jitter); default none. */
  network?: SandboxFaults;
  log?: Logger;
  /** Human progress lines (the CLI sends them to stderr). */
  progress?: (line: string) => void;
}

export interface BenchRateResult {
  target: 'own-sandbox' | 'url';
  network: SandboxFaults | null;
  /** 429s as the sandbox counted them (null when the target's stats cannot be read): the cross-check. */
  limiter: LimitedResult & { sandbox_count_429: number | null };
  naive: NaiveResult & { sandbox_count_429: number | null };
}

/** Runs both phases against the same target, one after the other. */
export async function runBenchRate(options: BenchRateOptions = {}): Promise<BenchRateResult> {
  const calls = options.calls ?? DEFAULT_BENCH_CALLS;
  if (!Number.isInteger(calls) || calls < 1) throw new RangeError(`bench calls must be a whole number >= 1, got ${calls}`);
  const pauseMs = Math.max(1000, options.pauseMs ?? 1100);
  const log = options.log ?? silentLogger;
  const say = options.progress ?? (() => {});
  if (options.target && options.network !== undefined) throw new RangeError("network applies to the bench's own sandbox only");
  const network = options.network ?? {};
  const own = options.target ? null : await startSandbox({ rate: KARTRA_LIMIT, faults: network });
  try {
    const credentials = own ? demoCredentials(own) : (options.target as KartraCredentials);
    const count429 = statsReader(own, options.target);
    const phase = { calls, email: options.email ?? DEMO_LEAD_EMAIL, log, progress: progressLine(say) };

    const net = `${network.upstreamMs ?? 0}:${network.downstreamMs ?? 0} ms ±${(network.jitter ?? 0) * 100} %`;
    const where = own ? `a fresh sandbox at ${own.url} (rate ${KARTRA_LIMIT}/s, latency ${net})` : credentials.apiUrl;
    say(`bench rate: ${calls} calls per phase against ${where}`);
    const before1 = await count429(credentials.appId);
    const limiter = await runLimitedPhase(credentials, phase);
    const after1 = await count429(credentials.appId);
    say(`limiter: ${limiter.calls} calls in ${limiter.seconds} s = ${limiter.calls_per_s}/s, ${limiter.count_429} × 429; pausing ${pauseMs} ms`);

    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const before2 = await count429(credentials.appId);
    const naive = await runNaivePhase(credentials, phase);
    const after2 = await count429(credentials.appId);
    say(`naive: ${naive.useful_calls} useful of ${naive.calls} in ${naive.seconds} s = ${naive.useful_per_s}/s, ${naive.count_429} × 429`);

    const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
    return {
      target: own ? 'own-sandbox' : 'url',
      network: own ? network : null,
      limiter: { ...limiter, sandbox_count_429: delta(before1, after1) },
      naive: { ...naive, sandbox_count_429: delta(before2, after2) },
    };
  } finally {
    await own?.close();
  }
}

function demoCredentials(sandbox: RunningSandbox): KartraCredentials {
  const demo = sandbox.accounts[0];
  if (!demo) throw new Error('the sandbox started without its demo account');
  return { apiUrl: sandbox.url, appId: demo.appId, apiKey: demo.apiKey, apiPassword: demo.apiPassword };
}

/** The target's own count of 429s for an App: in-process for our sandbox, over /__admin/stats with an admin token. */
function statsReader(own: RunningSandbox | null, target: BenchRateOptions['target']): (appId: string) => Promise<number | null> {
  const pick = (stats: SandboxStats, appId: string) => stats.byApp[appId]?.count429 ?? 0;
  if (own) return async (appId) => pick(own.stats(), appId);
  const token = target?.adminToken;
  if (!target || !token) return async () => null;
  const url = new URL('/__admin/stats', target.apiUrl);
  return async (appId) => {
    const res = await fetch(url, { method: 'POST', headers: { 'x-sandbox-admin': token, 'content-type': 'application/json' }, body: '{}' });
    const body = (await res.json()) as { ok?: boolean; value?: SandboxStats; error?: string };
    if (!res.ok || body.ok !== true || !body.value) throw new Error(`the sandbox's /__admin/stats answered HTTP ${res.status}: ${body.error ?? 'no stats'}`);
    return pick(body.value, appId);
  };
}

function progressLine(say: (line: string) => void): PhaseProgress {
  return (phase, done, total, elapsedMs, count429) => {
    const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
    say(`${phase}: ${done}/${total} answered, ${rate.toFixed(1)}/s, ${count429} × 429`);
  };
}

const OPTIONS = {
  calls: { type: 'string' },
  email: { type: 'string' },
  url: { type: 'string' },
  'app-id': { type: 'string' },
  'api-key': { type: 'string' },
  'api-password': { type: 'string' },
  'admin-token': { type: 'string' },
  latency: { type: 'string' },
  jitter: { type: 'string' },
  table: { type: 'boolean' },
  'contention-calls': { type: 'string' },
} as const;

const SHARE_OPTIONS = {
  url: { type: 'string' },
  'app-id': { type: 'string' },
  'api-key': { type: 'string' },
  'api-password': { type: 'string' },
  calls: { type: 'string' },
} as const;

export const benchCommand: Command = async (argv, ctx) => {
  const [name, ...rest] = argv;
  if (name === 'share') return shareCommand(rest, ctx);
  if (name !== 'rate') {
    throw new UsageError(name === undefined ? '"bench" needs a subcommand: rate' : `unknown subcommand "bench ${name}" (known: rate, share)`);
  }
  const values = parseFlags(rest, OPTIONS, 'bench rate');
  const calls = int(str(values, 'calls') ?? String(DEFAULT_BENCH_CALLS), '--calls', 1, 100_000);
  if (bool(values, 'table')) {
    const extra = ['url', 'latency', 'jitter', 'email'].find((flag) => values[flag] !== undefined);
    if (extra) throw new UsageError(`--${extra} does not go with --table (the table sets its own sandboxes)`, `--${extra}`);
    const contentionCalls = int(str(values, 'contention-calls') ?? '600', '--contention-calls', 20, 100_000);
    const table = await runRateTable({
      calls: str(values, "calls") === undefined ? 600 : calls,
      contentionCalls,
      contentionRoundTripMs: 250,
      log: ctx.log,
      progress: ctx.progress,
      spawnClient: spawnCliClient,
    });
    return { ...table };
  }
  const email = str(values, 'email');
  const url = str(values, 'url');
  let target: BenchRateOptions['target'];
  if (url !== undefined) {
    // Only flags here, never KARTRA_* variables: a bench must not hammer a real App by accident.
    const credentials = await readAccount(values, ctx, { useEnv: false, urlFlag: '--url' });
    const adminToken = str(values, 'admin-token');
    target = { ...credentials, ...(adminToken !== undefined ? { adminToken } : {}) };
    if (values.latency !== undefined) throw new UsageError("--latency applies to the bench's own sandbox, not to --url", '--latency');
  } else {
    const extra = ['app-id', 'api-key', 'api-password', 'admin-token'].find((flag) => values[flag] !== undefined);
    if (extra) throw new UsageError(`--${extra} goes with --url (without --url the bench starts its own sandbox)`, `--${extra}`);
  }
  const network = networkFlags(values);
  const result = await runBenchRate({
    calls,
    ...(target ? { target } : {}),
    ...(email !== undefined ? { email: checkEmail(email, '--email') } : {}),
    ...(Object.keys(network).length > 0 ? { network } : {}),
    log: ctx.log,
    progress: ctx.progress,
  });
  return { ...result };
};

/** `bench share`: one limited client of the contention row, started by `bench rate --table` in its own process. */
const shareCommand: Command = async (argv, ctx) => {
  const values = parseFlags(argv, SHARE_OPTIONS, 'bench share');
  // The parent passes the account in KARTRA_* variables, never on the command line.
  const credentials = await readAccount(values, ctx, { urlFlag: '--url' });
  const calls = int(str(values, 'calls') ?? '600', '--calls', 1, 100_000);
  // retrieve_account_tags only: each install reads its own account, so no lead of another account is asked for.
  return { ...(await runLimitedPhase(credentials, { calls, email: '', log: ctx.log })) };
};
