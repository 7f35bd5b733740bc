// Screenshots of the screens the workspace slice touches (leads page with a view, profile, account
// browser, status details) at 1440×900 and 1024×700, light and dark, into test-results/screens/.
// Needs `npm run build`. Run: npx tsx scripts/screenshot-workspace.ts
import { join, resolve } from 'node:path';
import { expect } from '@playwright/test';
import { runScript, withHostAndBrowser } from './lib/host-browser';
import { startHost } from '../src/host/start-host';
import { connectSandbox } from '../e2e/journeys/sandbox-journey';
import { addFacetFilter, fillCache } from '../e2e/support/views-steps';
import { DEMO_LEAD_EMAIL } from '../src/main/core/sandbox';

const OUT = resolve(__dirname, '../test-results/screens');
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
];

runScript(() =>
  withHostAndBrowser('lead-desk-screens-', startHost, async (browser, host) => {
    const setup = await browser.newPage();
    await setup.goto(host.url);
    await connectSandbox(setup);
    await fillCache(setup, host, 80);
    await setup.close();
    for (const scheme of ['light', 'dark'] as const) {
      for (const size of SIZES) {
        const page = await browser.newPage({ viewport: size, colorScheme: scheme });
        await page.goto(host.url);
        await expect(page.getByTestId('lead-count')).toBeVisible({ timeout: 15_000 });
        const name = (screen: string) => join(OUT, `${screen}-${size.width}x${size.height}-${scheme}.png`);
        await addFacetFilter(page, 'Tag', 'Has', 'Customer');
        await page.waitForTimeout(300);
        await page.screenshot({ path: name('leads-view'), animations: 'disabled' });
        await page.getByLabel('Search leads').fill(DEMO_LEAD_EMAIL);
        await page.getByLabel('Search leads').press('Enter');
        await expect(page.getByRole('region', { name: 'Lead profile' }).getByRole('list', { name: 'Tags' })).toBeVisible({ timeout: 15_000 });
        await page.waitForTimeout(300);
        await page.screenshot({ path: name('profile'), animations: 'disabled' });
        await page.getByRole('region', { name: 'Lead profile' }).getByRole('heading', { name: 'Transactions' }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: name('profile-payments'), animations: 'disabled' });
        await page.getByTestId('status-sentence').click();
        await page.waitForTimeout(200);
        await page.screenshot({ path: name('status-details'), animations: 'disabled' });
        await page.keyboard.press('Escape');
        await page.getByRole('tab', { name: 'Account' }).click();
        await page.waitForTimeout(300);
        await page.screenshot({ path: name('account'), animations: 'disabled' });
        await page.close();
      }
    }
    console.log(`wrote screenshots to ${OUT}`);
  }),
);
