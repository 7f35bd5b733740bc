// Accessibility: axe-core (WCAG 2.1 A and AA rules) on every screen — connect, leads, profile, views, account, the
// import steps, outbox, history, recipes, settings, the command palette and the account menu — in the light and the
// dark theme, with no serious or critical violation allowed. The screens are reached as e2e/support/screen-tour.ts
// walks them; the whole walk also runs by keyboard in the last test.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SCREENS } from './support/screen-tour';

// Fifteen screens, axe on each: minutes on a loaded 2-core machine.
test.describe.configure({ timeout: 600_000 });

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

async function seriousFindings(page: Page, screen: string): Promise<Finding[]> {
  // The screen's transitions (menus, modals) finish before axe reads colours.
  await page.waitForTimeout(250);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ screen, rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violation on any screen, ${scheme} theme`, async ({ app, host }) => {
    await app.emulateMedia({ colorScheme: scheme });
    await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    const findings: Finding[] = [];
    for (const screen of SCREENS) {
      await screen.show(app, host);
      const found = await seriousFindings(app, screen.id);
      // Printed as they come, so a long walk that fails later still shows each screen's findings.
      if (found.length > 0) console.log(JSON.stringify(found, null, 2));
      findings.push(...found);
    }
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
}

test('every workspace page is reachable by keyboard alone: Tab to the page tabs, arrows between them', async ({ app }) => {
  await app.getByRole('button', { name: 'Try the sandbox' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Search leads')).toBeVisible({ timeout: 15_000 });
  const tabs = app.getByRole('tablist', { name: 'Workspace pages' }).getByRole('tab');
  const names = (await tabs.allTextContents()).map((t) => t.trim());
  expect(names.length).toBeGreaterThanOrEqual(7);
  // The header comes first (account menu, theme), then Tab reaches the selected page tab.
  await app.getByRole('button', { name: 'Dark theme' }).focus();
  await app.keyboard.press('Tab');
  await expect(tabs.first()).toBeFocused();
  for (let i = 1; i < names.length; i++) {
    await app.keyboard.press('ArrowRight');
    await expect(tabs.nth(i)).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
    await expect(app.getByRole('tabpanel', { name: names[i] })).toBeVisible();
  }
});

test('first run: the connect form and its Connect button are in view without scrolling at 1024×700 and 1440×900', async ({ app }) => {
  for (const size of [
    { width: 1024, height: 700 },
    { width: 1440, height: 900 },
  ]) {
    await app.setViewportSize(size);
    const connect = app.getByRole('button', { name: 'Connect', exact: true });
    await expect(connect).toBeInViewport({ ratio: 1 });
    // In view where it is, not because the window scrolled to it.
    expect(await app.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
    await expect(app.getByRole('button', { name: 'Try the sandbox' })).toBeInViewport({ ratio: 1 });
  }
});
