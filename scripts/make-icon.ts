// Renders the app icon (resources/icon.svg → resources/icon.png, 512×512, transparent corners) with
// Debian's Chromium through Playwright. Run: npx tsx scripts/make-icon.ts
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';

async function main(): Promise<void> {
  const svg = await readFile(resolve(__dirname, '../resources/icon.svg'), 'utf8');
  const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}) });
  try {
    const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const out = resolve(__dirname, '../resources/icon.png');
    await page.locator('svg').screenshot({ path: out, omitBackground: true });
    console.log(`wrote ${out}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
