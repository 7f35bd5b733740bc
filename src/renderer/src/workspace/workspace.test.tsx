// @vitest-environment happy-dom
import '../testing/setup-dom';
import './testing/dom-extras';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeLead } from '../testing/fixtures';
import { renderWorkspace } from './testing/render-workspace';
import { makeWorkspaceCore } from './testing/workspace-fake-core';
import { shortcutLabel, WORKSPACE_PAGES } from './pages';

const rowsOf = (grid: HTMLElement) => within(grid).getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');

describe('Lead workspace', () => {
  it('derives its tabs, palette entries and page shortcuts from the page registry', async () => {
    renderWorkspace(makeWorkspaceCore());
    const grid = await screen.findByRole('grid', { name: 'Leads' });
    const tabs = within(screen.getByRole('tablist', { name: 'Workspace pages' })).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(WORKSPACE_PAGES.map((p) => p.label));

    const outbox = WORKSPACE_PAGES.find((p) => p.id === 'outbox')!;
    // A page shortcut works from the search field too (Alt+digit types nothing).
    const search = within(grid.ownerDocument.body).getByRole('textbox', { name: 'Search leads' });
    search.focus();
    fireEvent.keyDown(search, { key: outbox.shortcut.split('+').at(-1), altKey: true });
    expect(screen.getByRole('tab', { name: /Outbox/ }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('heading', { name: 'Outbox' })).toBeTruthy();

    fireEvent.keyDown(document.body, { key: 'k', code: 'KeyK', ctrlKey: true });
    const dialog = (await screen.findByRole('textbox', { name: 'Command' })).closest('[role="dialog"]') as HTMLElement;
    for (const page of WORKSPACE_PAGES) {
      const entry = within(dialog).getByRole('button', { name: new RegExp(page.palette.label) });
      expect(entry.textContent).toContain(shortcutLabel(page.shortcut));
    }
  });


  it('lists the cached leads in the grid with their count, and filters as the user types', async () => {
    const kit = makeWorkspaceCore();
    renderWorkspace(kit);
    const grid = await screen.findByRole('grid', { name: 'Leads' });
    await waitFor(() => expect(rowsOf(grid)).toHaveLength(2));
    expect(screen.getByTestId('lead-count').textContent).toContain('2 leads');
    expect(rowsOf(grid).map((r) => within(r).getAllByRole('gridcell')[1]!.textContent)).toEqual(['Ada Lovelace', 'Bob Builder']);
    expect(grid.getAttribute('aria-rowcount')).toBe('3');

    const search = screen.getByRole('textbox', { name: 'Search leads' });
    expect(search.getAttribute('placeholder')).toBe('Name, email, company or tag — Enter looks up Kartra');
    fireEvent.change(search, { target: { value: 'bric' } });
    await waitFor(() => expect(screen.getByTestId('lead-count').textContent).toContain('1 match'));
    expect(rowsOf(grid).map((r) => r.getAttribute('data-lead-id'))).toEqual(['1002']);
  });

  it('opens the profile from a row click and from the keyboard', async () => {
    const kit = makeWorkspaceCore();
    renderWorkspace(kit);
    const grid = await screen.findByRole('grid', { name: 'Leads' });
    await waitFor(() => expect(rowsOf(grid)).toHaveLength(2));
    fireEvent.click(rowsOf(grid)[1]!);
    const profile = await screen.findByRole('region', { name: 'Lead profile' });
    expect(await within(profile).findByRole('heading', { name: 'Bob Builder' })).toBeTruthy();
    expect(kit.core.callsOf('leads.profile')).toEqual([{ id: '1002' }]);

    grid.focus();
    fireEvent.keyDown(grid, { key: 'Home' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(await within(profile).findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(rowsOf(grid)[0]!.getAttribute('aria-selected')).toBe('true');
  });

  it('Enter on an email asks Kartra and opens that lead; an unknown one says so', async () => {
    const kit = makeWorkspaceCore();
    kit.core.leads.push(makeLead({ id: '3003', email: 'carol@example.com', first_name: 'Carol', last_name: 'Kartra' }));
    renderWorkspace(kit);
    const search = await screen.findByRole('textbox', { name: 'Search leads' });
    fireEvent.change(search, { target: { value: 'carol@example.com' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: 'Carol Kartra' })).toBeTruthy();
    expect(kit.core.callsOf('leads.find')).toEqual([{ query: 'carol@example.com' }]);

    fireEvent.change(search, { target: { value: 'nobody@example.com' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No lead matches “nobody@example.com” in Kartra');
  });

  it('says the table is stale when the app is offline', async () => {
    const kit = makeWorkspaceCore({ online: false });
    renderWorkspace(kit);
    const notice = await screen.findByRole('status', { name: 'Stale data' });
    expect(notice.textContent).toMatch(/Offline: these are leads as last seen \(newest .+ ago\)/);
  });

  it('opens the palette with Ctrl+K, "Search leads" first, and runs its commands', async () => {
    const kit = makeWorkspaceCore();
    renderWorkspace(kit);
    await screen.findByRole('grid', { name: 'Leads' });
    const search = screen.getByRole('textbox', { name: 'Search leads' });
    search.focus();
    // Works while typing in a field too.
    fireEvent.keyDown(search, { key: 'k', code: 'KeyK', ctrlKey: true });
    const command = await screen.findByRole('textbox', { name: 'Command' });
    const dialog = command.closest('[role="dialog"]') as HTMLElement;
    const actions = within(dialog).getAllByRole('button').filter((b) => b.classList.contains('mantine-Spotlight-action'));
    expect(actions[0]!.textContent).toContain('Search leads');
    expect(actions.map((a) => a.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('New lead'), expect.stringContaining('Open account browser'), expect.stringContaining('Refresh account lists')]),
    );

    fireEvent.click(within(dialog).getByRole('button', { name: /Open account browser/ }));
    expect(await screen.findByRole('heading', { name: 'Account' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Command' })).toBeNull();
  });

  it('has single-key shortcuts: / focuses the search, N opens New lead, E edits, Esc closes the profile', async () => {
    const kit = makeWorkspaceCore();
    renderWorkspace(kit);
    const grid = await screen.findByRole('grid', { name: 'Leads' });
    await waitFor(() => expect(rowsOf(grid)).toHaveLength(2));
    const search = screen.getByRole('textbox', { name: 'Search leads' });

    grid.focus();
    fireEvent.keyDown(grid, { key: '/' });
    expect(document.activeElement).toBe(search);

    grid.focus();
    fireEvent.keyDown(grid, { key: 'n' });
    expect(await screen.findByRole('dialog', { name: 'New lead' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New lead' })).toBeNull());

    fireEvent.click(rowsOf(grid)[0]!);
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    grid.focus();
    fireEvent.keyDown(grid, { key: 'e' });
    expect(await screen.findByRole('dialog', { name: 'Edit Ada Lovelace' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    act(() => {
      grid.focus();
      fireEvent.keyDown(grid, { key: 'Escape' });
    });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Lead profile' })).toBeNull());
  });
});
