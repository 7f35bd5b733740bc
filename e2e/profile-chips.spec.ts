// Profile chips: the × on a tag chip and on a list chip removes it through the write queue — a toast says so,
// the chip goes, and the sandbox's own state shows the tag gone and the membership inactive.
import { test, expect } from './fixtures';
import { connectSandbox, findLead, listsList, tagsList } from './journeys/sandbox-journey';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL } from '../src/main/core/sandbox';

test.use({ viewport: { width: 1024, height: 700 } });

test('removing a tag and a list from their chips in the profile changes the lead in Kartra', async ({ app, host }) => {
  test.setTimeout(180_000);
  await connectSandbox(app);
  const sandbox = host.core.builtinSandbox()!;
  const state = () => sandbox.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, email: DEMO_LEAD_EMAIL })!;
  const before = state();
  const tag = before.tags[0]!;
  const list = before.lists.find((l) => l.active)!.name;
  await findLead(app, DEMO_LEAD_EMAIL);
  await expect(tagsList(app).getByRole('listitem', { name: tag, exact: true })).toBeVisible();

  await tagsList(app).getByRole('button', { name: `Remove tag ${tag}` }).click();
  await expect(app.getByText('Tag removed', { exact: true })).toBeVisible();
  await expect(tagsList(app).getByRole('listitem', { name: tag, exact: true })).toHaveCount(0);
  expect(state().tags).not.toContain(tag);

  await listsList(app).getByRole('button', { name: `Unsubscribe from list ${list}` }).click();
  await expect(app.getByText('Unsubscribed from the list', { exact: true })).toBeVisible();
  await expect(listsList(app).getByRole('listitem', { name: `${list} (inactive)` })).toBeVisible();
  expect(state().lists).toContainEqual({ name: list, active: false });
  // Nothing else changed.
  expect(state().tags).toEqual(before.tags.filter((t) => t !== tag));
});
