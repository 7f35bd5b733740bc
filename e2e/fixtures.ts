// Playwright fixtures: a browser host (the built one, out/main/browser-host.js) per test with its own temporary data folder, closed afterwards,
// and a page opened on it that fails the test on any uncaught page error or CSP violation.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { createLogger } from '../src/main/core/log';
import { startBuiltHost, type RunningHost } from './built-host';

export interface Fixtures {
  /** A running host (its own core and data folder) for this test. */
  host: RunningHost;
  /** The page, opened on the host's URL and showing the app. */
  app: Page;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lead-desk-e2e-'));
    const lines: string[] = [];
    const host = await startBuiltHost({ dataDir, log: createLogger((line) => lines.push(line)) });
    try {
      await use(host);
    } finally {
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
      if (lines.length > 0) await writeFile(testInfo.outputPath('host.log'), lines.join('\n') + '\n');
    }
  },
  app: async ({ page, host }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
    });
    await page.goto(host.url);
    await use(page);
    expect(problems, 'the page had uncaught errors or CSP violations').toEqual([]);
  },
});

export { expect };
