// The first journey: open the app, try the sandbox, find the demo lead, assign it a tag it lacks —
// checked on screen and in the sandbox's own state.
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL } from '../src/main/core/sandbox';
import { expect, test } from './fixtures';
import { assignFirstOfferedTag, connectSandbox, findLead, listsList, tagsList } from './journeys/sandbox-journey';

test('try the sandbox, find the demo lead, assign a tag', async ({ app, host }) => {
  await connectSandbox(app);
  await findLead(app, DEMO_LEAD_EMAIL);

  const sandbox = host.core.builtinSandbox();
  if (!sandbox) throw new Error('"Try the sandbox" did not start the built-in sandbox');
  const query = { apiKey: DEMO_ACCOUNT.apiKey, email: DEMO_LEAD_EMAIL };
  const before = sandbox.inspect.getLead(query);
  if (!before) throw new Error(`the sandbox has no lead ${DEMO_LEAD_EMAIL}`);

  // Name, tags and lists as the sandbox holds them.
  await expect(app.getByText(`${before.profile.first_name} ${before.profile.last_name}`).first()).toBeVisible();
  const tags = tagsList(app);
  for (const tag of before.tags) await expect(tags.getByRole('listitem', { name: tag, exact: true })).toBeVisible();
  const lists = listsList(app);
  await expect(lists).toBeAttached();
  for (const list of before.lists) await expect(lists.getByRole('listitem', { name: new RegExp(`^${escapeRegExp(list.name)} \\(`) })).toBeVisible();

  const tag = await assignFirstOfferedTag(app);
  expect(before.tags).not.toContain(tag);
  await expect(tags.getByRole('listitem', { name: tag, exact: true })).toBeVisible();

  // Kartra's side (the sandbox's own state) has it too.
  await expect.poll(() => sandbox.inspect.getLead(query)?.tags ?? []).toContain(tag);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
