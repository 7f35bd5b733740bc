// Test support: runs browser mode in its own process (so a crash shows as an exit, not a test-runner
// error) over a throw-away data folder and renderer, and prints {origin, token} as one JSON line.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../main/core/log';
import { startHost } from '../start-host';

async function main(): Promise<void> {
  const base = await mkdtemp(join(tmpdir(), 'lead-desk-host-child-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head><script src="./app.js"></script></head><body></body></html>');
  const host = await startHost({ dataDir: join(base, 'data'), rendererDir, log: silentLogger });
  process.stdout.write(`${JSON.stringify({ origin: host.origin, token: host.token, dataDir: join(base, 'data') })}\n`);
  process.on('SIGTERM', () => void host.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
