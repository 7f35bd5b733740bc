// @vitest-environment happy-dom
// Issue 15.3 in the UI: credentials go to a non-Kartra API host only after a confirmation naming it, and
// the account menu keeps showing such an address.
import '../../testing/setup-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeCore } from '../../testing/fake-core';
import { makeKartraAccount } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

const field = (name: string) => screen.getByLabelText(new RegExp(`^${name}( \\*)?$`), { selector: 'input' }) as HTMLInputElement;
const fill = (values: Record<string, string>) => {
  for (const [name, value] of Object.entries(values)) fireEvent.change(field(name), { target: { value } });
};
const demo = { 'Account name': 'Demo Store', 'API key': 'key-123', 'API password': 'secret-pw', 'App ID': 'MYAPP' };
/** The confirmation box by its label (inside "Advanced", whose collapse animation happy-dom never ends). */
const trustBox = (host: string) => screen.getByLabelText(`Send my credentials to ${host}`, { selector: 'input[type=checkbox]' });
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

describe('a non-Kartra API address on the connect form', () => {
  it('sends nothing until the box naming the host is ticked, then sends that host as the confirmation', async () => {
    const core = new FakeCore();
    renderApp(core);
    await screen.findByRole('heading', { name: 'Connect your Kartra account' });
    fireEvent.click(screen.getByRole('button', { name: 'Advanced' }));
    fill({ ...demo, 'API address': 'https://app.kartra.com.evil.example/api' });
    const box = trustBox('app.kartra.com.evil.example');
    expect(screen.getByText(/app\.kartra\.com\.evil\.example is not Kartra \(app\.kartra\.com\)/)).toBeTruthy();
    submit();
    await screen.findByText('Confirm that you trust app.kartra.com.evil.example, or use Kartra’s address');
    expect(core.callsOf('accounts.connect')).toHaveLength(0);

    // A tick for one host does not carry over to another.
    fireEvent.click(box);
    fill({ 'API address': 'https://other.example/api' });
    submit();
    await screen.findByText('Confirm that you trust other.example, or use Kartra’s address');
    expect(core.callsOf('accounts.connect')).toHaveLength(0);

    fireEvent.click(trustBox('other.example'));
    submit();
    await waitFor(() => expect(core.callsOf('accounts.connect')).toHaveLength(1));
    expect(core.callsOf('accounts.connect')[0]).toMatchObject({ apiUrl: 'https://other.example/api', confirmApiHost: 'other.example' });
  });

  it("asks nothing for Kartra's address or this computer, and refuses plain http to *.localhost", async () => {
    const core = new FakeCore();
    renderApp(core);
    await screen.findByRole('heading', { name: 'Connect your Kartra account' });
    fireEvent.click(screen.getByRole('button', { name: 'Advanced' }));
    fill({ ...demo, 'API address': 'http://kartra.localhost:8080/api' });
    submit();
    await waitFor(() => expect(field('API address').getAttribute('aria-invalid')).toBe('true'));
    fill({ 'API address': 'http://127.0.0.1:8080/api' });
    expect(document.querySelector('input[type=checkbox]')).toBeNull();
    submit();
    await waitFor(() => expect(core.callsOf('accounts.connect')).toHaveLength(1));
    expect(core.callsOf('accounts.connect')[0]).not.toHaveProperty('confirmApiHost');
  });
});

describe('account menu', () => {
  it('shows an account’s API address when it is not Kartra’s', async () => {
    const shop = makeKartraAccount({ id: 'shop', label: 'Main shop' });
    const elsewhere = makeKartraAccount({ id: 'else', label: 'Elsewhere', apiUrl: 'https://proxy.example:8443/kartra/api' });
    renderApp(new FakeCore({ status: { account: shop }, accounts: [elsewhere] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Accounts' }));
    const menu = await screen.findByRole('menu');
    const item = within(menu).getByRole('menuitem', { name: 'Elsewhere' });
    expect(item.textContent).toContain('API: proxy.example:8443/kartra/api');
    const described = (item.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('API: proxy.example:8443/kartra/api');
    expect(within(menu).getByRole('menuitem', { name: 'Main shop' }).textContent).not.toContain('API:');
  });
});
