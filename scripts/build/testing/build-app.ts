// Builds the app (electron-vite build → out/) for tests that exercise the built bundles; CI runs `npm test`
// only, so these tests build for themselves rather than trust a stale out/.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

export const REPO = resolve(__dirname, '../../..');
export const OUT = resolve(REPO, 'out');

export async function buildApp(): Promise<void> {
  const bin = resolve(REPO, 'node_modules/.bin/electron-vite');
  await promisify(execFile)(bin, ['build'], { cwd: REPO, maxBuffer: 1 << 24 }).catch((error: { stderr?: string; message: string }) => {
    throw new Error(`electron-vite build failed: ${error.stderr || error.message}`);
  });
}
