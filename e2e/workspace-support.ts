// Steps of the lead workspace journeys (e2e/workspace.spec.ts): open a lead, edit it, stage assignments,
// and read the sandbox's own view of a lead and of its catalog — the checks go through the sandbox, not the UI.
import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_ACCOUNT } from '../src/main/core/sandbox';
import type { RunningHost } from '../src/host/start-host';
import { coreClient } from '../src/main/core/core-client';

export const profileRegion = (page: Page) => page.getByRole('region', { name: 'Lead profile' });
export const assignments = (page: Page) => profileRegion(page).getByRole('region', { name: 'Assignments' });
export const editForm = (page: Page) => page.getByRole('form', { name: 'Edit lead' });

/** The built-in sandbox behind "Try the sandbox", with the demo account's key for its inspector. */
export function sandboxOf(host: RunningHost) {
  const sandbox = host.core.builtinSandbox();
  if (!sandbox) throw new Error('"Try the sandbox" did not start the built-in sandbox');
  const apiKey = DEMO_ACCOUNT.apiKey;
  return {
    sandbox,
    lead: (ref: { id?: string; email?: string }) => {
      const lead = sandbox.inspect.getLead({ apiKey, ...ref });
      if (!lead) throw new Error(`the sandbox has no lead ${JSON.stringify(ref)}`);
      return lead;
    },
    catalog: () => sandbox.inspect.catalog({ apiKey }),
    otherLeads: (exceptId: string) => sandbox.inspect.listLeads({ apiKey }).filter((l) => l.id !== exceptId && !l.deleted),
    requests: () => sandbox.stats().requests,
  };
}

/** Types an email or id in the search and presses Enter: Kartra is asked and the profile opens. */
export async function openLead(page: Page, query: string, heading: string | RegExp): Promise<Locator> {
  const search = page.getByLabel('Search leads');
  await search.fill(query);
  await search.press('Enter');
  const profile = profileRegion(page);
  await expect(profile.getByRole('heading', { level: 2, name: heading })).toBeVisible({ timeout: 10_000 });
  // The full profile (not only the header) has loaded once its tag list is there.
  await expect(profile.getByRole('list', { name: 'Tags' })).toBeAttached();
  return profile;
}

/** Opens a Mantine Select / Autocomplete by its label and picks an option (the dropdown is in a portal). */
export async function pick(scope: Locator | Page, label: string, option: string): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.click();
  // A searchable picker filters as the user types; a plain one only opens.
  if (await box.isEditable()) await box.fill(option);
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(box).toHaveValue(option);
}

export async function openEditForm(page: Page): Promise<Locator> {
  await profileRegion(page).getByRole('button', { name: /^Edit/ }).click();
  const form = editForm(page);
  await expect(form).toBeVisible();
  return form;
}

/** Saves the edit form and waits until it closed (the core confirmed or queued the change). */
export async function saveEdit(page: Page): Promise<void> {
  await editForm(page).getByRole('button', { name: 'Save changes' }).click();
  await expect(editForm(page)).toBeHidden({ timeout: 10_000 });
}

/** Picks the kind of assignment in the panel's segmented control. */
export async function assignmentKind(page: Page, kind: 'Tags' | 'Lists' | 'Sequence' | 'Points' | 'Calendar'): Promise<void> {
  await dismissNotifications(page);
  await assignments(page).getByText(kind, { exact: true }).click();
}

export async function applyStaged(page: Page, count: number): Promise<void> {
  const panel = assignments(page);
  await panel.getByRole('button', { name: `Apply changes (${count})` }).click();
  await expect(panel.getByText('Nothing staged yet.')).toBeVisible({ timeout: 10_000 });
}

/** The sandbox's changes pending in the app's outbox (none once everything was confirmed). */
export async function outboxItems(host: RunningHost): Promise<unknown[]> {
  const reply = await coreClient(host.core).outbox.list({});
  if (!reply.ok) throw new Error(`outbox.list failed: ${reply.error.message}`);
  return (reply.value as { items: unknown[] }).items;
}

/**
 * Waits for the "Change saved" toasts to close, as a user would: they stack over the right side of the
 * profile (where the assignment controls are) for a few seconds after each confirmed change, and
 * Mantine keeps them open while the pointer rests on them, so the pointer moves away first.
 */
export async function dismissNotifications(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await expect(page.locator('.mantine-Notifications-notification')).toHaveCount(0, { timeout: 15_000 });
}
