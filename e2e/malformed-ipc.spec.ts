// The renderer is untrusted: a malformed command gets a typed invalid_input answer, and the app goes on.
import { expect, test } from './fixtures';

test('a malformed payload yields invalid_input naming the field, and the app keeps working', async ({ app }) => {
  await expect(app.getByRole('button', { name: 'Try the sandbox' })).toBeVisible();

  const reply = await app.evaluate(() => window.api.leads.find({ query: 123 } as never));
  expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'query' } } });
  expect(reply.ok ? '' : reply.error.message).toContain('query');

  const unknownShape = await app.evaluate(() => window.api.leads.applyActions({ lead: {}, actions: [] } as never));
  expect(unknownShape).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

  // Still alive: the same page connects the sandbox and reaches the search field.
  await app.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(app.getByLabel('Search leads')).toBeVisible();
  const status = await app.evaluate(() => window.api.app.status());
  expect(status).toMatchObject({ ok: true, value: { account: { kind: 'sandbox' } } });
});

test('the access token leaves the URL but survives a reload', async ({ app, host }) => {
  await expect(app.getByRole('button', { name: 'Try the sandbox' })).toBeVisible();
  expect(app.url()).not.toContain(host.token);
  await app.reload();
  await expect(app.getByRole('button', { name: 'Try the sandbox' })).toBeVisible();
  expect(await app.evaluate(() => window.api.app.status())).toMatchObject({ ok: true });
});

test('a page without the token gets no access to the core', async ({ page, host }) => {
  await page.goto(host.origin + '/');
  const reply = await page.evaluate(() => window.api.app.status());
  expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  expect(reply.ok ? '' : reply.error.message).toMatch(/token/);
});
