// `sandbox`: runs the local Kartra-compatible server, prints its address and demo credentials, stops on SIGINT/SIGTERM.
import { BEHAVIOUR_CHOICES, startSandbox, type SandboxFaults, type SandboxOptions } from '../../main/core/sandbox';
import { bool, int, optionalInt, parseFlags, share, str, UsageError, type FlagValues } from '../args';
import type { Command } from '../context';

const OPTIONS = {
  port: { type: 'string' },
  data: { type: 'string' },
  rate: { type: 'string' },
  'test-mode': { type: 'boolean' },
  faults: { type: 'string' },
  latency: { type: 'string' },
  jitter: { type: 'string' },
  'timeout-hold': { type: 'string' },
  chain: { type: 'string' },
  'single-success': { type: 'string' },
  'text-area': { type: 'string' },
  'content-type': { type: 'string' },
  'random-seed': { type: 'string' },
  'legacy-messages': { type: 'boolean' },
} as const;

/** --faults keys → the sandbox's fault shares. */
const FAULT_KEYS: Record<string, 'rate429' | 'rate5xx' | 'reset' | 'timeout'> = {
  '429': 'rate429',
  '5xx': 'rate5xx',
  reset: 'reset',
  timeout: 'timeout',
};

/** Parses "429=0.1,5xx=0.05,reset=0.05,timeout=0.02" strictly: known keys, each once, shares in 0..1. */
export function parseFaults(raw: string): SandboxFaults {
  const faults: SandboxFaults = {};
  const known = Object.keys(FAULT_KEYS).join(', ');
  for (const part of raw.split(',')) {
    const entry = part.trim();
    if (entry === '') throw new UsageError(`--faults: empty entry in "${raw}" (expected key=share pairs separated by commas)`, '--faults');
    const at = entry.indexOf('=');
    if (at <= 0) throw new UsageError(`--faults: "${entry}" is not key=share (known keys: ${known})`, '--faults');
    const key = entry.slice(0, at).trim();
    const target = Object.hasOwn(FAULT_KEYS, key) ? FAULT_KEYS[key] : undefined;
    if (!target) throw new UsageError(`--faults: unknown fault "${key}" (known keys: ${known})`, '--faults');
    if (faults[target] !== undefined) throw new UsageError(`--faults: "${key}" is given more than once`, '--faults');
    faults[target] = share(entry.slice(at + 1), '--faults', `the share of "${key}"`);
  }
  const total = (faults.rate429 ?? 0) + (faults.rate5xx ?? 0) + (faults.reset ?? 0) + (faults.timeout ?? 0);
  if (total > 1) throw new UsageError(`--faults: the shares add up to ${Number(total.toFixed(6))}, more than 1`, '--faults');
  return faults;
}

const MAX_DELAY_MS = 600_000;

/**
 * --latency: "250" is the round trip (125 ms each way); "125:125" is upstream:downstream. The upstream part is
 * what Kartra's window waits for before counting a request.
 */
export function parseLatency(raw: string, flag = '--latency'): Pick<SandboxFaults, 'upstreamMs' | 'downstreamMs'> {
  const parts = raw.split(':');
  if (parts.length > 2) throw new UsageError(`${flag} takes MS (round trip) or UP:DOWN in ms, got "${raw}"`, flag);
  if (parts.length === 1) {
    const roundTrip = int(parts[0] ?? '', flag, 0, MAX_DELAY_MS);
    return { upstreamMs: roundTrip / 2, downstreamMs: roundTrip / 2 };
  }
  return { upstreamMs: int(parts[0] ?? '', `${flag} (upstream)`, 0, MAX_DELAY_MS), downstreamMs: int(parts[1] ?? '', `${flag} (downstream)`, 0, MAX_DELAY_MS) };
}

/** --latency and --jitter (a ± share of each delay) into faults; jitter without latency is refused as meaningless. */
export function networkFlags(values: FlagValues): SandboxFaults {
  const latency = str(values, 'latency');
  const jitter = str(values, 'jitter');
  if (jitter !== undefined && latency === undefined) throw new UsageError('--jitter varies the --latency delays; give --latency too', '--jitter');
  return {
    ...(latency !== undefined ? parseLatency(latency) : {}),
    ...(jitter !== undefined ? { jitter: share(jitter, '--jitter', 'the jitter') } : {}),
  };
}

