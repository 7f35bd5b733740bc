// Takes the README screenshot (resources/screenshot.png): the app in browser mode on the sandbox, showing
// the demo lead with its tags and lists. Needs `npm run build`. Run: npx tsx scripts/screenshot.ts
import { resolve } from 'node:path';
import { expect } from '@playwright/test';
import { runScript, withHostAndBrowser } from './lib/host-browser';
import { startBuiltHost } from '../e2e/built-host';
import { connectSandbox, findLead, tagsList } from '../e2e/journeys/sandbox-journey';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL } from '../src/main/core/sandbox';

runScript(() =>
  withHostAndBrowser('lead-desk-screenshot-', startBuiltHost, async (browser, host) => {
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
  }),
);
