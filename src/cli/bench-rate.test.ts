// `bench rate` run small: the CLI with its own sandbox, and runBenchRate against a sandbox started here (stats via /__admin).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../main/core/sandbox';
import { runBenchRate } from './commands/bench-rate';
import { runCli, type CliRun } from './testing/cli-runner';

const CALLS = 40;

describe('bench rate (CLI, own sandbox)', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli(['bench', 'rate', '--calls', String(CALLS)], undefined, 20_000);
  }, 25_000);

  it('prints one JSON document comparing the limiter with the naive client', () => {
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const { limiter, naive } = run.json;
    expect(run.json).toMatchObject({ ok: true, target: 'own-sandbox' });
    expect(limiter).toMatchObject({ calls: CALLS, limit: 20, errors: 0 });
    // The limiter's own count agrees with what the sandbox refused.
    expect(limiter.sandbox_count_429).toBe(limiter.count_429);
    // 40 calls at <= 20 per second: the last 20 cannot start before 1 s.
    expect(limiter.seconds).toBeGreaterThanOrEqual(1);
    expect(limiter.ratio).toBeCloseTo(limiter.calls_per_s / 20, 2);
    expect(run.stderr).toContain('limiter:');

    // The naive client sends everything at once: the sandbox's window refuses all but about one window's worth.
    expect(naive).toMatchObject({ calls: CALLS, concurrency: 20, other_failures: 0 });
    expect(naive.useful_calls + naive.count_429).toBe(CALLS);
    expect(naive.count_429).toBeGreaterThan(0);
    expect(naive.sandbox_count_429).toBe(naive.count_429);
  });

  // The limiter's promise: Kartra never has to refuse one of its calls. (At handoff this fails with 1 × 429 at the
  // first window edge: the limiter's 5 ms safety margin is smaller than the arrival jitter — see the CLI report.)
  it('the limiter meets no 429 at all', () => {
    expect(run.json.limiter).toMatchObject({ count_429: 0, sandbox_count_429: 0 });
  });
});

describe('runBenchRate against a given URL', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ rate: 20 });
  });
  afterAll(async () => {
    await sb?.close();
  });

  it("cross-checks the 429 counts with the target sandbox's /__admin/stats", async () => {
    const demo = sb.accounts[0]!;
    const lines: string[] = [];
    const result = await runBenchRate({
      calls: 25,
      target: { apiUrl: sb.url, appId: demo.appId, apiKey: demo.apiKey, apiPassword: demo.apiPassword, adminToken: sb.adminToken },
      progress: (line) => lines.push(line),
    });
    expect(result.target).toBe('url');
    expect(result.limiter).toMatchObject({ calls: 25, errors: 0, sandbox_count_429: result.limiter.count_429 });
    expect(result.naive).toMatchObject({ calls: 25, sandbox_count_429: result.naive.count_429 });
    expect(result.naive.useful_calls + result.naive.count_429).toBe(25);
    const stats = sb.stats().byApp[demo.appId]!;
    expect(stats.count429).toBe(result.limiter.count_429 + result.naive.count_429);
    // Every limiter call got through in the end: each 429 it met cost exactly one retried request.
    expect(stats.requests).toBe(25 + result.limiter.count_429 + 25);
    expect(lines.some((line) => line.startsWith('naive:'))).toBe(true);
  });
});
