// The local lead cache without API calls: the first run on the sandbox shows its demo leads in the Leads table, and
// "Add to my local leads" puts a lead export's leads in the table and the search with no request to the sandbox.
import { expect, test } from './fixtures';
import { dropFile, shootStep } from './import-support';
import { connectSandbox } from './journeys/sandbox-journey';
import { sandboxOf } from './workspace-support';

test.describe.configure({ timeout: 120_000 });

const grid = (page: import('@playwright/test').Page) => page.getByRole('grid', { name: 'Leads' });

test('the first run on the sandbox shows its demo leads in the Leads table', async ({ app, host }) => {
  await connectSandbox(app);
  await expect(app.getByTestId('lead-count')).toContainText(/\d{3} leads/);
  await expect(app.getByRole('region', { name: 'Leads from a file' })).toContainText('Refresh from Kartra');
  await shootStep(app, 'leads-first-run');
  await app.getByLabel('Search leads').fill('olivia bennett');
  await expect(grid(app).getByRole('row').filter({ hasText: 'olivia.bennett@example.com' })).toContainText('from a file');
  // The table was filled from the sandbox's demo data, not by reading each lead through its API.
  expect(sandboxOf(host).requests()).toBeLessThan(20);
});

test('"Add to my local leads" shows a lead export in the Leads table and the search, with no request to the sandbox', async ({ app, host }) => {
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  await app.getByRole('tab', { name: /Import/ }).click();
  await app.getByLabel(/^Add to my local leads/).check();
  await shootStep(app, 'local-choice');
  // Whatever the Import page asked of Kartra on opening (the account's lists) is done before counting.
  let last = -1;
  await expect.poll(() => {
    const [previous, now] = [last, kartra.requests()];
    last = now;
    return now === previous;
  }, { intervals: [1_000] }).toBe(true);
  const before = kartra.requests();

  const stamp = Date.now().toString(36);
  const csv = ['Lead ID,Email,First Name,Last Name,Company,Tags', `,zelda.${stamp}@example.org,Zelda,Quartermain${stamp},Fileco,VIP`, `,yuri.${stamp}@example.org,Yuri,Quartermain${stamp},Fileco,`].join('\n');
  await dropFile(app, `kartra-export-${stamp}.csv`, csv);
  await expect(app.getByRole('combobox', { name: 'Map column Email' })).toHaveValue('Email', { timeout: 20_000 });
  await app.getByRole('button', { name: 'Add 2 leads to my local leads' }).click();
  await expect(app.getByRole('status', { name: 'Local leads result' })).toContainText('2 new');
  await shootStep(app, 'local-added');
  expect(kartra.requests()).toBe(before);

  await app.getByRole('tab', { name: /Leads/ }).click();
  await app.getByLabel('Search leads').fill(`quartermain${stamp}`);
  const rows = grid(app).getByRole('row').filter({ hasText: `Quartermain${stamp}` });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: `zelda.${stamp}@example.org` })).toContainText('from a file');
  await shootStep(app, 'local-search');
  expect(kartra.requests()).toBe(before);
});
