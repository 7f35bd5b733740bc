// @vitest-environment happy-dom
import '../../test/setup-dom';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CommandOutput } from '../../../../shared/ipc/contract';
import type { Envelope } from '../../../../shared/ipc/envelope';
import { deferred, fail, FakeCore, ok } from '../../test/fake-core';
import { makeLead, makeSandboxAccount } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

function connectedCore() {
  return new FakeCore({
    status: { account: makeSandboxAccount() },
    leads: [
      makeLead(),
      makeLead({ id: '1002', email: 'nameless@example.com', first_name: '', last_name: '', company: '', city: '', country: '', tags: [], lists: [] }),
    ],
    tags: ['customer', 'VIP', 'Webinar 2024'],
  });
}

async function search(query: string) {
  const input = await screen.findByRole('textbox', { name: 'Search leads' });
  fireEvent.change(input, { target: { value: query } });
  fireEvent.submit(input.closest('form')!);
}

async function pickTag(name: string) {
  const picker = screen.getByRole('combobox', { name: 'Tag to assign' });
  // Focus first, as a user does: Mantine treats writes to an unfocused input as autofill.
  picker.focus();
  fireEvent.click(picker);
  fireEvent.change(picker, { target: { value: name } });
  fireEvent.click(await screen.findByRole('option', { name }));
  await waitFor(() => expect((picker as HTMLInputElement).value).toBe(name));
}

