// @vitest-environment happy-dom
import '../../testing/setup-dom';
import '../../workspace/testing/dom-extras';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWorkspace } from '../../workspace/testing/render-workspace';
import { makeWorkspaceCore } from '../../workspace/testing/workspace-fake-core';
import { validateCustomField } from './create-custom-field-form';

async function openAccount() {
  const kit = makeWorkspaceCore();
  const view = renderWorkspace(kit);
  fireEvent.click(await screen.findByRole('tab', { name: 'Account' }));
  await screen.findByRole('heading', { name: 'Account' });
  await screen.findByRole('region', { name: 'Account tags' });
  return { ...view, kit };
}

describe('Account browser', () => {
  it('shows every list with its fetch time, sequences by name (Kartra lists no steps), pages with URLs, custom fields with options', async () => {
    const { core } = await openAccount();
    const tags = screen.getByRole('region', { name: 'Account tags' });
    expect(tags.textContent).toContain('VIP');
    expect(within(tags).getByTestId('fetched-tags').textContent).toMatch(/^fetched \d+ days ago$/);
    const sequences = screen.getByRole('table', { name: 'Account sequences' });
    expect(sequences.textContent).toContain('Welcome Series');
    expect(sequences.textContent).toContain('Win-back');
    expect(within(sequences).queryByRole('columnheader', { name: 'Steps' })).toBeNull();
    expect(screen.getByRole('table', { name: 'Account pages' }).textContent).toContain('https://demo.kartra.com/home');
    const fields = screen.getByRole('table', { name: 'Account custom fields' });
    expect(fields.textContent).toContain('company_size');
    expect(fields.textContent).toContain('Just me, 2-10, 11-50');
    expect(core.callsOf('account.lists')).toEqual([{ refresh: [] }]);
  });

  it('refreshes one kind, or all, from Kartra', async () => {
    const { core, kit } = await openAccount();
    kit.catalog.tags.push('Brand new');
    fireEvent.click(within(screen.getByRole('region', { name: 'Account tags' })).getByRole('button', { name: 'Refresh tags' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Account tags' }).textContent).toContain('Brand new'));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh all' }));
    await waitFor(() => expect(core.callsOf('account.lists')).toHaveLength(3));
    expect(core.callsOf('account.lists').slice(1)).toEqual([{ refresh: ['tags'] }, { refresh: ['tags', 'lists', 'sequences', 'pages', 'custom_fields'] }]);
  });

  it('checks a new custom field before sending: identifier characters, two options, duplicates', async () => {
    const { core } = await openAccount();
    const form = screen.getByRole('form', { name: 'Create custom field' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Identifier' }), { target: { value: 'shoe size' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create field' }));
    expect(await within(form).findByText('Use only letters, numbers, dashes and underscores')).toBeTruthy();

    fireEvent.change(within(form).getByRole('textbox', { name: 'Identifier' }), { target: { value: 'Company_Size' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create field' }));
    expect(await within(form).findByText('A custom field named “company_size” already exists')).toBeTruthy();
    expect(core.callsOf('account.createCustomField')).toHaveLength(0);

    expect(validateCustomField({ identifier: 'shoe_size', type: 'drop_down', options: ['42'] }, []).options).toBe(
      'Give at least two options for a drop-down, radio or checkbox field',
    );
    expect(validateCustomField({ identifier: 'shoe_size', type: 'checkbox', options: ['a', 'A'] }, []).options).toBe('Each option must be different');
    expect(validateCustomField({ identifier: 'notes-2', type: 'text_area', options: [] }, [])).toEqual({});
  });

  it('creates a valid custom field and shows it in the list', async () => {
    const { core } = await openAccount();
    const form = screen.getByRole('form', { name: 'Create custom field' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Identifier' }), { target: { value: 'shoe_size' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create field' }));
    expect(await within(form).findByText('Created “shoe_size”.')).toBeTruthy();
    expect(core.callsOf('account.createCustomField')).toEqual([{ identifier: 'shoe_size', type: 'input_field', options: [] }]);
    expect(screen.getByRole('table', { name: 'Account custom fields' }).textContent).toContain('shoe_size');
  });
});