export function sandboxOptions(values: FlagValues): SandboxOptions {
  const options: SandboxOptions = {};
  const port = optionalInt(values, 'port', 0, 65_535);
  if (port !== undefined) options.port = port;
  const data = str(values, 'data');
  if (data !== undefined) {
    if (data.trim() === '') throw new UsageError('--data needs a file name', '--data');
    options.dataFile = data;
  }
  const rate = optionalInt(values, 'rate', 0, 1_000_000);
  if (rate !== undefined) options.rate = rate;
  if (bool(values, 'test-mode')) options.testMode = true;
  if (bool(values, 'legacy-messages')) options.legacyMessages = true;
  const faults: SandboxFaults = {
    ...(str(values, 'faults') === undefined ? {} : parseFaults(str(values, 'faults') ?? '')),
    ...networkFlags(values),
  };
  const hold = optionalInt(values, 'timeout-hold', 0, MAX_DELAY_MS);
  if (hold !== undefined) faults.timeoutHoldMs = hold;
  if (Object.keys(faults).length > 0) options.faults = faults;
  const chain = choice(values, 'chain', BEHAVIOUR_CHOICES.chain);
  if (chain !== undefined) options.chainFailure = chain;
  const single = choice(values, 'single-success', BEHAVIOUR_CHOICES.singleSuccess);
  if (single !== undefined) options.singleSuccess = single;
  const textArea = choice(values, 'text-area', BEHAVIOUR_CHOICES.textArea);
  if (textArea !== undefined) options.textArea = textArea;
  const contentType = choice(values, 'content-type', BEHAVIOUR_CHOICES.contentType);
  if (contentType !== undefined) options.contentType = contentType;
  const seed = str(values, 'random-seed');
  if (seed !== undefined) options.randomSeed = int(seed, '--random-seed', 0, 0xffff_ffff);
  return options;
}

/** A flag whose value must be one of `allowed` (the first is the sandbox's default, from kartra-api.md §0.4). */
function choice<T extends string>(values: FlagValues, name: string, allowed: readonly T[]): T | undefined {
  const value = str(values, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be ${allowed.map((a) => `"${a}"`).join(' or ')}, got "${value}"`, `--${name}`);
  }
  return value as T;
}

/** The two ways a start fails on the user's input: a data file that cannot be opened, a port already taken. */
export function explainStartFailure(error: unknown, options: SandboxOptions): unknown {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'EADDRINUSE' || code === 'EACCES') return new UsageError(`--port ${options.port}: ${code === 'EACCES' ? 'not allowed' : 'already in use'}`, '--port');
  if (options.dataFile !== undefined && /database|sqlite|SQLITE_/i.test(`${message} ${String(code)}`)) {
    const hint = /unable to open/i.test(message) ? '; does its folder exist?' : '';
    return new UsageError(`--data: cannot use "${options.dataFile}" as the sandbox's database (${message})${hint}`, '--data');
  }
  return error;
}

export const sandboxCommand: Command = async (argv, ctx) => {
  const options = sandboxOptions(parseFlags(argv, OPTIONS, 'sandbox'));
  const sandbox = await startSandbox(options).catch((error: unknown) => {
    throw explainStartFailure(error, options);
  });
  const demo = sandbox.accounts[0];
  if (!demo) throw new Error('the sandbox started without its demo account');
  ctx.printer.print({
    ok: true,
    url: sandbox.url,
    app_id: demo.appId,
    api_key: demo.apiKey,
    api_password: demo.apiPassword,
    admin_token: sandbox.adminToken,
    behaviour: sandbox.behaviour(),
    accounts: sandbox.accounts.map((a) => ({ label: a.label, app_id: a.appId, api_key: a.apiKey, api_password: a.apiPassword })),
  });
  const net = options.faults?.upstreamMs !== undefined ? `, latency ${options.faults.upstreamMs}:${options.faults.downstreamMs} ms ±${(options.faults.jitter ?? 0) * 100}%` : '';
  ctx.progress(`sandbox listening on ${sandbox.url} (${options.rate === 0 ? "no rate limit" : `rate ${options.rate ?? 20}/s`}${net}${options.dataFile ? `, data ${options.dataFile}` : ', in memory'}); Ctrl+C stops it`);
  const signal = await ctx.stopSignal();
  ctx.progress(`${signal}: stopping the sandbox`);
  await sandbox.close();
  ctx.progress('sandbox stopped');
  return undefined;
};
