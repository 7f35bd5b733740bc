// @vitest-environment happy-dom
import '../../testing/setup-dom';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../../../shared/domain/account';
import type { Envelope } from '../../../../shared/ipc/envelope';
import { deferred, fail, FakeCore } from '../../testing/fake-core';
import { makeKartraAccount } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';
import { GDPR_NOTICE_TEXT } from './gdpr-notice';

/** A field by its label; required fields carry an aria-hidden " *" that is not part of their accessible name. */
const field = (name: string) => screen.getByLabelText(new RegExp(`^${name}( \\*)?$`), { selector: 'input' }) as HTMLInputElement;

function fill(values: Partial<Record<'Account name' | 'API key' | 'API password' | 'App ID' | 'API address', string>>) {
  for (const [name, value] of Object.entries(values)) fireEvent.change(field(name), { target: { value } });
}

const demo = { 'Account name': 'Demo Store', 'API key': 'key-123', 'API password': 'secret-pw', 'App ID': 'MYAPP' };

async function openWelcome(core = new FakeCore()) {
  const view = renderApp(core);
  await screen.findByRole('heading', { name: 'Connect your Kartra account' });
  return view;
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

describe('Connect form', () => {
  it('shows beside "Try the sandbox" on first start, with where Kartra keeps the key, the GDPR line and the App ID prefilled', async () => {
    await openWelcome(new FakeCore({ status: { defaultAppId: 'LEADDESK' } }));
    expect(screen.getByRole('button', { name: 'Try the sandbox' })).toBeTruthy();
    expect(screen.getByText(/My Integrations → API/)).toBeTruthy();
    expect(screen.getByTestId('gdpr-notice').textContent).toContain(GDPR_NOTICE_TEXT);
    expect(field('App ID').value).toBe('LEADDESK');
    expect(screen.getByText(/Lead Desk’s own, or your Kartra app’s/)).toBeTruthy();
    expect(field('API password').type).toBe('password');
    // The API address sits under "Advanced", with Kartra's address as its default.
    const advanced = screen.getByRole('button', { name: 'Advanced' });
    expect(advanced.getAttribute('aria-expanded')).toBe('false');
    expect(field('API address').value).toBe('https://app.kartra.com/api');
    fireEvent.click(advanced);
    expect(advanced.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/only those, on this computer, may use http/)).toBeTruthy();
    expect(screen.queryByTestId('keychain-notice')).toBeNull();
  });

  it('sends nothing while a field is empty or the address is not allowed, and says which field', async () => {
    const core = new FakeCore();
    await openWelcome(core);
    submit();
    await waitFor(() => expect(field('Account name').getAttribute('aria-invalid')).toBe('true'));
    for (const name of ['API key', 'API password', 'App ID']) expect(field(name).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter the API password')).toBeTruthy();
    expect(core.callsOf('accounts.connect')).toHaveLength(0);

    // Everything filled but a plain-http address off this computer: still nothing sent, Advanced opens on it.
    fill({ ...demo, 'API address': 'http://app.kartra.com/api' });
    submit();
    await waitFor(() => expect(field('API address').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('button', { name: 'Advanced' }).getAttribute('aria-expanded')).toBe('true');
    expect(core.callsOf('accounts.connect')).toHaveLength(0);

    fill({ 'API address': 'http://127.0.0.1:4123/api' });
    submit();
    await waitFor(() => expect(core.callsOf('accounts.connect')).toHaveLength(1));
    expect(core.callsOf('accounts.connect')[0]).toEqual({
      label: 'Demo Store',
      apiKey: 'key-123',
      apiPassword: 'secret-pw',
      appId: 'MYAPP',
      apiUrl: 'http://127.0.0.1:4123/api',
      sessionOnly: false,
    });
  });

  it('shows a loader while connecting, then the workspace of the new account', async () => {
    const core = new FakeCore();
    const held = deferred<Envelope<AccountInfo>>();
    const real = core.answer.bind(core);
    await openWelcome(core);
    real('accounts.connect', () => held.promise);
    fill(demo);
    submit();
    const button = screen.getByRole('button', { name: 'Connect' });
    await waitFor(() => expect(button.hasAttribute('data-loading')).toBe(true));

    await act(async () => held.resolve({ ok: true, value: core.makeCurrent(makeKartraAccount({ id: 'acc-9', label: 'Demo Store' })) }));
    expect(await screen.findByRole('textbox', { name: 'Search leads' })).toBeTruthy();
    const header = screen.getByRole('group', { name: 'Connected account' });
    expect(within(header).getByRole('button', { name: 'Accounts' }).textContent).toContain('Demo Store');
  });

  const authCases: [string, string, string][] = [
    ['233', 'API password', 'The API password does not match the API key. In Kartra, open My Integrations → API.'],
    ['203', 'API key', 'Kartra does not recognise the API key.'],
    ['239', 'App ID', 'Kartra does not know this App ID.'],
    ['201', 'API address', 'Kartra refused the call because it was not sent over https.'],
  ];
  for (const [type, name, message] of authCases) {
    it(`shows Kartra’s ${type} refusal with the core’s message and highlights “${name}”`, async () => {
      const core = new FakeCore();
      core.answer('accounts.connect', () => fail('auth_failed', message, false, { kartraType: type }));
      await openWelcome(core);
      fill(demo);
      submit();
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('Kartra refused the credentials');
      expect(alert.textContent).toContain(message);
      await waitFor(() => expect(field(name).getAttribute('aria-invalid')).toBe('true'));
      // The field's note is tied to it, so a screen reader reads it with the field.
      const describedBy = (field(name).getAttribute('aria-describedby') ?? '').split(' ');
      const notes = describedBy.map((id) => document.getElementById(id)?.textContent ?? '');
      expect(notes).toContain(`Check the ${name}`);
      const others = ['API key', 'API password', 'App ID', 'API address'].filter((n) => n !== name);
      for (const other of others) expect(field(other).getAttribute('aria-invalid')).not.toBe('true');
      if (name === 'API address') expect(screen.getByRole('button', { name: 'Advanced' }).getAttribute('aria-expanded')).toBe('true');
      expect(screen.queryByRole('textbox', { name: 'Search leads' })).toBeNull();

      // Editing the highlighted field clears its highlight; the typed values stay.
      fill({ [name]: 'fixed' });
      await waitFor(() => expect(field(name).getAttribute('aria-invalid')).not.toBe('true'));
      expect(field('API key').value).toBe(name === 'API key' ? 'fixed' : 'key-123');
    });
  }

  it('keeps account-level refusals (inactive account, IP) general: no field highlighted', async () => {
    const core = new FakeCore();
    core.answer('accounts.connect', () => fail('auth_failed', 'The Kartra account that owns this API key is inactive.', false, { kartraType: '204' }));
    await openWelcome(core);
    fill(demo);
    submit();
    expect((await screen.findByRole('alert')).textContent).toContain('inactive');
    for (const name of ['Account name', 'API key', 'API password', 'App ID', 'API address']) {
      expect(field(name).getAttribute('aria-invalid')).not.toBe('true');
    }
  });

  it('without a keychain: explains, offers "Keep for this session only", and re-submits with sessionOnly', async () => {
    const core = new FakeCore({ status: { keychain: { available: false, problem: 'no Secret Service' } } });
    await openWelcome(core);
    // One plain sentence with what to do; never the technical reason.
    expect(screen.getByTestId('keychain-notice').textContent).toContain('only until it quits');
    expect(screen.getByTestId('keychain-notice').textContent).toContain('install or unlock a keychain');
    expect(document.body.textContent).not.toContain('no Secret Service');

    fill(demo);
    submit();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('has no system keychain');
    expect(alert.textContent).toContain('never writes your API key and password to a file');
    // Said once: the note before the form gives way to the offer.
    expect(screen.queryByTestId('keychain-notice')).toBeNull();
    expect(document.body.textContent!.split('no system keychain').length - 1).toBe(1);
    expect(core.callsOf('accounts.connect')).toEqual([expect.objectContaining({ sessionOnly: false })]);

    fireEvent.click(within(alert).getByRole('button', { name: 'Keep for this session only' }));
    expect(await screen.findByRole('textbox', { name: 'Search leads' })).toBeTruthy();
    expect(core.callsOf('accounts.connect')).toHaveLength(2);
    expect(core.callsOf('accounts.connect')[1]).toMatchObject({ apiKey: 'key-123', apiPassword: 'secret-pw', sessionOnly: true });
    expect(within(screen.getByRole('group', { name: 'Connected account' })).getByText('this session only')).toBeTruthy();
  });

  it('keeps the session-only choice for a retry after a wrong password', async () => {
    const core = new FakeCore({ status: { keychain: { available: false, problem: 'none' } } });
    await openWelcome(core);
    fill({ ...demo, 'API password': 'wrong' });
    submit();
    core.answer('accounts.connect', (input) =>
      input.apiPassword === 'wrong'
        ? fail('auth_failed', 'The API password does not match the API key.', false, { kartraType: '233' })
        : { ok: true, value: core.makeCurrent(makeKartraAccount({ credentials: 'session' })) },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Keep for this session only' }));
    expect((await screen.findByRole('alert')).textContent).toContain('API password does not match');
    expect(screen.getByText(/kept for this session only: Lead Desk forgets them/)).toBeTruthy();

    fill({ 'API password': 'secret-pw' });
    submit();
    expect(await screen.findByRole('textbox', { name: 'Search leads' })).toBeTruthy();
    expect(core.callsOf('accounts.connect').map((c) => c.sessionOnly)).toEqual([false, true, true]);
  });
});
