// A walk through every screen of the app on one page, in order, against the built-in sandbox: what the
// accessibility spec (e2e/a11y.spec.ts) checks with axe and what the screenshot script (scripts/screenshot.ts) shoots.
import { expect, type Page } from '@playwright/test';
import type { RunningHost } from '../../src/host/start-host';
import { DEMO_LEAD_EMAIL } from '../../src/main/core/sandbox';
import { dropFile, makeCsv, validateMapping } from '../import-support';
import { connectSandbox } from '../journeys/sandbox-journey';
import { profileRegion } from '../workspace-support';
import { addFacetFilter } from './views-steps';

export interface Screen {
  /** File-name friendly: connect, leads, profile, … */
  id: string;
  /** Shows the screen, coming from the one before it in SCREENS; resolves once it has loaded. */
  show(page: Page, host: RunningHost): Promise<void>;
}

/** Generous: the walk runs on loaded 2-core machines, where a page switch can take seconds. */
const SLOW = { timeout: 30_000 };

/** The tab panel of a workspace page, by its tab's label. */
const panel = (page: Page, name: string) => page.getByRole('tabpanel', { name });

async function showPage(page: Page, tab: string, ready: (page: Page) => Promise<void>): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  await expect(panel(page, tab)).toBeVisible(SLOW);
  await ready(page);
  await page.mouse.move(0, 0);
}

export const SCREENS: readonly Screen[] = [
  {
    id: 'connect',
    show: async (page) => {
      await expect(page.getByRole('button', { name: 'Try the sandbox' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
    },
  },
  {
    id: 'leads',
    show: async (page) => {
      await connectSandbox(page);
      await expect(page.getByTestId('lead-count')).toContainText(/\d+ leads/, SLOW);
    },
  },
  {
    id: 'profile',
    show: async (page) => {
      const search = page.getByLabel('Search leads');
      await search.fill(DEMO_LEAD_EMAIL);
      await search.press('Enter');
      await expect(profileRegion(page).getByRole('list', { name: 'Tags' })).toBeAttached({ timeout: 15_000 });
      await expect(profileRegion(page).getByRole('heading', { level: 2 })).toBeVisible();
    },
  },
  {
    id: 'views',
    show: async (page) => {
      await page.getByRole('button', { name: 'Close profile' }).click();
      await page.getByLabel('Search leads').fill('');
      await addFacetFilter(page, 'Tag', 'Has', 'Customer');
      await expect(page.getByTestId('lead-count')).toContainText(/\d+ leads/);
    },
  },
  { id: 'account', show: (page) => showPage(page, 'Account', (p) => expect(panel(p, 'Account').getByRole('heading', { name: 'Account' })).toBeVisible(SLOW)) },
  { id: 'outbox', show: (page) => showPage(page, 'Outbox', (p) => expect(panel(p, 'Outbox').getByRole('heading').first()).toBeVisible(SLOW)) },
  { id: 'history', show: (page) => showPage(page, 'History', (p) => expect(panel(p, 'History').getByRole('feed', { name: 'History' })).toBeAttached(SLOW)) },
  { id: 'import-file', show: (page) => showPage(page, 'Import', (p) => expect(panel(p, 'Import').getByRole('heading').first()).toBeVisible(SLOW)) },
  {
    id: 'import-mapping',
    show: async (page) => {
      await dropFile(page, 'new-leads.csv', makeCsv('tour', 12, [5]).csv);
      await expect(page.getByRole('combobox', { name: 'Map column Email' })).toHaveValue('Email', { timeout: 20_000 });
    },
  },
  { id: 'import-review', show: (page) => validateMapping(page) },
  {
    id: 'import-options',
    show: async (page) => {
      await page.getByRole('button', { name: 'Continue to options' }).click();
      await expect(page.getByRole('button', { name: 'Start import' })).toBeVisible();
    },
  },
  { id: 'recipes', show: (page) => showPage(page, 'Recipes', (p) => expect(panel(p, 'Recipes').getByRole('heading').first()).toBeVisible(SLOW)) },
  { id: 'settings', show: (page) => showPage(page, 'Settings', (p) => expect(p.getByTestId('cache-size')).toBeVisible(SLOW)) },
  {
    id: 'palette',
    show: async (page) => {
      await page.keyboard.press('Control+k');
      await expect(page.getByRole('textbox', { name: 'Command' })).toBeFocused();
    },
  },
  {
    id: 'account-menu',
    show: async (page) => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('textbox', { name: 'Command' })).toBeHidden();
      await page.getByRole('banner').getByRole('button', { name: 'Accounts' }).click();
      await expect(page.getByRole('menu', { name: 'Accounts' })).toBeVisible();
    },
  },
];
