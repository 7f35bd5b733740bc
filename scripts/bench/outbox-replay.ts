// Replay benchmark of the durable outbox (issue "Step 5 — Offline queued edits"): 5,000 changes queued while
// offline replay against a strict 20/s sandbox; prints {changes, calls, calls_per_change, seconds, calls_per_s,
// limit, ratio, count_429} as JSON and checks that Kartra ends in the expected state.
// Run: npx tsx scripts/bench/outbox-replay.ts [--changes 5000] [--leads 250] [--seed 7] [--concurrency N]
//      [--sandbox process|inline]   (process, the default: Kartra's stand-in does not share the app's event loop)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Envelope } from '../../src/shared/ipc/envelope';
import type { Core } from '../../src/main/core/core-types';
import { createCore } from '../../src/main/core/create-core';
import { SessionSecretStore } from '../../src/main/core/credentials/secret-store';
import { silentLogger } from '../../src/main/core/log';
import { diffLead, modelOf } from '../../src/main/core/writes/testing/durability/model';
import { commandOf, expectedState, planCatalog, planForLeads, Rng } from '../../src/main/core/writes/testing/durability/plan';
import { DEMO_ACCOUNT, startSandbox, type SandboxCatalog, type SandboxLeadState, type SandboxLeadSummary, type SandboxStats } from '../../src/main/core/sandbox';
import { coreClient } from '../../src/main/core/core-client';

const LIMIT = 20;

/** What the benchmark needs of Kartra: its address, its data (the inspector), its request counters. */
interface Kartra {
  url: string;
  catalog(): Promise<SandboxCatalog>;
  listLeads(): Promise<SandboxLeadSummary[]>;
  getLead(id: string): Promise<SandboxLeadState | null>;
  stats(): Promise<SandboxStats>;
  close(): Promise<void>;
}

/** The sandbox in this process: it then shares the event loop (and its delays) with the app's core. */
async function inlineKartra(): Promise<Kartra> {
  const sandbox = await startSandbox({ rate: LIMIT });
  const { apiKey } = DEMO_ACCOUNT;
  return {
    url: sandbox.url,
    catalog: async () => sandbox.inspect.catalog({ apiKey }),
    listLeads: async () => sandbox.inspect.listLeads({ apiKey }),
    getLead: async (id) => sandbox.inspect.getLead({ apiKey, id }),
    stats: async () => sandbox.stats(),
    close: () => sandbox.close(),
  };
}

