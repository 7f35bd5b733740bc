// Offline journey (issue "Step 5 — Offline queued edits"): with Kartra unreachable, edits and tags wait in
// the durable outbox, survive a window reload and are sent when Kartra is back; a change made in Kartra
// meanwhile is shown as a conflict with both values and settled either way. Kartra is a sandbox this test
// starts on a fixed port and data file, stops to go offline and starts again to come back.
import { DEMO_LEAD_EMAIL } from '../src/main/core/sandbox';
import { test as base, expect } from './fixtures';
import { assignments, openEditForm, openLead, pick, profileRegion, saveEdit } from './workspace-support';
import { connectDemoTo, networkStatus, outboxTable, pendingList, statusOutbox, SwitchableSandbox } from './support/offline-steps';
import type { Page } from '@playwright/test';

const test = base.extend<{ kartra: SwitchableSandbox }>({
  // eslint-disable-next-line no-empty-pattern
  kartra: async ({}, use) => {
    const kartra = await SwitchableSandbox.create();
    try {
      await use(kartra);
    } finally {
      await kartra.dispose();
    }
  },
});

// Coming back waits for the app's next probe (its backoff grows to 15 s after a few failed ones).
test.describe.configure({ timeout: 120_000 });
const BACK_ONLINE = { timeout: 40_000 };

/** Opens the demo lead while online (so it is cached) and returns its full name. */
async function openDemoLead(app: Page, kartra: SwitchableSandbox): Promise<string> {
  const lead = kartra.lead(DEMO_LEAD_EMAIL);
  const name = `${lead.profile.first_name} ${lead.profile.last_name}`;
  await openLead(app, DEMO_LEAD_EMAIL, name);
  return name;
}

async function editField(app: Page, label: string, value: string): Promise<void> {
  const form = await openEditForm(app);
  await form.getByRole('textbox', { name: label, exact: true }).fill(value);
  await saveEdit(app);
}

async function expectOffline(app: Page): Promise<void> {
  await expect(networkStatus(app)).toContainText('Offline');
  await expect(networkStatus(app)).toContainText('changes wait in the outbox');
  await expect(networkStatus(app)).toContainText(/next try in \d+ s|trying now/);
}

test('edits and a tag made offline wait in the outbox, survive a reload and reach Kartra when it is back', async ({ app, host, kartra }) => {
  await connectDemoTo(app, host, kartra.url);
  const name = await openDemoLead(app, kartra);
  const before = kartra.lead(DEMO_LEAD_EMAIL);
  const tag = kartra.catalog().tags.find((t) => !before.tags.includes(t.name))?.name;
  if (!tag) throw new Error('the demo catalog has a tag the demo lead lacks');
  const city = before.profile.city === 'Leeds' ? 'York' : 'Leeds';
  await expect(networkStatus(app)).toContainText('Online');

  // Kartra goes away.
  await kartra.stop();
  await editField(app, 'City', city);
  await expectOffline(app);
  await pick(assignments(app), 'Tag', tag);
  await assignments(app).getByRole('button', { name: 'Assign', exact: true }).click();
  await assignments(app).getByRole('button', { name: 'Apply changes (1)' }).click();

  const waiting = pendingList(app);
  await expect(waiting.getByRole('listitem', { name: 'Edit city (pending)' })).toBeVisible();
  await expect(waiting.getByRole('listitem', { name: `Assign tag ${tag} (pending)` })).toBeVisible();
  await expect(waiting.getByRole('listitem').first()).toContainText('made offline');
  await expect(statusOutbox(app)).toHaveText('Outbox: 2 pending');
  expect(kartra.online).toBe(false);

  // A reloaded window recovers everything from the app: the queue, the offline state.
  await app.reload();
  await expectOffline(app);
  await expect(statusOutbox(app)).toHaveText('Outbox: 2 pending');
  await statusOutbox(app).click();
  await expect(app.getByRole('tab', { name: /Outbox/ })).toHaveAttribute('aria-selected', 'true');
  const rows = outboxTable(app).getByRole('row');
  // Queued by lead id, the row still names the lead by its address (the core takes it from the cache).
  await expect(rows.filter({ hasText: 'Edit city' })).toContainText(DEMO_LEAD_EMAIL);
  await expect(rows.filter({ hasText: `Assign tag ${tag}` })).toContainText('offline');
  await expect(app.getByRole('status').filter({ hasText: 'Changes wait here' })).toBeVisible();

  // Kartra is back: the next probe finds it and the queue drains in order.
  await kartra.start();
  await expect(networkStatus(app)).toContainText('Online', BACK_ONLINE);
  await expect(statusOutbox(app)).toHaveText('Outbox: nothing waiting', BACK_ONLINE);
  await expect(app.getByText('Nothing is waiting: every change reached Kartra.')).toBeVisible();

  // The profile shows Kartra's new values, and the sandbox itself has them.
  await app.getByRole('tab', { name: /Leads/ }).click();
  await openLead(app, DEMO_LEAD_EMAIL, name);
  const profile = profileRegion(app);
  await expect(profile.getByRole('group', { name: 'City', exact: true })).toContainText(city);
  await expect(profile.getByRole('list', { name: 'Tags' }).getByRole('listitem', { name: tag, exact: true })).toBeVisible();
  await expect(pendingList(app)).toHaveCount(0);
  const after = kartra.lead(DEMO_LEAD_EMAIL);
  expect(after.profile.city).toBe(city);
  expect(after.tags).toContain(tag);
});

