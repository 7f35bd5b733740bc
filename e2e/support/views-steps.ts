// Steps of the views and table journeys (e2e/views.spec.ts, e2e/leads-table.spec.ts): fill the lead cache
// through the real core (every lead read from the sandbox is kept), read the table's rows, add filters.
import { expect, type Page } from '@playwright/test';
import type { RunningHost } from '../../src/host/start-host';
import { DEMO_ACCOUNT } from '../../src/main/core/sandbox';
import { pick } from '../workspace-support';

export type SandboxLead = NonNullable<ReturnType<NonNullable<ReturnType<RunningHost['core']['builtinSandbox']>>['inspect']['getLead']>>;

/** Reads every demo lead through the core (as looking each one up would), then reloads the window. */
export async function fillCache(page: Page, host: RunningHost, limit = Infinity): Promise<SandboxLead[]> {
  const sandbox = host.core.builtinSandbox();
  if (!sandbox) throw new Error('the built-in sandbox is not running');
  const apiKey = DEMO_ACCOUNT.apiKey;
  const listed = sandbox.inspect
    .listLeads({ apiKey })
    .filter((l) => !l.deleted)
    .slice(0, limit);
  await Promise.all(
    listed.map(async (l) => {
      const reply = await host.core.handle('leads.find', { query: l.id });
      if (!reply.ok) throw new Error(`leads.find ${l.id}: ${reply.error.message}`);
    }),
  );
  // The sandbox's demo leads are already cached on connect (as from its lead export): the table shows the whole cache.
  const cached = await host.core.handle('leads.search', { query: '', limit: 1 });
  if (!cached.ok) throw new Error(`leads.search: ${cached.error.message}`);
  const total = (cached.value as { total: number }).total;
  expect(total).toBeGreaterThanOrEqual(listed.length);
  await page.reload();
  await expect(page.getByTestId('lead-count')).toHaveText(new RegExp(`^${total.toLocaleString('en-US')} leads`));
  return listed.map((l) => sandbox.inspect.getLead({ apiKey, id: l.id })!);
}

export const grid = (page: Page) => page.getByRole('grid', { name: 'Leads' });

/** The lead ids of the rows the table shows (all of them must fit the viewport). */
export async function shownLeadIds(page: Page): Promise<string[]> {
  const ids = await grid(page).locator('[role="row"][data-lead-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lead-id') ?? ''));
  return ids.sort();
}

/** Adds a tag / list condition through the filter bar's form. */
export async function addFacetFilter(page: Page, kind: 'Tag' | 'List', op: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Add filter' }).click();
  const form = page.getByRole('form', { name: 'Add a filter' });
  await expect(form).toBeVisible();
  await pick(form, 'Filter by', kind);
  await form.getByText(op, { exact: true }).click();
  await pick(form, kind, name);
  await form.getByRole('button', { name: 'Add filter' }).click();
  await expect(form).toBeHidden();
}
