// Child process of the kill test: a real core on a data dir that imports a CSV into a sandbox (first run), or
// just starts again and lets the interrupted import resume by itself (second run). Prints JSON lines on stdout.
//   node --import tsx kill-child.ts <first|resume> <dataDir> <apiUrl> [csvPath]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileAnalysis, JobProgress } from '../../../../shared/domain/import';
import { createCore } from '../../create-core';
import type { AccountSecret, SecretStore } from '../../credentials/secret-store';
import { silentLogger } from '../../log';
import { DEMO_ACCOUNT, SANDBOX_APP_ID } from '../../sandbox';

/** Secrets in a file in the data dir, so the second process can reconnect without the OS keychain (test only). */
class FileSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  constructor(private readonly file: string) {}
  private read(): Record<string, AccountSecret> {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, AccountSecret>;
    } catch {
      return {};
    }
  }
  async set(id: string, secret: AccountSecret) {
    writeFileSync(this.file, JSON.stringify({ ...this.read(), [id]: secret }));
  }
  async get(id: string) {
    return this.read()[id];
  }
  async delete(id: string) {
    const all = this.read();
    const had = id in all;
    delete all[id];
    writeFileSync(this.file, JSON.stringify(all));
    return had;
  }
  async listAccountIds() {
    return Object.keys(this.read());
  }
}

const say = (doc: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(doc)}\n`);

function value<T>(reply: { ok: boolean; value?: unknown; error?: { message: string } }): T {
  if (!reply.ok) throw new Error(reply.error?.message ?? 'command failed');
  return reply.value as T;
}

async function main(): Promise<void> {
  const [mode, dataDir, apiUrl, csvPath] = process.argv.slice(2);
  if ((mode !== 'first' && mode !== 'resume') || !dataDir || !apiUrl) throw new Error('usage: kill-child.ts <first|resume> <dataDir> <apiUrl> [csvPath]');
  mkdirSync(dataDir, { recursive: true });
  const store = new FileSecretStore(join(dataDir, 'secrets.json'));
  const core = await createCore({
    dataDir,
    version: 'kill-test',
    log: silentLogger,
    openKeychain: async () => ({ store }),
    // Far above Kartra's 20/s (the sandbox runs unlimited): the test kills at a random row, not a random second.
    limiter: { limit: 400 },
    jobConcurrency: 8,
    probeBackoffMs: [50, 100, 200],
  });
  const finished = new Promise<JobProgress>((resolve) => {
    core.onEvent((event, payload) => {
      const p = payload as JobProgress;
      if (event === 'job.progress' && (p.status === 'finished' || p.status === 'failed')) resolve(p);
    });
  });
  if (mode === 'first') {
    if (!csvPath) throw new Error('the first run needs the CSV path');
    value(await core.handle('accounts.connect', { label: 'Kill test', appId: SANDBOX_APP_ID, apiKey: DEMO_ACCOUNT.apiKey, apiPassword: DEMO_ACCOUNT.apiPassword, apiUrl }));
    const { jobId } = await core.importFile(csvPath);
    const analysis = value<FileAnalysis>(await core.handle('import.analyze', { jobId }));
    value(await core.handle('import.validate', { jobId, mapping: analysis.suggestedMapping }));
    value(await core.handle('account.lists', {}));
    say({ event: 'starting', jobId });
    value(await core.handle('import.start', { jobId, options: { mode: 'upsert', tags: ['VIP'], lists: ['Newsletter'], points: 7, gdprConfirmed: true } }));
  } else {
    // Nothing to do: restoring the account resumes the interrupted job.
    say({ event: 'restarted' });
  }
  const done = await finished;
  say({ event: 'done', status: done.status, counts: done.counts, calls: done.calls });
  await core.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`kill-child: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
