// For the screenshot scripts: the app in browser mode on a throw-away data folder, Debian's Chromium beside it,
// both closed (and the folder removed) however the script ends; a failure prints and exits 1.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { silentLogger, type Logger } from '../../src/main/core/log';

interface Host {
  url: string;
  close(): Promise<void>;
}

/** Starts the host with `start`, launches Chromium, runs `use`, then closes everything. */
export async function withHostAndBrowser<H extends Host>(
  dataDirPrefix: string,
  start: (options: { dataDir: string; log: Logger }) => Promise<H>,
  use: (browser: Browser, host: H) => Promise<void>,
): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), dataDirPrefix));
  const host = await start({ dataDir, log: silentLogger });
  const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}) });
  try {
    await use(browser, host);
  } finally {
    await browser.close();
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Runs a script's main; any failure is printed and the process exits 1. */
export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
