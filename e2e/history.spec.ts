// History and the profile's payments in the browser against the sandbox: 50 dropped rows all show in the Leads
// table and its search; the History page shows that import's write and a profile edit of one of those leads with
// their per-action outcomes; a refund and a subscription cancel from the profile each go behind a confirmation,
// land once in the sandbox and show in History; a refund whose answer is lost waits in the outbox as "needs your
// check" (never re-sent) until the user says it is fine. Screenshots at 1440×900 and 1024×700 go to test-results/screens/.
import { DEMO_ACCOUNT, SANDBOX_APP_ID } from '../src/main/core/sandbox';
import { startFaultProxy } from '../src/main/core/writes/testing/fault-proxy';
import { DAY_MS, parseEstDateTime } from '../src/main/core/sandbox/est-time';
import { expect, test } from './fixtures';
import { confirmAndStart, countIn, dropFile, makeCsv, validateMapping } from './import-support';
import { connectSandbox } from './journeys/sandbox-journey';
import { openEditForm, openLead, sandboxOf, saveEdit } from './workspace-support';
import type { Page } from '@playwright/test';

test.describe.configure({ timeout: 150_000 });

async function shoot(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(200);
    await page.screenshot({ path: `test-results/screens/${name}-${width}x${height}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

const openTab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();

test('50 imported rows are all in the Leads table and its search; History shows the import and a profile edit with per-action outcomes', async ({ app, host }) => {
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const stamp = `${Date.now()}`;
  const { csv, emails } = makeCsv(stamp, 50);
  await dropFile(app, `history-${stamp}.csv`, csv);
  await validateMapping(app);
  await app.getByRole('button', { name: 'Continue to options' }).click();
  await confirmAndStart(app);
  await expect(countIn(app, 'Import report', 'Created')).toHaveText(/^Created\s*50$/, { timeout: 120_000 });

  // Every imported lead is in the Leads table, found by the search box.
  await openTab(app, 'Leads');
  const search = app.getByLabel('Search leads');
  await search.fill(`import.${stamp}.`);
  await expect(app.getByTestId('lead-count')).toHaveText(/^50 matches/);
  const grid = app.getByRole('grid', { name: 'Leads' });
  for (const email of emails) {
    await search.fill(email);
    await expect(grid.getByRole('row').filter({ hasText: email })).toHaveCount(1);
    expect(kartra.lead({ email }).email).toBe(email);
  }

  // A profile edit of one imported lead.
  const email = emails[6]!;
  const profile = await openLead(app, email, 'Person7 Import7');
  const form = await openEditForm(app);
  await form.getByRole('textbox', { name: 'City' }).fill('Leeds');
  await saveEdit(app);
  await expect.poll(() => kartra.lead({ email }).profile.city).toBe('Leeds');

  // The profile's History section: the edit (city before/after) and the import row.
  const section = profile.getByRole('feed', { name: 'Lead history' });
  await expect(section.locator('article[data-source="edit"]')).toContainText('City: “Bristol, UK” → “Leeds”');
  await expect(section.locator('article[data-source="edit"] [data-cmd="edit_lead"]')).toHaveAttribute('data-outcome', 'done');
  await expect(section.locator('article[data-source="import"] [data-cmd="create_lead"]')).toHaveAttribute('data-outcome', 'done');
  await section.scrollIntoViewIfNeeded();
  await shoot(app, 'profile-history');

  // The History page: both writes of this lead, each action with its outcome.
  await openTab(app, 'History');
  const feed = app.getByRole('feed', { name: 'History' });
  const ofLead = feed.locator('article').filter({ hasText: email });
  await expect(ofLead).toHaveCount(2);
  await expect(ofLead.first()).toHaveAttribute('data-source', 'edit');
  await expect(ofLead.first().locator('[data-cmd="edit_lead"]')).toHaveAttribute('data-outcome', 'done');
  await expect(ofLead.first()).toContainText('done');
  await expect(ofLead.nth(1)).toHaveAttribute('data-source', 'import');
  await expect(ofLead.nth(1).locator('[data-cmd="create_lead"]')).toHaveAttribute('data-outcome', 'done');
  await shoot(app, 'history-page');

  // Filtered to imports only: the edit goes away, the import rows stay.
  const sourceBox = app.getByRole('search', { name: 'History filters' }).getByRole('combobox', { name: 'Source', exact: true });
  await sourceBox.click();
  await app.getByRole('option', { name: 'Import', exact: true }).click();
  await sourceBox.press('Escape');
  await expect(ofLead).toHaveCount(1);
  await expect(ofLead).toHaveAttribute('data-source', 'import');
});

test('refund a sale from the profile behind a confirmation naming amount and product: the sandbox refunds it once, History shows it', async ({ app, host }) => {
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const apiKey = DEMO_ACCOUNT.apiKey;
  const recent = (date: string) => (Date.now() - parseEstDateTime(date)!) / DAY_MS < 7;
  const sale = kartra.sandbox.inspect
    .transactions({ apiKey })
    .find((t) => t.type === 'sale' && recent(t.date) && !t.isTest && !t.refundFails && t.refundedAmount === 0 && t.leadEmail);
  if (!sale) throw new Error('the demo data has no refundable sale');
  const lead = kartra.lead({ id: sale.leadId });
  const profile = await openLead(app, lead.email, /.+/);

  const row = profile.getByRole('table', { name: 'Transactions' }).locator(`tr[data-transaction-id="${sale.id}"]`);
  await row.getByRole('button', { name: `Refund transaction ${sale.id}` }).click();
  const dialog = app.getByRole('dialog', { name: 'Refund a payment' });
  await expect(dialog.getByTestId('payment-confirm-text')).toHaveText(`Refund ${sale.amount} (in full) of ${sale.productName} (transaction ${sale.id})?`);
  const partial = (Math.round(sale.amount * 50) / 100).toFixed(2);
  await dialog.getByRole('textbox', { name: 'Amount to refund' }).fill(partial);
  await expect(dialog.getByTestId('payment-confirm-text')).toHaveText(`Refund ${partial} of ${sale.productName} (transaction ${sale.id})?`);
  await shoot(app, 'payments-confirm');
  await dialog.getByRole('button', { name: `Refund ${partial}` }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });

  const after = kartra.sandbox.inspect.transactions({ apiKey });
  expect(after.find((t) => t.id === sale.id)!.refundedAmount).toBeCloseTo(Number(partial), 2);
  expect(after.filter((t) => t.type === 'partial_refund' && t.leadId === sale.leadId && Math.abs(t.amount - Number(partial)) < 0.005)).toHaveLength(1);
  await expect(profile.getByRole('table', { name: 'Transactions' })).toContainText('partial_refund');

  await openTab(app, 'History');
  const entry = app.getByRole('feed', { name: 'History' }).locator('article').filter({ hasText: `Refund ${partial} of ${sale.productName}` });
  await expect(entry).toHaveCount(1);
  await expect(entry.locator('[data-cmd="refund_transaction"]')).toHaveAttribute('data-outcome', 'done');
});

test('cancel a subscription from the profile behind a confirmation naming it, its product and amount: the sandbox cancels it once, History shows it', async ({ app, host }) => {
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const apiKey = DEMO_ACCOUNT.apiKey;
  const sub = kartra.sandbox.inspect.subscriptions({ apiKey }).find((s) => s.status === 'Active' && !s.cancelFails && s.leadEmail);
  if (!sub) throw new Error('the demo data has no subscription that can be cancelled');
  const profile = await openLead(app, sub.leadEmail, /.+/);

  await profile.getByRole('table', { name: 'Subscriptions' }).getByRole('button', { name: `Cancel subscription ${sub.id}` }).click();
  const dialog = app.getByRole('dialog', { name: 'Cancel a subscription' });
  const text = dialog.getByTestId('payment-confirm-text');
  await expect(text).toContainText(`Cancel subscription ${sub.id} to `);
  await expect(text).toContainText(sub.productName);
  await expect(text).toContainText(/\(\d+(\.\d+)? per payment\)/);
  // "Keep it" sends nothing.
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toBeHidden();
  expect(kartra.sandbox.inspect.subscriptions({ apiKey }).find((s) => s.id === sub.id)!.status).toBe('Active');

  await profile.getByRole('table', { name: 'Subscriptions' }).getByRole('button', { name: `Cancel subscription ${sub.id}` }).click();
  await dialog.getByRole('button', { name: 'Cancel subscription' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  expect(kartra.sandbox.inspect.subscriptions({ apiKey }).find((s) => s.id === sub.id)!.status).toBe('Cancelled');

  await openTab(app, 'History');
  const entry = app.getByRole('feed', { name: 'History' }).locator('article').filter({ hasText: `Cancel subscription ${sub.id}` });
  await expect(entry).toHaveCount(1);
  await expect(entry.locator('[data-cmd="cancel_transaction"]')).toHaveAttribute('data-outcome', 'done');
});

test('a refund whose answer is lost is never re-sent: the outbox shows it as needs your check, and "It’s fine" settles it', async ({ app, host }) => {
  await connectSandbox(app);
  const kartra = sandboxOf(host);
  const apiKey = DEMO_ACCOUNT.apiKey;
  // The same sandbox behind a proxy that resets the connection after the first refund was applied.
  let lost = false;
  const proxy = await startFaultProxy(kartra.sandbox.url, (r) => {
    if (lost || !r.what.includes('refund_transaction')) return 'pass';
    lost = true;
    return 'reset';
  });
  try {
    const connected = await host.core.handle('accounts.connect', { label: 'Shop via proxy', appId: SANDBOX_APP_ID, apiKey, apiPassword: DEMO_ACCOUNT.apiPassword, apiUrl: proxy.url, sessionOnly: true });
    expect(connected.ok ? 'connected' : connected.error.message).toBe('connected');
    await expect(app.getByLabel('Search leads')).toBeVisible();
    const recent = (date: string) => (Date.now() - parseEstDateTime(date)!) / DAY_MS < 7;
    const sale = kartra.sandbox.inspect.transactions({ apiKey }).find((t) => t.type === 'sale' && recent(t.date) && !t.isTest && !t.refundFails && t.refundedAmount === 0 && t.leadEmail)!;
    const profile = await openLead(app, kartra.lead({ id: sale.leadId }).email, /.+/);
    await profile.getByRole('table', { name: 'Transactions' }).getByRole('button', { name: `Refund transaction ${sale.id}` }).click();
    const dialog = app.getByRole('dialog', { name: 'Refund a payment' });
    await dialog.getByRole('button', { name: `Refund ${sale.amount}` }).click();
    await expect(dialog.getByRole('status')).toContainText('waits in the outbox for your check', { timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();

    await openTab(app, 'Outbox');
    const row = app.getByRole('table', { name: 'Outbox' }).locator('tr[data-status="needs_check"]');
    await expect(row).toContainText(`Refund ${sale.amount} (in full) of ${sale.productName}`);
    await expect(row.getByRole('group', { name: /^Check of change/ })).toContainText(`Kartra shows: Transaction ${sale.id}`);
    await expect(app.getByTestId('status-outbox')).toContainText('1 to check');
    await shoot(app, 'outbox-needs-check');
    // Applied once in the sandbox, sent once.
    expect(proxy.writes().filter((r) => r.what === 'refund_transaction')).toHaveLength(1);
    expect(kartra.sandbox.inspect.transactions({ apiKey }).find((t) => t.id === sale.id)!.refundedAmount).toBeCloseTo(sale.amount, 2);

    await row.getByRole('button', { name: /is fine$/ }).click();
    await expect(row).toHaveCount(0);
    await openTab(app, 'History');
    const entry = app.getByRole('feed', { name: 'History' }).locator('article').filter({ hasText: `Refund ${sale.amount} (in full) of ${sale.productName}` });
    await expect(entry.locator('[data-cmd="refund_transaction"]')).toHaveAttribute('data-outcome', 'done');
    expect(proxy.writes().filter((r) => r.what === 'refund_transaction')).toHaveLength(1);
  } finally {
    await proxy.close();
  }
});
