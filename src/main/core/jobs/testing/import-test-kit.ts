// Test helpers for imports and recipe runs: a core connected to a sandbox, chunked uploads, waiting for a job to settle.
import type { AccountInfo } from '../../../../shared/domain/account';
import type { FileAnalysis, JobProgress, JobStatus } from '../../../../shared/domain/import';
import type { Core, CoreOptions } from '../../core-types';
import { DEMO_ACCOUNT, SANDBOX_APP_ID, type RunningSandbox } from '../../sandbox';
import { type CoreHarness, valueOf } from '../../testing/core-harness';
import { waitUntil } from '../../testing/wait';

/** A fast core: the limiter far above the sandbox's (unlimited) rate, short network probes. */
export const FAST: Partial<CoreOptions> = { limiter: { limit: 2_000 }, probeBackoffMs: [40, 80, 160], confirmWaitMs: 2_000 };

export async function connectedCore(h: CoreHarness, sandbox: RunningSandbox, options: Partial<CoreOptions> = {}): Promise<{ core: Core; account: AccountInfo }> {
  const core = await h.core({ ...FAST, ...options });
  const account = valueOf<AccountInfo>(
    await core.handle('accounts.connect', { label: 'Shop', appId: SANDBOX_APP_ID, apiKey: DEMO_ACCOUNT.apiKey, apiPassword: DEMO_ACCOUNT.apiPassword, apiUrl: sandbox.url }),
  );
  return { core, account };
}

/** Sends a file the way the renderer does: import.begin, then base64 chunks in order, the last one final. */
export async function upload(core: Core, fileName: string, content: string | Buffer, chunkBytes = 64 * 1024): Promise<string> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const { jobId } = valueOf<{ jobId: string }>(await core.handle('import.begin', { fileName, bytes: bytes.length }));
  let offset = 0;
  do {
    const part = bytes.subarray(offset, offset + chunkBytes);
    const final = offset + part.length >= bytes.length;
    valueOf(await core.handle('import.chunk', { jobId, offset, data: part.toString('base64'), final }));
    offset += part.length;
  } while (offset < bytes.length);
  return jobId;
}

export async function analyze(core: Core, jobId: string): Promise<FileAnalysis> {
  return valueOf<FileAnalysis>(await core.handle('import.analyze', { jobId }));
}

export async function job(core: Core, jobId: string): Promise<JobProgress> {
  return valueOf<JobProgress>(await core.handle('jobs.get', { jobId }));
}

export async function waitForJob(core: Core, jobId: string, statuses: JobStatus[] = ['finished', 'failed', 'cancelled'], timeoutMs = 15_000): Promise<JobProgress> {
  return waitUntil(async () => {
    const p = await job(core, jobId);
    return statuses.includes(p.status) ? p : undefined;
  }, `job ${jobId} to reach ${statuses.join('/')}`, timeoutMs);
}

let unique = 0;
/** Addresses no seeded lead has, different in every test run. */
export const freshEmail = (tag: string) => `${tag}.${Date.now().toString(36)}.${unique++}@example.net`;
