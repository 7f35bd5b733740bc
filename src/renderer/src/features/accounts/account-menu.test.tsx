// @vitest-environment happy-dom
import '../../testing/setup-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail, FakeCore } from '../../testing/fake-core';
import { makeKartraAccount, makeLead, makeSandboxAccount } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';
import { DELETE_LOCAL_DATA_LABEL } from './forget-account-modal';

const shop = makeKartraAccount({ id: 'shop', label: 'Main shop' });
const agency = makeKartraAccount({ id: 'agency', label: 'Agency', appId: 'AGENCYAPP' });
const stale = makeKartraAccount({ id: 'stale', label: 'Old shop', credentials: 'missing' });
const travel = makeKartraAccount({ id: 'travel', label: 'Travel', credentials: 'session' });
const sandbox = makeSandboxAccount({ label: 'Sandbox · Demo Store' });

function coreWith(options: ConstructorParameters<typeof FakeCore>[0] = {}) {
  return new FakeCore({ status: { account: shop }, accounts: [agency, stale, travel, sandbox], ...options });
}

async function openMenu() {
  fireEvent.click(await screen.findByRole('button', { name: 'Accounts' }));
  return screen.findByRole('menu');
}

const header = () => screen.getByRole('group', { name: 'Connected account' });

describe('Account menu', () => {
  it('lists every account by its label, marking the sandbox, missing and session-only credentials and the current one', async () => {
    const core = coreWith();
    renderApp(core);
    const menu = await openMenu();
    expect(within(header()).getByRole('button', { name: 'Accounts' }).textContent).toContain('Main shop');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => item.getAttribute('aria-label') ?? item.textContent)).toEqual([
      'Main shop',
      'Agency',
      'Old shop',
      'Travel',
      'Sandbox · Demo Store',
      'Add account…',
      'Update API key and password…',
      'Rename…',
      'Forget…',
    ]);
    const describe = (name: string) => {
      const item = within(menu).getByRole('menuitem', { name });
      return document.getElementById(item.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    };
    expect(describe('Main shop')).toBe('currentconnected');
    expect(within(menu).getByRole('menuitem', { name: 'Main shop' }).getAttribute('aria-current')).toBe('true');
    expect(describe('Old shop')).toBe('needs credentials');
    expect(describe('Travel')).toBe('this session only');
    expect(describe('Sandbox · Demo Store')).toBe('Sandbox');
    expect(within(menu).getByRole('menuitem', { name: 'Agency' }).hasAttribute('aria-describedby')).toBe(false);
    // Opening the menu re-reads the list (labels and credentials may have changed).
    await waitFor(() => expect(core.callsOf('accounts.list').length).toBeGreaterThanOrEqual(2));
  });

  it('switches accounts: the workspace reloads for the new one and nothing of the old one stays', async () => {
    const core = coreWith({ leads: [makeLead({ email: 'ada@example.com' })] });
    renderApp(core);
    const search = await screen.findByRole('textbox', { name: 'Search leads' });
    fireEvent.change(search, { target: { value: 'ada@example.com' } });
    fireEvent.submit(search.closest('form')!);
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
    await waitFor(() => expect(core.callsOf('account.lists')).toHaveLength(1));

    fireEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Agency' }));
    await waitFor(() => expect(within(header()).getByRole('button', { name: 'Accounts' }).textContent).toContain('Agency'));
    expect(core.callsOf('accounts.switch')).toEqual([{ id: 'agency' }]);
    expect(screen.queryByRole('heading', { name: 'Ada Lovelace' })).toBeNull();
    expect((screen.getByRole('textbox', { name: 'Search leads' }) as HTMLInputElement).value).toBe('');
    // The new account's lists (tags among them) are loaded for it.
    await waitFor(() => expect(core.callsOf('account.lists')).toHaveLength(2));
  });

  it('opens the connect form for an account that needs its credentials, with its id, name and App ID', async () => {
    const core = coreWith();
    renderApp(core);
    fireEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Old shop' }));
    expect(await screen.findByRole('heading', { name: 'Reconnect “Old shop”' })).toBeTruthy();
    expect(core.callsOf('accounts.switch')).toHaveLength(0);
    const form = screen.getByRole('form', { name: 'Reconnect Old shop' });
    expect((within(form).getByRole('textbox', { name: 'Account name' }) as HTMLInputElement).value).toBe('Old shop');
    expect((within(form).getByRole('textbox', { name: 'App ID' }) as HTMLInputElement).value).toBe('MYAPP');

    fireEvent.change(within(form).getByRole('textbox', { name: 'API key' }), { target: { value: 'k2' } });
    fireEvent.change(within(form).getByLabelText(/^API password/, { selector: 'input' }), { target: { value: 'p2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('textbox', { name: 'Search leads' })).toBeTruthy();
    expect(core.callsOf('accounts.connect')).toEqual([
      { label: 'Old shop', apiKey: 'k2', apiPassword: 'p2', appId: 'MYAPP', apiUrl: 'https://app.kartra.com/api', sessionOnly: false, accountId: 'stale' },
    ]);
    expect(within(header()).getByRole('button', { name: 'Accounts' }).textContent).toContain('Old shop');
  });

  it('"Add account…" opens an empty connect form; Cancel goes back to the workspace', async () => {
    renderApp(coreWith());
    fireEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Add account…' }));
    expect(await screen.findByRole('heading', { name: 'Connect your Kartra account' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Account name' }) as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('textbox', { name: 'Search leads' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('textbox', { name: 'Search leads' })).toBeTruthy();
  });

  it('says why a switch failed, and asks for credentials the core no longer has', async () => {
    const core = coreWith();
    core.answer('accounts.switch', () => fail('not_connected', 'Enter the API key and password of "Agency" again to reconnect it.'));
    renderApp(core);
    fireEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Agency' }));
    expect(await screen.findByRole('heading', { name: 'Reconnect “Agency”' })).toBeTruthy();
    const toast = await screen.findByText('Could not switch to Agency');
    expect(toast.closest('[data-notify-kind]')?.textContent).toContain('again to reconnect it');
  });

  it('renames the current account in a modal', async () => {
    const core = coreWith();
    renderApp(core);
    fireEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Rename…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rename account' });
    const input = within(dialog).getByRole('textbox', { name: 'Account name' }) as HTMLInputElement;
    expect(input.value).toBe('Main shop');

    fireEvent.change(input, { target: { value: ' ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Enter the account name')).toBeTruthy();
    expect(core.callsOf('accounts.rename')).toHaveLength(0);

    fireEvent.change(input, { target: { value: 'Flagship store' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Rename account' })).toBeNull());
    expect(core.callsOf('accounts.rename')).toEqual([{ id: 'shop', label: 'Flagship store' }]);
    expect(within(header()).getByRole('button', { name: 'Accounts' }).textContent).toContain('Flagship store');
    expect(within(await openMenu()).getByRole('menuitem', { name: 'Flagship store' })).toBeTruthy();
  });

  it('shows why a rename was refused and keeps the modal open', async () => {
    const core = coreWith();
    core.answer('accounts.rename', () => fail('invalid_input', 'Invalid input for accounts.rename: label — keep the name under 80 characters'));
    renderApp(core);
    fireEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Rename…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rename account' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Account name' }), { target: { value: 'Other' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('keep the name under 80 characters');
  });

  it('forgets the credentials but keeps the local data: the account stays listed as needing credentials', async () => {
    const core = coreWith();
    renderApp(core);
    fireEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Forget…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Forget account' });
    expect(dialog.textContent).toMatch(/removes the API key and password of “Main shop” from the system keychain/);
    const checkbox = within(dialog).getByRole('checkbox', { name: DELETE_LOCAL_DATA_LABEL }) as HTMLInputElement;
    expect(checkbox.checked).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Forget account' }));

    expect(await screen.findByRole('heading', { name: 'Welcome to Lead Desk' })).toBeTruthy();
    expect(core.callsOf('accounts.forget')).toEqual([{ id: 'shop', deleteLocalData: false }]);
    const item = within(await openMenu()).getByRole('menuitem', { name: 'Main shop' });
    expect(document.getElementById(item.getAttribute('aria-describedby') ?? '')?.textContent).toBe('needs credentials');
  });

  it('forgets an account with its local data: it leaves the list', async () => {
    const core = coreWith();
    renderApp(core);
    fireEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Forget…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Forget account' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: DELETE_LOCAL_DATA_LABEL }));
    expect(dialog.textContent).toContain('changes still waiting to reach Kartra are lost');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Forget account' }));

    expect(await screen.findByRole('heading', { name: 'Welcome to Lead Desk' })).toBeTruthy();
    expect(core.callsOf('accounts.forget')).toEqual([{ id: 'shop', deleteLocalData: true }]);
    const menu = await openMenu();
    expect(within(menu).queryByRole('menuitem', { name: 'Main shop' })).toBeNull();
    expect(within(menu).getByRole('menuitem', { name: 'Agency' })).toBeTruthy();
  });

  it('Cancel in the forget modal forgets nothing', async () => {
    const core = coreWith();
    renderApp(core);
    fireEvent.click(within(await openMenu()).getByRole('menuitem', { name: 'Forget…' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Forget account' })).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(core.callsOf('accounts.forget')).toHaveLength(0);
    expect(screen.getByRole('textbox', { name: 'Search leads' })).toBeTruthy();
  });

  it('after a restart without a keychain, asks for the last account’s credentials on the welcome screen', async () => {
    const core = new FakeCore({
      accounts: [stale, agency],
      currentId: 'stale',
      status: { keychain: { available: false, problem: 'no Secret Service' } },
    });
    renderApp(core);
    expect(await screen.findByRole('heading', { name: 'Reconnect “Old shop”' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try the sandbox' })).toBeTruthy();
    // The switcher is there (accounts are known) though none is connected; the missing keychain is said once, on the
    // connect panel, never with its technical reason.
    const menu = await openMenu();
    expect(within(menu).queryByRole('note')).toBeNull();
    expect(screen.getAllByRole('note', { name: 'Keychain' })).toHaveLength(1);
    expect(document.body.textContent).not.toContain('no Secret Service');
    expect(within(menu).getByRole('menuitem', { name: 'Rename…' })).toBeTruthy();
  });

  it('shows no switcher before any account exists', async () => {
    renderApp(new FakeCore());
    await screen.findByRole('button', { name: 'Try the sandbox' });
    expect(screen.queryByRole('button', { name: 'Accounts' })).toBeNull();
  });
});

describe('Test Mode badge', () => {
  it('marks an account in Test Mode and explains what it means and how to leave it', async () => {
    renderApp(new FakeCore({ status: { account: makeKartraAccount({ testMode: true }) } }));
    const badge = await within(await screen.findByRole('group', { name: 'Connected account' })).findByRole('button', {
      name: 'Test Mode: what this means',
    });
    expect(badge.textContent).toBe('Test Mode');
    fireEvent.click(badge);
    const about = await screen.findByRole('dialog', { name: 'This Kartra app is in Test Mode' });
    expect(about.textContent).toContain('Kartra keeps every new App in Test Mode');
    expect(about.textContent).toContain('@kartra.com');
    expect(about.textContent).toContain('no emails are sent to leads');
    expect(about.textContent).toContain('submit the App for live activation in Kartra');
  });

  it('is absent for a live account', async () => {
    renderApp(new FakeCore({ status: { account: makeKartraAccount({ testMode: false }) } }));
    await screen.findByRole('group', { name: 'Connected account' });
    expect(screen.queryByText('Test Mode')).toBeNull();
  });

  it('finds an account by a word of its name, shows each account\'s colour and pending changes, and never cuts a long name', async () => {
    const long = makeKartraAccount({ id: 'long', label: 'Agency Client (the one with the very long trading name) Ltd' });
    const core = coreWith({ accounts: [agency, stale, travel, sandbox, long] });
    core.pending = { agency: 3, shop: 1 };
    renderApp(core);
    const menu = await openMenu();
    const item = await within(menu).findByRole('menuitem', { name: long.label });
    // The whole name is in the item's text, wrapped rather than cut with an ellipsis.
    expect(item.textContent).toContain(long.label);
    expect(within(item).getByText(long.label).getAttribute('data-truncate')).toBeNull();
    await waitFor(() => expect(within(menu).getByRole('menuitem', { name: 'Agency' }).textContent).toContain('3 pending'));
    expect(within(menu).getByRole('menuitem', { name: 'Main shop' }).textContent).toContain('1 pending');
    expect(within(menu).getByRole('menuitem', { name: 'Travel' }).textContent).not.toContain('pending');

    fireEvent.change(within(menu).getByRole('searchbox', { name: 'Find an account' }), { target: { value: 'trading' } });
    expect(within(menu).getAllByRole('menuitem').map((i) => i.getAttribute('aria-label')).filter(Boolean)).toEqual([long.label]);
    fireEvent.change(within(menu).getByRole('searchbox', { name: 'Find an account' }), { target: { value: 'nothing like it' } });
    expect(within(menu).getByText('No account matches “nothing like it”.')).toBeTruthy();
  });

  it('offers "Switch to …" for every other account in the command palette, and switches', async () => {
    const core = coreWith();
    core.pending = { agency: 2 };
    renderApp(core);
    const search = await screen.findByRole('textbox', { name: 'Search leads' });
    fireEvent.keyDown(search, { key: 'k', code: 'KeyK', ctrlKey: true });
    const command = await screen.findByRole('textbox', { name: 'Command' });
    fireEvent.change(command, { target: { value: 'switch' } });
    const dialog = command.closest('[role="dialog"]') as HTMLElement;
    const entry = await within(dialog).findByRole('button', { name: /Switch to Agency/ });
    expect(entry.textContent).toContain('2 pending');
    expect(within(dialog).queryByRole('button', { name: /Switch to Main shop/ })).toBeNull();
    fireEvent.click(entry);
    await waitFor(() => expect(within(header()).getByRole('button', { name: 'Accounts' }).textContent).toContain('Agency'));
  });
});
