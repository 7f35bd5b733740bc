// Screenshots of the recipes page (a recipe with conditions, removals and a field to clear), a run's preview and the
// lead profile with a pending badge in its header, at 1440×900 and 1024×700, light and dark, into test-results/screens/.
// Needs `npm run build`. Run: npx tsx scripts/screenshot-recipes.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';
import { startHost } from '../src/host/start-host';
import { connectSandbox } from '../e2e/journeys/sandbox-journey';
import { createConditionalRecipe, setUpRecipeLeads } from '../e2e/support/recipes-steps';
import { silentLogger } from '../src/main/core/log';
import { DEMO_ACCOUNT } from '../src/main/core/sandbox';

const OUT = resolve(__dirname, '../test-results/screens');
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
];

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lead-desk-screens-'));
  const host = await startHost({ dataDir, log: silentLogger });
  const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}) });
  const sandbox = () => host.core.builtinSandbox()!;
  try {
    const setup = await browser.newPage({ viewport: SIZES[0] });
    await setup.goto(host.url);
    await connectSandbox(setup);
    const leads = await setUpRecipeLeads(host);
    await createConditionalRecipe(setup, 'Beta over');
    await setup.close();
    // The lead whose name wrapped mid-word at 1024 px ("Olivi a Benn ett").
    const olivia = sandbox().inspect.listLeads({ apiKey: DEMO_ACCOUNT.apiKey }).find((l) => l.firstName === 'Olivia') ?? sandbox().inspect.listLeads({ apiKey: DEMO_ACCOUNT.apiKey })[0]!;
    for (const scheme of ['light', 'dark'] as const) {
      for (const size of SIZES) {
        const page = await browser.newPage({ viewport: size, colorScheme: scheme });
        const name = (screen: string) => join(OUT, `${screen}-${size.width}x${size.height}-${scheme}.png`);
        await page.goto(host.url);
        await expect(page.getByTestId('lead-count')).toBeVisible({ timeout: 15_000 });
        await page.getByRole('tab', { name: 'Recipes' }).click();
        await page.getByRole('button', { name: 'Edit Beta over' }).click();
        await page.waitForTimeout(300);
        await page.screenshot({ path: name('recipes'), animations: 'disabled', fullPage: false });
        // The form's "Remove" part: tags, lists, sequences, points and the fields it clears.
        await page.getByRole('button', { name: 'Save recipe' }).scrollIntoViewIfNeeded();
        await page.waitForTimeout(200);
        await page.screenshot({ path: name('recipe-remove'), animations: 'disabled', fullPage: false });
        await page.getByRole('button', { name: 'Cancel' }).click();
        await page.getByRole('button', { name: 'Apply Beta over' }).click();
        const panel = page.getByRole('region', { name: 'Apply Beta over' });
        await panel.getByRole('textbox', { name: 'Emails, one per line' }).fill([leads.a, leads.b, leads.c, leads.d].map((l) => l.email).join('\n'));
        await panel.getByRole('button', { name: 'Preview' }).click();
        await expect(panel.getByRole('region', { name: 'Preview' })).toBeVisible();
        await panel.getByRole('region', { name: 'Preview' }).scrollIntoViewIfNeeded();
        await page.waitForTimeout(300);
        await page.screenshot({ path: name('recipe-preview'), animations: 'disabled' });

        // The profile with a change waiting on Kartra (slow answers): a pending badge beside the score.
        await page.getByRole('tab', { name: 'Leads' }).click();
        await page.getByLabel('Search leads').fill(olivia.email);
        await page.getByLabel('Search leads').press('Enter');
        const profile = page.getByRole('region', { name: 'Lead profile' });
        await expect(profile.getByRole('list', { name: 'Tags' })).toBeVisible({ timeout: 15_000 });
        sandbox().setFaults({ latencyMs: 60_000 });
        void host.core.handle('leads.applyActions', { lead: { id: olivia.id }, actions: [{ cmd: 'give_points_to_lead', points: 5 }] });
        await expect(profile.locator('[data-pending-status]').first()).toBeVisible({ timeout: 15_000 });
        await page.waitForTimeout(300);
        await page.screenshot({ path: name('profile-pending'), animations: 'disabled' });
        await profile.getByRole('heading', { name: 'Tags' }).scrollIntoViewIfNeeded();
        await page.waitForTimeout(200);
        await page.screenshot({ path: name('profile-chips'), animations: 'disabled' });
        sandbox().setFaults({});
        await page.close();
      }
    }
    console.log(`wrote ${OUT}`);
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
