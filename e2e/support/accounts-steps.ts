// Account journey steps over the real UI: fill the connect form, accept session-only storage, switch accounts.
import { expect, type Locator, type Page } from '@playwright/test';
import type { RunningHost } from '../../src/host/start-host';
import { coreClient } from '../../src/main/core/core-client';

export interface ConnectFields {
  label: string;
  apiKey: string;
  apiPassword: string;
  appId: string;
  /** Typed under "Advanced" when given. */
  apiUrl?: string;
}

/** The connect form on screen (the welcome screen's, or the one "Add account…" opens). */
export const connectForm = (page: Page): Locator => page.getByRole('form', { name: /^(Connect a Kartra account|Reconnect )/ });

export async function fillConnectForm(page: Page, fields: ConnectFields): Promise<void> {
  const form = connectForm(page);
  await form.getByLabel('Account name').fill(fields.label);
  await form.getByLabel('API key').fill(fields.apiKey);
  await form.getByLabel('API password').fill(fields.apiPassword);
  await form.getByLabel('App ID').fill(fields.appId);
  if (fields.apiUrl !== undefined) {
    const advanced = form.getByRole('button', { name: 'Advanced' });
    if ((await advanced.getAttribute('aria-expanded')) !== 'true') await advanced.click();
    await form.getByLabel('API address').fill(fields.apiUrl);
  }
}

export const submitConnect = (page: Page) => connectForm(page).getByRole('button', { name: 'Connect' }).click();

/** Whether the host's core has a usable system keychain (the e2e host usually has no Secret Service). */
export async function keychainAvailable(host: RunningHost): Promise<boolean> {
  const reply = await coreClient(host.core).app.status({});
  if (!reply.ok) throw new Error(`app.status failed: ${reply.error.message}`);
  return (reply.value as { keychain: { available: boolean } }).keychain.available;
}

/** The keychain_unavailable offer: checks its explanation, then accepts session-only storage. */
export async function keepForThisSessionOnly(page: Page): Promise<void> {
  const offer = connectForm(page).getByRole('alert').filter({ hasText: 'No system keychain' });
  await expect(offer).toContainText('has no system keychain');
  await expect(offer).toContainText('for this session only');
  await expect(offer).toContainText('never writes your API key and password to a file');
  await offer.getByRole('button', { name: 'Keep for this session only' }).click();
}

export const accountsButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Accounts' });

export async function expectCurrentAccount(page: Page, label: string): Promise<void> {
  await expect(page.getByRole('group', { name: 'Connected account' }).getByRole('button', { name: 'Accounts' })).toHaveText(label, {
    timeout: 10_000,
  });
  await expect(page.getByLabel('Search leads')).toBeVisible();
}

export async function openAccountsMenu(page: Page): Promise<Locator> {
  await accountsButton(page).click();
  const menu = page.getByRole('menu', { name: 'Accounts' });
  await expect(menu).toBeVisible();
  return menu;
}

export async function switchAccount(page: Page, label: string): Promise<void> {
  const menu = await openAccountsMenu(page);
  await menu.getByRole('menuitem', { name: label, exact: true }).click();
  await expectCurrentAccount(page, label);
}

export async function addAccount(page: Page): Promise<void> {
  const menu = await openAccountsMenu(page);
  await menu.getByRole('menuitem', { name: 'Add account…' }).click();
  await expect(page.getByRole('heading', { name: 'Connect your Kartra account' })).toBeVisible();
}

export const leadRegion = (page: Page) => page.getByRole('region', { name: 'Lead' });