test('a change made in Kartra while offline shows as a conflict with both values: keep mine, then keep Kartra’s', async ({ app, host, kartra }) => {
  await connectDemoTo(app, host, kartra.url);
  const name = await openDemoLead(app, kartra);
  const before = kartra.lead(DEMO_LEAD_EMAIL);
  const profile = profileRegion(app);

  // 1. City: mine wins (settled in the lead's profile).
  await kartra.stop();
  await editField(app, 'City', 'Mine');
  await expectOffline(app);
  await kartra.editBehindTheAppsBack(DEMO_LEAD_EMAIL, { city: 'Theirs' });
  await kartra.start();
  await expect(statusOutbox(app)).toHaveText('Outbox: 1 conflict', BACK_ONLINE);
  const cityConflict = pendingList(app).getByRole('listitem', { name: 'Edit city (conflict)' });
  await expect(cityConflict).toBeVisible();
  const values = cityConflict.getByRole('table', { name: /^Conflict of change/ }).getByRole('row').filter({ hasText: 'City' });
  await expect(values.getByRole('cell')).toHaveText(['City', before.profile.city || '—', 'Mine', 'Theirs']);
  await cityConflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(pendingList(app)).toHaveCount(0);
  await expect(statusOutbox(app)).toHaveText('Outbox: nothing waiting');
  await expect(profile.getByRole('group', { name: 'City', exact: true })).toContainText('Mine');
  expect(kartra.lead(DEMO_LEAD_EMAIL).profile.city).toBe('Mine');

  // 2. Company: Kartra's wins (settled on the Outbox page, reached from the status bar).
  await kartra.stop();
  await editField(app, 'Company', 'Mine Ltd');
  await expectOffline(app);
  await kartra.editBehindTheAppsBack(DEMO_LEAD_EMAIL, { company: 'Theirs Inc' });
  await kartra.start();
  await expect(statusOutbox(app)).toHaveText('Outbox: 1 conflict', BACK_ONLINE);
  await statusOutbox(app).click();
  const row = outboxTable(app).getByRole('row').filter({ hasText: 'Edit company' });
  const choice = row.getByRole('group', { name: /^Conflict of change/ });
  await expect(choice).toContainText(`Company: yours “Mine Ltd” · Kartra now “Theirs Inc” (you saw “${before.profile.company || '—'}”)`);
  await choice.getByRole('button', { name: 'Keep Kartra’s' }).click();
  await expect(row).toHaveCount(0);
  await expect(app.getByText('Nothing is waiting: every change reached Kartra.')).toBeVisible();
  await expect(statusOutbox(app)).toHaveText('Outbox: nothing waiting');
  const after = kartra.lead(DEMO_LEAD_EMAIL);
  expect(after.profile.company).toBe('Theirs Inc');
  expect(after.profile.city).toBe('Mine');

  await app.getByRole('tab', { name: /Leads/ }).click();
  await openLead(app, DEMO_LEAD_EMAIL, name);
  await expect(profile.getByRole('group', { name: 'Company', exact: true })).toContainText('Theirs Inc');
});
