// Controlling a running import: pause, resume, cancel, network loss (waits, then continues by itself),
// an account switch in the middle, and jobs never crossing from one account to another.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../../shared/domain/account';
import type { JobProgress } from '../../../shared/domain/import';
import type { Core } from '../core-types';
import { AGENCY_ACCOUNT, DEMO_ACCOUNT, SANDBOX_APP_ID, type RunningSandbox } from '../sandbox';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';
import { waitUntil } from '../testing/wait';
import { analyze, connectedCore, freshEmail, job, upload, waitForJob } from './testing/import-test-kit';
import { NETWORK_WAIT } from '../writes/bulk-producer';

const h = new CoreHarness();
afterEach(() => h.cleanup());

const apiKey = DEMO_ACCOUNT.apiKey;

/** A validated import of `n` new leads, ready to start. */
async function readyImport(core: Core, n: number, tag: string): Promise<{ jobId: string; emails: string[] }> {
  const emails = Array.from({ length: n }, () => freshEmail(tag));
  const jobId = await upload(core, `${tag}.csv`, `email,first_name\n${emails.map((e, i) => `${e},Row ${i + 1}`).join('\n')}\n`);
  valueOf(await core.handle('import.validate', { jobId, mapping: (await analyze(core, jobId)).suggestedMapping }));
  return { jobId, emails };
}

const start = (core: Core, jobId: string) =>
  core.handle('import.start', { jobId, options: { mode: 'upsert', tags: ['VIP'], points: 2, gdprConfirmed: true } }).then((r) => valueOf<JobProgress>(r));

function countCreated(sandbox: RunningSandbox, emails: string[]): number {
  return emails.filter((e) => sandbox.inspect.getLead({ apiKey, email: e }) !== null).length;
}

