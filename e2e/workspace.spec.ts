// The lead workspace journeys against the sandbox: edit a lead (fields, a drop-down custom field, its email),
// stage tag + list + sequence-at-step-2 in one call, give points, reopen — checked on screen and in the
// sandbox's own state; and the refusals (email collision, unknown tag, invalid time zone) that send nothing.
import { DEMO_LEAD_EMAIL } from '../src/main/core/sandbox';
import { expect, test } from './fixtures';
import { connectSandbox } from './journeys/sandbox-journey';
import {
  applyStaged,
  assignmentKind,
  assignments,
  editForm,
  openEditForm,
  openLead,
  outboxItems,
  pick,
  profileRegion,
  sandboxOf,
  saveEdit,
} from './workspace-support';

test.describe.configure({ timeout: 90_000 });

test('edit fields, a drop-down custom field and the email, assign tag + list + sequence at step 2 in one go, give points: all saved', async ({ app, host }) => {
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const before = kartra.lead({ email: DEMO_LEAD_EMAIL });
  const catalog = kartra.catalog();
  const sizeField = catalog.customFields.find((f) => f.identifier === 'company_size');
  if (!sizeField) throw new Error('the demo catalog has no company_size field');
  const currentSize = before.customFields.company_size;
  const size = sizeField.options.find((o) => !(Array.isArray(currentSize) ? currentSize : [currentSize]).includes(o.id))!;
  const tag = catalog.tags.find((t) => !before.tags.includes(t.name))!.name;
  const list = catalog.lists.find((l) => !before.lists.some((m) => m.name === l.name && m.active))!.name;
  const sequence = catalog.sequences.find((s) => !before.sequences.some((m) => m.name === s.name) && s.steps.includes('2'))!.name;
  const newEmail = `liv.bennett.${Date.now()}@example.net`;

  await openLead(app, DEMO_LEAD_EMAIL, `${before.profile.first_name} ${before.profile.last_name}`);

  // 1. Three fields, one of them the drop-down custom field.
  let form = await openEditForm(app);
  await form.getByRole('textbox', { name: 'First name', exact: true }).fill('Liv');
  await form.getByRole('textbox', { name: 'City', exact: true }).fill('Bristol');
  await pick(form, 'company_size', size.value);
  await expect(form.getByText('Will send: First name, City, company_size')).toBeVisible();
  await saveEdit(app);
  const profile = profileRegion(app);
  await expect(profile.getByRole('heading', { level: 2, name: `Liv ${before.profile.last_name}` })).toBeVisible();

  // 2. The email: checked with Kartra first, then sent as new_email.
  form = await openEditForm(app);
  await form.getByRole('textbox', { name: 'Email', exact: true }).fill(newEmail);
  await saveEdit(app);
  await expect(profile.getByRole('group', { name: 'Email', exact: true })).toContainText(newEmail);

  // 3. Tag, list and sequence at step 2, staged and applied in ONE call.
  const panel = assignments(app);
  await pick(panel, 'Tag', tag);
  await panel.getByRole('button', { name: 'Assign', exact: true }).click();
  await assignmentKind(app, 'Lists');
  await pick(panel, 'List', list);
  await panel.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await assignmentKind(app, 'Sequence');
  await pick(panel, 'Sequence', sequence);
  await panel.getByRole('combobox', { name: 'Step', exact: true }).fill('2');
  await panel.getByRole('button', { name: 'Subscribe at step' }).click();
  await expect(panel.getByRole('list', { name: 'Staged changes' }).getByRole('listitem')).toHaveCount(3);
  await applyStaged(app, 3);

  // 4. Points.
  await assignmentKind(app, 'Points');
  await panel.getByRole('textbox', { name: 'Points', exact: true }).fill('25');
  await panel.getByRole('button', { name: 'Give points' }).click();
  await applyStaged(app, 1);
  await expect(profile.getByLabel(`Score ${before.score + 25}`)).toBeVisible();
  await expect.poll(() => outboxItems(host)).toEqual([]);

  // 5. Close and reopen from the table (found by its new email among every cached lead): everything shows as saved.
  await app.keyboard.press('Escape');
  await expect(profile).toBeHidden();
  await app.getByLabel('Search leads').fill(newEmail);
  const row = app.getByRole('grid', { name: 'Leads' }).getByRole('row').filter({ hasText: newEmail });
  await row.click();
  await expect(profile.getByRole('heading', { level: 2, name: `Liv ${before.profile.last_name}` })).toBeVisible();
  await expect(profile.getByRole('group', { name: 'Email', exact: true })).toContainText(newEmail);
  await expect(profile.getByRole('group', { name: 'City', exact: true })).toContainText('Bristol');
  await expect(profile.getByRole('table', { name: 'Custom fields' }).locator('[data-field="company_size"] td')).toHaveText(size.value);
  await expect(profile.getByRole('list', { name: 'Tags' }).getByRole('listitem', { name: tag, exact: true })).toBeVisible();
  await expect(profile.getByRole('list', { name: 'Lists' }).getByRole('listitem', { name: `${list} (active)` })).toBeVisible();
  await expect(profile.getByRole('list', { name: 'Sequences' }).getByRole('listitem', { name: new RegExp(`^${sequence} \\(step 2,`) })).toBeVisible();
  await expect(profile.getByLabel(`Score ${before.score + 25}`)).toBeVisible();

  // The sandbox (Kartra's side) agrees.
  const after = kartra.lead({ id: before.id });
  expect(after.email).toBe(newEmail);
  expect(after.profile.first_name).toBe('Liv');
  expect(after.profile.city).toBe('Bristol');
  expect(after.customFields.company_size).toEqual([size.id]);
  expect(after.tags).toContain(tag);
  expect(after.lists).toContainEqual({ name: list, active: true });
  expect(after.sequences.find((s) => s.name === sequence)?.step).toBe('2');
  expect(after.score).toBe(before.score + 25);
  // Nothing else changed.
  expect(after.profile.last_name).toBe(before.profile.last_name);
});

