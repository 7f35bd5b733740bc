// Crash safety: the importing process is killed with SIGKILL at a random row, five times; a new process on the
// same data dir resumes by itself, and every lead ends up in Kartra exactly once with its tag, list and points.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, type RunningSandbox } from '../sandbox';
import { CoreHarness } from '../testing/core-harness';

const h = new CoreHarness();
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await h.cleanup();
});

const CHILD = resolve(__dirname, 'testing/kill-child.ts');
const ROWS = 60;
const POINTS = 7;
const apiKey = DEMO_ACCOUNT.apiKey;

interface Child {
  process: ChildProcess;
  lines: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  waitFor(event: string, timeoutMs: number): Promise<Record<string, unknown>>;
}

function run(args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: resolve(__dirname, '../../../..'), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  let out = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    let nl: number;
    while ((nl = out.indexOf('\n')) >= 0) {
      lines.push(JSON.parse(out.slice(0, nl)) as Record<string, unknown>);
      out = out.slice(nl + 1);
      listeners.forEach((l) => l());
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) =>
    child.on('exit', (code, signal) => {
      listeners.forEach((l) => l());
      done({ code, signal, stderr });
    }),
  );
  const waitFor = (event: string, timeoutMs: number) =>
    new Promise<Record<string, unknown>>((resolvePromise, reject) => {
      const check = () => {
        const line = lines.find((l) => l.event === event);
        if (line) {
          finish();
          resolvePromise(line);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          finish();
          reject(new Error(`child exited (${child.exitCode ?? child.signalCode}) before "${event}": ${stderr.slice(-2000)}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no "${event}" from the child within ${timeoutMs} ms: ${stderr.slice(-2000)}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  return { process: child, lines, exited, waitFor };
}

/** Resolves once the sandbox has received `count` more requests (polled every millisecond). */
function afterRequests(sandbox: RunningSandbox, count: number, timeoutMs: number): Promise<void> {
  const target = sandbox.stats().requests + count;
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolvePromise, reject) => {
    const timer = setInterval(() => {
      if (sandbox.stats().requests >= target) {
        clearInterval(timer);
        resolvePromise();
      } else if (Date.now() > deadline) {
        clearInterval(timer);
        reject(new Error(`the child sent fewer than ${count} requests in ${timeoutMs} ms`));
      }
    }, 1);
  });
}

describe('import survives SIGKILL', () => {
  it('resumes after a kill at a random row, 5 times, with every lead imported exactly once', async () => {
    const sandbox = await h.sandbox({ dataFile: join(h.tempDir('lead-desk-kill-kartra-'), 'kartra.sqlite') });
    const stamp = Date.now().toString(36);
    let inFlightAtKill = 0;
    for (let trial = 1; trial <= 5; trial++) {
      const dir = h.tempDir('lead-desk-kill-');
      const emails = Array.from({ length: ROWS }, (_, i) => `kill${trial}.${stamp}.${i}@example.net`);
      const csv = join(dir, 'leads.csv');
      writeFileSync(csv, `Email,First Name\n${emails.map((e, i) => `${e},Row ${i + 1}`).join('\n')}\n`);
      const dataDir = join(dir, 'data');

      const first = run(['first', dataDir, sandbox.url, csv]);
      await first.waitFor('starting', 15_000);
      // Somewhere between the 2nd and the (ROWS-10)th row: never before the run or after it.
      const killAt = 2 + Math.floor(Math.random() * (ROWS - 12));
      await afterRequests(sandbox, killAt, 10_000);
      first.process.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      const landed = emails.filter((email) => sandbox.inspect.getLead({ apiKey, email })).length;
      expect(landed, `trial ${trial}: killed after ${killAt} requests`).toBeLessThan(ROWS);
      // What the dead process left in its journal: the rows whose calls were on their way.
      const journal = new DatabaseSync(join(dataDir, 'lead-desk.sqlite'));
      inFlightAtKill += (journal.prepare("SELECT COUNT(*) AS n FROM job_rows WHERE status = 'in_flight'").get() as { n: number }).n;
      journal.close();

      const second = run(['resume', dataDir, sandbox.url]);
      const done = await second.waitFor('done', 15_000);
      expect(done, `trial ${trial}`).toMatchObject({ status: 'finished', counts: { failed: 0, ready: 0 } });
      const counts = done.counts as { created: number; updated: number };
      expect(counts.created + counts.updated).toBe(ROWS);

      const all = sandbox.inspect.listLeads({ apiKey });
      for (const email of emails) {
        expect(all.filter((l) => l.email === email), `${email} exists once`).toHaveLength(1);
        const lead = sandbox.inspect.getLead({ apiKey, email })!;
        expect(lead.tags).toContain('VIP');
        expect(lead.lists).toContainEqual({ name: 'Newsletter', active: true });
        expect(lead.score, `${email}: points given once (trial ${trial}, killed after ${killAt} requests)`).toBe(POINTS);
      }
      expect((await second.exited).code).toBe(0);
    }
    // The kills really caught calls in flight, so the resumed runs had to check leads before sending.
    expect(inFlightAtKill).toBeGreaterThan(0);
  // Ten child processes start through tsx: on a loaded 2-core machine that alone can take a minute.
  }, 180_000);
});
