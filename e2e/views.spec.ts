// Views journey: "has tag VIP and not in list Newsletter" over the cached demo leads shows exactly the
// leads the sandbox has that way, with its count; saved as a view it survives a reload and reopens; the
// account browser shows each tag's and list's cached count and opens its view.
import { test, expect } from './fixtures';
import { connectSandbox } from './journeys/sandbox-journey';
import { addFacetFilter, fillCache, grid, shownLeadIds } from './support/views-steps';

test.use({ viewport: { width: 1440, height: 900 } });

test('a view "has tag VIP and not in list Newsletter" shows exactly those leads, and is saved and reopened', async ({ app, host }) => {
  test.setTimeout(240_000);
  await connectSandbox(app);
  const leads = await fillCache(app, host);
  const expected = leads
    .filter((l) => l.tags.includes('VIP') && !l.lists.some((list) => list.name === 'Newsletter' && list.active))
    .map((l) => l.id)
    .sort();
  expect(expected.length, 'the demo data has such leads').toBeGreaterThan(1);

  await addFacetFilter(app, 'Tag', 'Has', 'VIP');
  await addFacetFilter(app, 'List', 'Not in', 'Newsletter');
  await expect(app.getByRole('group', { name: 'Filters' }).getByTestId('filter-chip')).toHaveText(['Has tag VIP', 'Not in list Newsletter']);
  await expect(app.getByTestId('lead-count')).toHaveText(new RegExp(`^${expected.length} leads`));
  await expect.poll(() => shownLeadIds(app)).toEqual(expected);

  // Save it, go back to all leads, reopen it from the sidebar.
  const views = app.getByRole('navigation', { name: 'Saved views' });
  await views.getByRole('button', { name: 'Save view…' }).click();
  const save = app.getByRole('form', { name: 'Save view' });
  await save.getByRole('textbox', { name: 'Name' }).fill('VIPs off the newsletter');
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(save).toBeHidden();
  await views.getByRole('button', { name: 'All leads' }).click();
  await expect(app.getByTestId('lead-count')).toHaveText(new RegExp(`^${leads.length} leads`));

  await app.reload();
  await views.getByRole('button', { name: 'VIPs off the newsletter', exact: true }).click();
  await expect(app.getByRole('group', { name: 'Filters' }).getByTestId('filter-chip')).toHaveText(['Has tag VIP', 'Not in list Newsletter']);
  await expect(app.getByTestId('lead-count')).toHaveText(new RegExp(`^${expected.length} leads`));
  await expect.poll(() => shownLeadIds(app)).toEqual(expected);

  // A has-not chip removed: the view widens to every VIP.
  await app.getByRole('button', { name: 'Remove filter: Not in list Newsletter' }).click();
  const vips = leads.filter((l) => l.tags.includes('VIP')).map((l) => l.id).sort();
  await expect(app.getByTestId('lead-count')).toHaveText(new RegExp(`^${vips.length} leads`));
  await expect(views.getByText('changed, not saved')).toBeVisible();
});

test('the account browser shows cached leads per tag and list and opens their view', async ({ app, host }) => {
  test.setTimeout(240_000);
  await connectSandbox(app);
  const leads = await fillCache(app, host);
  await app.getByRole('tab', { name: 'Account' }).click();
  const inList = leads.filter((l) => l.lists.some((list) => list.name === 'Newsletter' && list.active)).length;
  const vip = leads.filter((l) => l.tags.includes('VIP')).length;
  await expect(app.getByRole('group', { name: 'Account tags' }).getByRole('button', { name: `VIP: ${vip} cached leads — open as a view` })).toBeVisible();
  await app.getByRole('group', { name: 'Account lists' }).getByRole('button', { name: `Newsletter: ${inList} cached leads — open as a view` }).click();
  await expect(app.getByRole('tab', { name: 'Leads' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByTestId('filter-chip')).toHaveText(['In list Newsletter']);
  await expect(app.getByTestId('lead-count')).toHaveText(new RegExp(`^${inList} leads`));
  await expect(grid(app).locator('[role="row"][data-lead-id]').first()).toBeVisible();
});
