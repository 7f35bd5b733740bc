import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './playwright.config';
import { startHost } from './src/host/start-host';
import { silentLogger } from './src/main/core/log';

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lead-desk-shots-'));
  const host = await startHost({ dataDir, log: silentLogger });
  const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}) });
  try {
    for (const [w, hgt] of [[1440, 900], [1024, 700]] as const) {
      const page = await browser.newPage({ viewport: { width: w, height: hgt }, colorScheme: 'light' });
      await page.goto(host.url);
      await page.getByRole('button', { name: 'Advanced' }).click();
      await page.getByLabel('Account name').fill('Proxy shop');
      await page.getByLabel('API key').fill('key');
      await page.getByLabel('API password').fill('pw');
      await page.getByLabel('API address').fill('https://kartra-proxy.example.net/api');
      await page.getByRole('button', { name: 'Connect' }).click();
      await page.waitForTimeout(400);
      await page.screenshot({ path: `/tmp/shot-connect-${w}.png`, animations: 'disabled' });
      await page.close();
    }
  } finally {
    await browser.close();
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
main().catch((e: unknown) => { console.error(e); process.exit(1); });
