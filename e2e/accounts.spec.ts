// Accounts journey: connect a Kartra account (a wrong password first), add a second one, switch between
// them — each account sees only its own leads — and the renderer never receives a secret.
import { AGENCY_ACCOUNT, DEMO_ACCOUNT, DEMO_LEAD_EMAIL, SANDBOX_APP_ID, type RunningSandbox } from '../src/main/core/sandbox';
import { findLead } from './journeys/sandbox-journey';
import {
  addAccount,
  connectForm,
  expectCurrentAccount,
  fillConnectForm,
  keepForThisSessionOnly,
  keychainAvailable,
  leadRegion,
  submitConnect,
  switchAccount,
} from './support/accounts-steps';
import { expect, test } from './support/sandbox-fixture';
import type { Page } from '@playwright/test';
import type { RunningHost } from '../src/host/start-host';

const WRONG_PASSWORD = 'not-the-demo-password';

/** Connects the demo account with a wrong password first, checks Kartra's 233 explanation, then fixes it. */
async function connectDemoAfterWrongPassword(app: Page, host: RunningHost, sandbox: RunningSandbox): Promise<void> {
  const sessionOnly = !(await keychainAvailable(host));
  await expect(app.getByRole('heading', { name: 'Connect your Kartra account' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Try the sandbox' })).toBeVisible();
  await fillConnectForm(app, {
    label: DEMO_ACCOUNT.label,
    apiKey: DEMO_ACCOUNT.apiKey,
    apiPassword: WRONG_PASSWORD,
    appId: SANDBOX_APP_ID,
    apiUrl: sandbox.url,
  });
  await submitConnect(app);
  // Without a Secret Service the core refuses before calling Kartra; the user agrees to session-only storage.
  if (sessionOnly) await keepForThisSessionOnly(app);

  const refusal = connectForm(app).getByRole('alert').filter({ hasText: 'Kartra refused the credentials' });
  await expect(refusal).toContainText('The API password does not match the API key');
  await expect(refusal).toContainText('My Integrations → API');
  const password = connectForm(app).getByLabel('API password');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(connectForm(app).getByLabel('API key')).not.toHaveAttribute('aria-invalid', 'true');
  if (sessionOnly) await expect(connectForm(app).getByText(/kept for this session only/)).toBeVisible();

  await password.fill(DEMO_ACCOUNT.apiPassword);
  await submitConnect(app);
  await expectCurrentAccount(app, DEMO_ACCOUNT.label);
  if (sessionOnly) await expect(app.getByRole('group', { name: 'Connected account' })).toContainText('this session only');
}

test('connect two accounts, switch between them, and each shows only its own leads', async ({ app, host, sandbox }) => {
  const agencyLead = sandbox.inspect.listLeads({ apiKey: AGENCY_ACCOUNT.apiKey })[0];
  if (!agencyLead) throw new Error('the sandbox seeded no lead for the agency account');
  expect(sandbox.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, email: agencyLead.email }), 'the agency lead is the agency’s only').toBeNull();

  await connectDemoAfterWrongPassword(app, host, sandbox);

  // A second account: it becomes the current one.
  await addAccount(app);
  await fillConnectForm(app, {
    label: AGENCY_ACCOUNT.label,
    apiKey: AGENCY_ACCOUNT.apiKey,
    apiPassword: AGENCY_ACCOUNT.apiPassword,
    appId: SANDBOX_APP_ID,
    apiUrl: sandbox.url,
  });
  await submitConnect(app);
  if (!(await keychainAvailable(host))) await keepForThisSessionOnly(app);
  await expectCurrentAccount(app, AGENCY_ACCOUNT.label);

  await findLead(app, agencyLead.email);
  await expect(leadRegion(app)).toContainText(agencyLead.email);

  // Back to the demo account: nothing of the agency's stays, and its lead is not the demo's.
  await switchAccount(app, DEMO_ACCOUNT.label);
  await expect(leadRegion(app)).toHaveCount(0);
  await expect(app.getByLabel('Search leads')).toHaveValue('');
  await findLead(app, agencyLead.email);
  await expect(app.getByRole('alert').filter({ hasText: `No lead matches “${agencyLead.email}”` })).toBeVisible();
  await expect(leadRegion(app)).toHaveCount(0);

  await findLead(app, DEMO_LEAD_EMAIL);
  await expect(leadRegion(app)).toContainText(DEMO_LEAD_EMAIL);
});

test('the page never receives the API key or password over its WebSocket', async ({ app, host, sandbox, wsFrames }) => {
  await connectDemoAfterWrongPassword(app, host, sandbox);
  await findLead(app, DEMO_LEAD_EMAIL);
  await expect(leadRegion(app)).toContainText(DEMO_LEAD_EMAIL);

  // The recorder works: the commands went out with the secrets, and answers came back.
  expect(wsFrames.sent.some((frame) => frame.includes(DEMO_ACCOUNT.apiPassword))).toBe(true);
  expect(wsFrames.received.some((frame) => frame.includes(DEMO_LEAD_EMAIL))).toBe(true);
  expect(wsFrames.received.some((frame) => frame.includes(DEMO_ACCOUNT.label))).toBe(true);

  for (const secret of [DEMO_ACCOUNT.apiKey, DEMO_ACCOUNT.apiPassword, WRONG_PASSWORD]) {
    const leaks = wsFrames.received.filter((frame) => frame.includes(secret));
    expect(leaks, `frames the page received that contain "${secret}"`).toEqual([]);
  }
});
