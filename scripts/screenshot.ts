// Takes the README screenshot (resources/screenshot.png): the app in browser mode on the sandbox, showing
// the demo lead with its tags and lists. Needs `npm run build`. Run: npx tsx scripts/screenshot.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';
import { startBuiltHost } from '../e2e/built-host';
import { connectSandbox, findLead, tagsList } from '../e2e/journeys/sandbox-journey';
import { silentLogger } from '../src/main/core/log';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL } from '../src/main/core/sandbox';

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lead-desk-screenshot-'));
  const host = await startBuiltHost({ dataDir, log: silentLogger });
  const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}) });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' });
    await page.goto(host.url);
    await connectSandbox(page);
    // Look a few demo leads up first so the leads table has rows, then open the demo lead.
    const others = host.core
      .builtinSandbox()
      ?.inspect.listLeads({ apiKey: DEMO_ACCOUNT.apiKey })
      .filter((lead) => lead.email !== DEMO_LEAD_EMAIL)
      .slice(0, 5);
    for (const lead of others ?? []) {
      await findLead(page, lead.email);
      await expect(page.getByText(lead.email).first()).toBeVisible();
    }
    await findLead(page, DEMO_LEAD_EMAIL);
    await expect(tagsList(page).getByRole('listitem').first()).toBeVisible();
    await page.getByLabel('Search leads').fill('');
    await page.getByLabel('Search leads').blur();
    await page.waitForTimeout(300);
    const out = resolve(__dirname, '../resources/screenshot.png');
    await page.screenshot({ path: out, animations: 'disabled' });
    console.log(`wrote ${out}`);
  } finally {
    await browser.close();
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