/** The sandbox in its own process, as Kartra is on its own servers; inspected through its /__admin endpoints. */
async function processKartra(): Promise<Kartra> {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--serve-sandbox'], { cwd: resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const { url, adminToken } = await new Promise<{ url: string; adminToken: string }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += String(chunk);
      if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))) as { url: string; adminToken: string });
    });
    child.once('exit', (code) => reject(new Error(`the sandbox process ended early (code ${code})`)));
  });
  // A fresh connection per call: a kept-alive one may be closed by the server during the long replay.
  const admin = <T>(method: string, body: object): Promise<T> =>
    new Promise<T>((resolvePromise, reject) => {
      const request = http.request(new URL(`/__admin/${method}`, url), { method: 'POST', agent: false, headers: { 'x-sandbox-admin': adminToken } }, (reply) => {
        let text = '';
        reply.setEncoding('utf8');
        reply.on('data', (chunk: string) => (text += chunk));
        reply.on('end', () => {
          const answer = JSON.parse(text) as { ok: boolean; value?: T; error?: string };
          if (answer.ok) resolvePromise(answer.value as T);
          else reject(new Error(`sandbox ${method}: ${answer.error}`));
        });
      });
      request.on('error', reject);
      request.end(JSON.stringify(body));
    });
  const { apiKey } = DEMO_ACCOUNT;
  return {
    url,
    catalog: () => admin('catalog', { apiKey }),
    listLeads: () => admin('listLeads', { apiKey }),
    getLead: (id) => admin('getLead', { apiKey, id }),
    stats: () => admin('stats', {}),
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function valueOf<T>(reply: Envelope<unknown>, what: string): T {
  if (!reply.ok) throw new Error(`${what} failed: ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

/** `--serve-sandbox`: run a strict sandbox until SIGTERM, after printing its address and admin token. */
async function serveSandbox(): Promise<void> {
  const sandbox = await startSandbox({ rate: LIMIT });
  process.stdout.write(JSON.stringify({ url: sandbox.url, adminToken: sandbox.adminToken }) + '\n');
  process.once('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      changes: { type: 'string', default: '5000' },
      leads: { type: 'string', default: '250' },
      seed: { type: 'string', default: '7' },
      concurrency: { type: 'string' },
      sandbox: { type: 'string', default: 'process' },
    },
  });
  if (values.sandbox !== 'process' && values.sandbox !== 'inline') throw new Error(`--sandbox must be "process" or "inline", not "${values.sandbox}"`);
  const changes = Number(values.changes);
  const leadCount = Number(values.leads);
  const seed = Number(values.seed);
  if (!Number.isInteger(changes) || changes <= 0 || !Number.isInteger(leadCount) || leadCount <= 0 || changes % leadCount !== 0) {
    throw new Error(`--changes (${values.changes}) must be a positive multiple of --leads (${values.leads})`);
  }
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) throw new Error(`--concurrency must be a whole number >= 1, not "${values.concurrency}"`);
  const { apiKey, apiPassword, appId } = DEMO_ACCOUNT;
  const kartra = values.sandbox === 'inline' ? await inlineKartra() : await processKartra();
  const dataDir = mkdtempSync(join(tmpdir(), 'lead-desk-bench-'));
  let core: Core | undefined;
  try {
    core = await createCore({
      dataDir,
      version: 'bench',
      log: silentLogger,
      openKeychain: async () => ({ store: new SessionSecretStore() }),
      ...(concurrency !== undefined ? { outboxConcurrency: concurrency } : {}),
    });
    valueOf(await coreClient(core).accounts.connect({ label: 'Bench', appId, apiKey, apiPassword, apiUrl: kartra.url }), 'accounts.connect');
    valueOf(await coreClient(core).account.lists({ refresh: ['tags', 'lists', 'sequences', 'custom_fields'] }), 'account.lists');

    const rng = new Rng(seed);
    const names = planCatalog(await kartra.catalog());
    const all = await kartra.listLeads();
    if (all.length < leadCount) throw new Error(`the demo account has ${all.length} leads; asked for ${leadCount}`);
    const leads: SandboxLeadState[] = [];
    for (const id of rng.shuffle(all.map((l) => l.id)).slice(0, leadCount)) leads.push((await kartra.getLead(id))!);
    const plan = planForLeads(seed, leads, names, changes / leadCount);

    // Offline (the OS says so): every change waits in the outbox, nothing reaches Kartra.
    core.setOsOnline(false);
    const queuedAt = performance.now();
    for (const change of plan.changes) {
      const { command, input } = commandOf(change);
      valueOf(await core.handle(command, input), command);
    }
    const queueMs = performance.now() - queuedAt;

    const before = await kartra.stats();
    const started = performance.now();
    core.setOsOnline(true); // probes Kartra at once: the first replayed call
    for (;;) {
      const { state } = valueOf<{ state: { counts: Record<string, number> } }>(await coreClient(core).outbox.list({ limit: 1 }), 'outbox.list');
      if (state.counts.pending === 0 && state.counts.inFlight === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const seconds = (performance.now() - started) / 1000;
    const after = await kartra.stats();
    const { items } = valueOf<{ items: unknown[] }>(await coreClient(core).outbox.list({ limit: 5000 }), 'outbox.list');

    const expected = expectedState(plan);
    const wrong: string[] = [];
    for (const [key, lead] of expected) {
      const actual = await kartra.getLead(key.slice('id:'.length));
      wrong.push(...diffLead(key, lead, actual ? modelOf(actual, names.textField) : undefined));
    }
    const calls = after.requests - before.requests;
    const callsPerS = calls / seconds;
    console.log(
      JSON.stringify({
        changes,
        calls,
        calls_per_change: round(calls / changes, 3),
        seconds: round(seconds, 2),
        calls_per_s: round(callsPerS, 2),
        limit: LIMIT,
        ratio: round(callsPerS / LIMIT, 3),
        count_429: after.count429 - before.count429,
        leads: leadCount,
        sandbox: values.sandbox,
        queue_seconds: round(queueMs / 1000, 2),
        left_in_outbox: items.length,
        state_matches: wrong.length === 0,
      }),
    );
    if (wrong.length > 0) console.error(`Kartra's state differs from the expected one:\n${wrong.slice(0, 20).join('\n')}`);
    if (wrong.length > 0 || items.length > 0) process.exitCode = 1;
  } finally {
    await core?.close();
    await kartra.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

(process.argv.includes('--serve-sandbox') ? serveSandbox() : main()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
