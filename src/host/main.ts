// Browser mode's entry (built to out/main/host.js; `npm run host`, and `npm start` without Electron): runs
// Lead Desk's core behind the browser host and prints the URL to open.
// Flags: --data-dir <dir> (default: the folder the desktop app uses), --port <n> (default: any free), --open.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../main/core/store/default-data-dir';
import { ensurePrivateDir } from '../main/core/store/private-files';
import { openInBrowser } from './open-browser';
import { startHost } from './start-host';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      open: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run host -- [--data-dir DIR] [--port N] [--open]');
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got "${values.port}"`);
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : defaultDataDir();
  ensurePrivateDir(dataDir);

  const host = await startHost({ dataDir, port });
  console.log(`Lead Desk is running in browser mode (data: ${dataDir}).`);
  console.log(`Open this URL in a browser (it holds this run's access token):\n\n  ${host.url}\n`);
  console.log('Press Ctrl-C to stop.');
  const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (values.open && display) openInBrowser(host.url);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing Lead Desk…`);
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Closing failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