test('an email collision, an unknown tag and an invalid time zone are refused with a clear message, and nothing is sent', async ({ app, host }) => {
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const before = kartra.lead({ email: DEMO_LEAD_EMAIL });
  const other = kartra.otherLeads(before.id)[0]!;
  await openLead(app, DEMO_LEAD_EMAIL, `${before.profile.first_name} ${before.profile.last_name}`);
  const profile = profileRegion(app);

  // Another seeded lead's address: the check answers, the save is blocked with the reason.
  let form = await openEditForm(app);
  const email = form.getByRole('textbox', { name: 'Email', exact: true });
  await email.fill(other.email);
  await email.blur();
  const reason = `Another lead (id ${other.id}) already uses ${other.email}.`;
  await expect(form.getByText(reason)).toBeVisible();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText(reason)).toBeVisible();
  await expect(editForm(app)).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(editForm(app)).toBeHidden();
  expect(await outboxItems(host)).toEqual([]);
  expect(kartra.lead({ id: before.id }).email).toBe(before.email);

  // A tag that does not exist: the picker says so and offers nothing to send.
  let requests = kartra.requests();
  const picker = profile.getByRole('combobox', { name: 'Tag to assign' });
  await picker.click();
  await picker.fill('No Such Tag');
  await expect(app.getByText('No tag named “No Such Tag” in this account.', { exact: false })).toBeVisible();
  await expect(profile.getByRole('button', { name: 'Assign tag' })).toBeDisabled();
  await picker.press('Escape');
  await assignmentKind(app, 'Tags');
  const tagBox = assignments(app).getByRole('combobox', { name: 'Tag', exact: true });
  await tagBox.click();
  await tagBox.fill('No Such Tag');
  await expect(app.getByText('No tag named “No Such Tag” in this account', { exact: false }).last()).toBeVisible();
  await expect(assignments(app).getByRole('button', { name: 'Assign', exact: true })).toBeDisabled();
  await tagBox.press('Escape');
  expect(kartra.requests()).toBe(requests);

  // A time zone outside Kartra's list: the form names the field and sends nothing.
  requests = kartra.requests();
  form = await openEditForm(app);
  const timeZone = form.getByRole('combobox', { name: 'Time zone', exact: true });
  await timeZone.fill('Mars/Olympus_Mons');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText(/^Time zone is not one of the time zones Kartra accepts/)).toBeVisible();
  await expect(editForm(app)).toBeVisible();
  expect(kartra.requests()).toBe(requests);
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Kartra's side is untouched.
  const after = kartra.lead({ id: before.id });
  expect(after.email).toBe(before.email);
  expect(after.tags).toEqual(before.tags);
  expect(after.profile.lead_preferred_time_zone).toBe(before.profile.lead_preferred_time_zone);
  expect(await outboxItems(host)).toEqual([]);
});
