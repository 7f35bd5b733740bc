// The Settings page in Chromium against the sandbox: the import's default policy reaches the next import's Options
// step, the theme follows the choice, every shortcut is listed, the cache's size shows and clearing it empties the
// leads table (nothing at Kartra changes), and browser mode shows the data folder's path (it cannot open it).
import { DEMO_ACCOUNT } from '../src/main/core/sandbox';
import { expect, test } from './fixtures';
import { dropFile, makeCsv, validateMapping } from './import-support';
import { connectSandbox } from './journeys/sandbox-journey';

test('settings: import default, theme, shortcuts, cache size and clear, data folder', async ({ app, host }) => {
  await connectSandbox(app);
  await expect(app.getByTestId('lead-count')).toContainText(/^\d+ leads/);
  const cached = Number((await app.getByTestId('lead-count').textContent())!.match(/^(\d+)/)![1]);
  const kartra = host.core.builtinSandbox()!;
  const kartraLeads = () => kartra.inspect.listLeads({ apiKey: DEMO_ACCOUNT.apiKey }).length;
  const atKartra = kartraLeads();

  await app.keyboard.press('Alt+7');
  const page = app.getByRole('tabpanel', { name: 'Settings' });
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

  // Import default: saved in the core, so a reload still shows it.
  await page.getByRole('radio', { name: 'Fill empty fields' }).check();
  await app.reload();
  await expect(app.getByTestId('lead-count')).toContainText(/^\d+ leads/);
  await app.keyboard.press('Alt+7');
  await expect(page.getByRole('radio', { name: 'Fill empty fields' })).toBeChecked();

  // …and the next import starts from it (its Options step can still change it).
  await app.keyboard.press('Alt+5');
  await dropFile(app, 'default-policy.csv', makeCsv('policy', 3).csv);
  await expect(app.getByRole('combobox', { name: 'Map column Email' })).toHaveValue('Email', { timeout: 20_000 });
  await validateMapping(app);
  await app.getByRole('button', { name: 'Continue to options' }).click();
  await expect(app.getByRole('radio', { name: /^Fill empty fields only/ })).toBeChecked();
  await app.keyboard.press('Alt+7');

  // Theme: the page's own control switches the whole app.
  await page.getByText('Dark', { exact: true }).click();
  await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.getByText('Light', { exact: true }).click();
  await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');

  // Shortcuts as the workspace registers them.
  const shortcuts = page.getByRole('table', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('row', { name: /Alt\+7 Open settings/ })).toBeVisible();
  await expect(shortcuts.getByRole('row', { name: /Ctrl K Command palette/ })).toBeVisible();

  // Browser mode: the path, no "Open folder" (a web page cannot open the file manager); logs go to the terminal.
  await expect(page.getByLabel('Data folder path')).toHaveText(/lead-desk-e2e-/);
  await expect(page.getByRole('button', { name: /Open the .* folder/ })).toHaveCount(0);
  await expect(page.getByText('are written to the terminal')).toBeVisible();

  // The cache: its size, then cleared after a confirmation; the table follows, Kartra is untouched.
  await expect(page.getByTestId('cache-size')).toContainText(`${cached} leads cached for this account`);
  await page.getByRole('button', { name: 'Clear cache…' }).click();
  await app.getByRole('dialog', { name: 'Clear the local cache?' }).getByRole('button', { name: 'Clear cache' }).click();
  await expect(page.getByTestId('cache-size')).toContainText('0 leads cached for this account');
  await expect(app.getByRole('dialog')).toHaveCount(0);
  await app.keyboard.press('Alt+1');
  await expect(app.getByTestId('lead-count')).toContainText(/^0 leads/);
  expect(kartraLeads()).toBe(atKartra);
});