describe('Lead workspace', () => {
  it('focuses the search field on start and on Ctrl+K', async () => {
    renderApp(connectedCore());
    const input = await screen.findByRole('textbox', { name: 'Search leads' });
    expect(input.getAttribute('placeholder')).toBe('Email or lead id');
    await waitFor(() => expect(document.activeElement).toBe(input));

    const other = screen.getByRole('button', { name: 'Search' });
    other.focus();
    expect(document.activeElement).toBe(other);
    fireEvent.keyDown(document.documentElement, { key: 'k', code: 'KeyK', ctrlKey: true });
    expect(document.activeElement).toBe(input);
  });

  it('finds a lead on Enter and shows its name, place, score, tags and lists', async () => {
    const core = connectedCore();
    renderApp(core);
    await search('  ada@example.com ');

    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(core.callsOf('leads.find')).toEqual([{ query: 'ada@example.com' }]);
    expect(screen.getByText('ada@example.com')).toBeTruthy();
    expect(screen.getByText('Analytical Engines · London · GB')).toBeTruthy();
    expect(screen.getByLabelText('Score 42')).toBeTruthy();

    const tags = within(screen.getByRole('list', { name: 'Tags' })).getAllByRole('listitem');
    expect(tags.map((t) => t.textContent)).toEqual(['customer']);

    const lists = screen.getByRole('list', { name: 'Lists' });
    const active = within(lists).getByRole('listitem', { name: 'Newsletter (active)' });
    const inactive = within(lists).getByRole('listitem', { name: 'Old promo (inactive)' });
    expect(active.textContent).toContain('Active');
    expect(inactive.textContent).toContain('Inactive');
    expect(active.getAttribute('data-active')).toBe('true');
    expect(inactive.getAttribute('data-active')).toBe('false');
  });

  it('falls back to the email when the lead has no name, and says when tags and lists are empty', async () => {
    renderApp(connectedCore());
    await search('1002');
    expect(await screen.findByRole('heading', { name: 'nameless@example.com' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Tags' })).queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.getByText('No tags yet.')).toBeTruthy();
    expect(screen.getByText('Not on any list.')).toBeTruthy();
  });

  it('shows a not-found envelope’s message under the search field', async () => {
    renderApp(connectedCore());
    await search('nobody@example.com');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No lead matches “nobody@example.com”');
    expect(alert.textContent).toContain('No lead with the email or id “nobody@example.com”.');
    expect(screen.queryByRole('list', { name: 'Tags' })).toBeNull();
  });

  it('shows an offline error plainly', async () => {
    const core = connectedCore();
    core.answer('leads.find', () => fail('offline', 'Kartra cannot be reached and this lead is not in the local cache.', true));
    renderApp(core);
    await search('ada@example.com');
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe('offline');
    expect(alert.textContent).toContain('Offline');
    expect(alert.textContent).toContain('Kartra cannot be reached and this lead is not in the local cache.');
  });

  it('does not call the core for an empty search', async () => {
    const core = connectedCore();
    renderApp(core);
    await search('   ');
    expect((await screen.findByRole('alert')).textContent).toContain('Type an email or a lead id to search.');
    expect(core.callsOf('leads.find')).toHaveLength(0);
  });

  it('assigns a tag: pending badge while the call runs, then the lead the call returned', async () => {
    const core = connectedCore();
    const held = deferred<Envelope<CommandOutput<'leads.applyActions'>>>();
    core.answer('leads.applyActions', () => held.promise);
    renderApp(core);
    await search('ada@example.com');
    await screen.findByRole('heading', { name: 'Ada Lovelace' });

    await pickTag('VIP');
    fireEvent.click(screen.getByRole('button', { name: 'Assign tag' }));

    const pending = await screen.findByRole('listitem', { name: 'VIP (assigning)' });
    expect(pending.getAttribute('aria-busy')).toBe('true');
    expect(core.callsOf('leads.applyActions')).toEqual([
      { lead: { id: '1001' }, actions: [{ cmd: 'assign_tag', tag_name: 'VIP' }] },
    ]);

    // The panel shows what the call returned (here the core also added a tag of its own).
    await act(async () => {
      held.resolve(
        ok({
          lead: makeLead({ tags: ['customer', 'VIP', 'added-by-automation'] }),
          results: [{ cmd: 'assign_tag', ok: true, message: 'Tag added to lead', kartraType: '103' }],
        }),
      );
    });
    const tags = within(screen.getByRole('list', { name: 'Tags' })).getAllByRole('listitem');
    expect(tags.map((t) => t.getAttribute('aria-label'))).toEqual(['customer', 'VIP', 'added-by-automation']);
    expect(screen.queryByRole('listitem', { name: 'VIP (assigning)' })).toBeNull();
    expect(screen.getByText('“VIP” was assigned to Ada Lovelace.')).toBeTruthy();
  });

  it('does not offer tags the lead already has', async () => {
    renderApp(connectedCore());
    await search('ada@example.com');
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Tag to assign' })).toBeTruthy());
    fireEvent.click(screen.getByRole('combobox', { name: 'Tag to assign' }));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(['VIP', 'Webinar 2024']);
  });

  it('shows a failed assignment near the control and in a notification, and keeps the lead', async () => {
    const core = connectedCore();
    core.answer('leads.applyActions', () => fail('kartra_error', 'Kartra says: Tag does not exist (type 212).'));
    renderApp(core);
    await search('ada@example.com');
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    await pickTag('Webinar 2024');
    fireEvent.click(screen.getByRole('button', { name: 'Assign tag' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The tag was not assigned');
    expect(alert.textContent).toContain('Kartra says: Tag does not exist (type 212).');
    expect(screen.getByText('Could not assign “Webinar 2024”')).toBeTruthy();
    const tags = within(screen.getByRole('list', { name: 'Tags' })).getAllByRole('listitem');
    expect(tags.map((t) => t.textContent)).toEqual(['customer']);
  });

  it('reports an action Kartra refused inside a successful call', async () => {
    const core = connectedCore();
    core.answer('leads.applyActions', () =>
      ok({ lead: makeLead(), results: [{ cmd: 'assign_tag', ok: false, message: 'Tag does not exist', kartraType: '212' }] }),
    );
    renderApp(core);
    await search('ada@example.com');
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    await pickTag('VIP');
    fireEvent.click(screen.getByRole('button', { name: 'Assign tag' }));
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe('kartra_error');
    expect(alert.textContent).toContain('Tag does not exist');
  });

  it('refreshes the tag list from Kartra on demand', async () => {
    const core = connectedCore();
    renderApp(core);
    await search('ada@example.com');
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    await waitFor(() => expect(core.callsOf('account.tags')).toEqual([{ refresh: false }]));

    core.tags.push('Brand new');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh tags' }));
    await waitFor(() => expect(core.callsOf('account.tags')).toEqual([{ refresh: false }, { refresh: true }]));
    fireEvent.click(screen.getByRole('combobox', { name: 'Tag to assign' }));
    expect(await screen.findByRole('option', { name: 'Brand new' })).toBeTruthy();
  });
});

describe('Lead workspace when the account went away', () => {
  it('re-reads the app status on not_connected and returns to the welcome screen', async () => {
    const core = connectedCore();
    core.answer('leads.find', () => {
      core.status = { ...core.status, account: null };
      return fail('not_connected', 'No Kartra account is connected.');
    });
    renderApp(core);
    await search('ada@example.com');
    expect(await screen.findByRole('button', { name: 'Try the sandbox' })).toBeTruthy();
    expect(core.callsOf('app.status')).toHaveLength(2);
  });
});