describe('job control', () => {
  it('pauses (nothing more is sent), resumes to the end, and cancels leaving the rest unsent', async () => {
    const sandbox = await h.sandbox();
    // 20 calls per second, as against Kartra, and few rows handed to the limiter at once: a pause takes
    // effect once the rows already on their way are answered.
    const { core } = await connectedCore(h, sandbox, { limiter: { limit: 20 }, jobConcurrency: 3 });
    const { jobId, emails } = await readyImport(core, 24, 'pause');
    await start(core, jobId);
    await waitUntil(async () => (await job(core, jobId)).done >= 3, 'a few rows to go through');
    const paused = valueOf<JobProgress>(await core.handle('jobs.pause', { jobId }));
    expect(paused.status).toBe('paused');
    const sent = countCreated(sandbox, emails);
    expect(paused.counts.created).toBe(sent);
    await new Promise((r) => setTimeout(r, 300));
    expect(countCreated(sandbox, emails)).toBe(sent);
    expect(errorOf(await core.handle('jobs.pause', { jobId: (await readyImport(core, 1, 'other')).jobId })).message).toContain('validated');

    valueOf(await core.handle('jobs.resume', { jobId }));
    const done = await waitForJob(core, jobId);
    expect(done.counts).toMatchObject({ created: 24, ready: 0 });
    expect(countCreated(sandbox, emails)).toBe(24);
    expect(errorOf(await core.handle('jobs.resume', { jobId })).message).toContain('finished');

    const second = await readyImport(core, 24, 'cancel');
    await start(core, second.jobId);
    await waitUntil(async () => (await job(core, second.jobId)).done >= 3, 'a few rows to go through');
    const cancelled = valueOf<JobProgress>(await core.handle('jobs.cancel', { jobId: second.jobId }));
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.counts.ready).toBeGreaterThan(0);
    expect(countCreated(sandbox, second.emails)).toBe(cancelled.counts.created);
  });

  it('waits for the network when Kartra is gone and finishes by itself, each lead sent once', async () => {
    const dir = h.tempDir('lead-desk-kartra-');
    const dataFile = join(dir, 'kartra.sqlite');
    let sandbox = await h.sandbox({ dataFile });
    const port = sandbox.port;
    const { core } = await connectedCore(h, sandbox, { limiter: { limit: 40 }, jobConcurrency: 6 });
    const { jobId, emails } = await readyImport(core, 30, 'net');
    valueOf(await core.handle('account.lists', {}));
    await start(core, jobId);
    await waitUntil(async () => (await job(core, jobId)).done >= 5, 'a few rows to go through');
    await sandbox.close();
    const waiting = await waitForJob(core, jobId, ['paused']);
    expect(waiting.error).toBe(NETWORK_WAIT);
    sandbox = await h.sandbox({ dataFile, port });
    const done = await waitForJob(core, jobId);
    expect(done.counts).toMatchObject({ created: 30, failed: 0 });
    for (const email of emails) {
      const lead = sandbox.inspect.getLead({ apiKey, email });
      expect(lead?.tags).toContain('VIP');
      expect(lead?.score).toBe(2);
    }
    expect(sandbox.inspect.listLeads({ apiKey }).filter((l) => l.email.startsWith('net.')).length).toBe(30);
  });

  it('keeps jobs per account: another account neither sees nor runs them, and they continue on switching back', async () => {
    const sandbox = await h.sandbox();
    const { core, account } = await connectedCore(h, sandbox, { limiter: { limit: 20 }, jobConcurrency: 4 });
    const { jobId, emails } = await readyImport(core, 24, 'switch');
    const events: JobProgress[] = [];
    core.onEvent((event, payload) => {
      if (event === 'job.progress') events.push(payload as JobProgress);
    });
    await start(core, jobId);
    await waitUntil(async () => (await job(core, jobId)).done >= 3, 'a few rows to go through');

    const agency = valueOf<AccountInfo>(
      await core.handle('accounts.connect', { label: 'Agency', appId: SANDBOX_APP_ID, apiKey: AGENCY_ACCOUNT.apiKey, apiPassword: AGENCY_ACCOUNT.apiPassword, apiUrl: sandbox.url }),
    );
    expect(agency.id).not.toBe(account.id);
    await waitUntil(() => events.some((e) => e.jobId === jobId && e.status === 'paused'), 'the job to pause for the other account');
    expect(valueOf<{ jobs: JobProgress[] }>(await core.handle('jobs.list', {})).jobs).toEqual([]);
    expect(errorOf(await core.handle('jobs.get', { jobId })).code).toBe('not_found');
    const paused = countCreated(sandbox, emails);
    await new Promise((r) => setTimeout(r, 200));
    expect(countCreated(sandbox, emails)).toBe(paused);

    valueOf(await core.handle('accounts.switch', { id: account.id }));
    const done = await waitForJob(core, jobId);
    expect(done.counts.created).toBe(24);
    expect(countCreated(sandbox, emails)).toBe(24);
  });

  it('reports progress a few times a second, and a user action overtakes the queued import calls', async () => {
    const sandbox = await h.sandbox();
    // Every row handed to the limiter at once: its bulk lane holds a long queue for the 20-per-second window.
    const { core } = await connectedCore(h, sandbox, { limiter: { limit: 20 }, jobConcurrency: 100 });
    const { jobId } = await readyImport(core, 70, 'lanes');
    const events: JobProgress[] = [];
    core.onEvent((event, payload) => {
      if (event === 'job.progress' && (payload as JobProgress).jobId === jobId) events.push(payload as JobProgress);
    });
    valueOf(await core.handle('account.lists', {}));
    await start(core, jobId);
    await waitUntil(async () => (await job(core, jobId)).done >= 20, 'the first window of rows');
    const before = sandbox.stats().requests;
    const found = await core.handle('leads.find', { query: 'nobody.here@example.net' });
    expect(found.ok ? '' : found.error.code).toBe('not_found');
    // In arrival order it would wait behind ~50 queued rows; the interactive lane takes the next free slot.
    expect(sandbox.stats().requests - before).toBeLessThanOrEqual(21);

    const done = await waitForJob(core, jobId);
    expect(done.counts.created).toBe(70);
    const running = events.filter((e) => e.status === 'running' && e.done > 0);
    expect(running.length).toBeGreaterThanOrEqual(4);
    expect(running.length).toBeLessThan(30); // throttled, not one event per row
    const mid = running[Math.floor(running.length / 2)]!;
    expect(mid.rowsPerSec).toBeGreaterThan(5);
    expect(mid.callsPerSec).toBeGreaterThan(5);
    expect(mid.etaSec).toBeGreaterThan(0);
    expect(events.at(-1)?.status).toBe('finished');
  });

  it('needs a connected account', async () => {
    const core = await h.core();
    for (const [command, input] of [
      ['import.begin', { fileName: 'a.csv', bytes: 1 }],
      ['jobs.list', {}],
      ['recipes.list', {}],
    ] as const) {
      expect(errorOf(await core.handle(command, input)).code).toBe('not_connected');
    }
  });
});
