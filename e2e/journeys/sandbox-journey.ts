// The first user journey as reusable steps: connect the sandbox, find a lead, assign a tag it lacks.
// Shared by the browser-host spec, the Electron smoke spec and the README screenshot script.
import { expect, type Page } from '@playwright/test';

export async function connectSandbox(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(page.getByLabel('Search leads')).toBeVisible({ timeout: 15_000 });
}

export async function findLead(page: Page, query: string): Promise<void> {
  const search = page.getByLabel('Search leads');
  await search.fill(query);
  await search.press('Enter');
}

export const tagsList = (page: Page) => page.getByRole('list', { name: 'Tags' });
export const listsList = (page: Page) => page.getByRole('list', { name: 'Lists' });

/** Opens "Tag to assign", picks the first tag offered (the picker only offers tags the lead lacks), assigns it. */
export async function assignFirstOfferedTag(page: Page): Promise<string> {
  await page.getByRole('combobox', { name: 'Tag to assign' }).click();
  const option = page.getByRole('option').first();
  await expect(option).toBeVisible();
  const tag = (await option.textContent())?.trim() ?? '';
  expect(tag, 'the tag picker offered a tag').not.toBe('');
  await option.click();
  await page.getByRole('button', { name: 'Assign tag' }).click();
  await expect(tagsList(page).getByRole('listitem', { name: tag, exact: true })).toBeVisible();
  return tag;
}
