// @vitest-environment happy-dom
import '../../testing/setup-dom';
import '../../workspace/testing/dom-extras';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail } from '../../testing/fake-core';
import { renderWorkspace } from '../../workspace/testing/render-workspace';
import { makeWorkspaceCore } from '../../workspace/testing/workspace-fake-core';

const type = (form: HTMLElement, label: string, value: string) => {
  const input = within(form).queryByRole('textbox', { name: label }) ?? within(form).getByRole('combobox', { name: label });
  fireEvent.change(input, { target: { value } });
  return input;
};

async function pick(container: HTMLElement, name: string, option: string) {
  const box = within(container).getByRole('combobox', { name });
  box.focus();
  fireEvent.click(box);
  fireEvent.change(box, { target: { value: option } });
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

async function openCreate() {
  const kit = makeWorkspaceCore();
  const view = renderWorkspace(kit);
  // The form's custom fields come from the account lists: wait until they are loaded.
  await waitFor(() => expect(kit.core.callsOf('account.lists')).toHaveLength(1));
  fireEvent.click(await screen.findByRole('button', { name: /New lead/ }));
  const form = await screen.findByRole('form', { name: 'New lead' });
  return { ...view, kit, form };
}

async function openEdit(kit = makeWorkspaceCore()) {
  const view = renderWorkspace(kit);
  await waitFor(() => expect(kit.core.callsOf('account.lists')).toHaveLength(1));
  const search = await screen.findByRole('textbox', { name: 'Search leads' });
  fireEvent.change(search, { target: { value: '1001' } });
  fireEvent.keyDown(search, { key: 'Enter' });
  const profile = await screen.findByRole('region', { name: 'Lead profile' });
  await within(profile).findByRole('heading', { name: 'Ada Lovelace' });
  fireEvent.click(within(profile).getByRole('button', { name: /Edit/ }));
  const form = await screen.findByRole('form', { name: 'Edit lead' });
  return { ...view, kit, form, profile };
}

describe('New lead form', () => {
  it('sends nothing on a bad email or a time zone outside Kartra’s list, and says why on each field', async () => {
    const { form, core } = await openCreate();
    expect(within(form).getByRole('note', { name: 'GDPR' }).textContent).toContain('never marked as having accepted GDPR terms');
    type(form, 'Email', 'not-an-email');
    type(form, 'Time zone', 'Mars/Olympus');
    fireEvent.click(within(form).getByRole('button', { name: 'Create lead' }));
    expect(await within(form).findByText('Email is not a valid email address')).toBeTruthy();
    expect(within(form).getByText(/^Time zone is not one of the time zones Kartra accepts/)).toBeTruthy();
    expect(core.callsOf('leads.checkEmail')).toHaveLength(0);
    expect(core.callsOf('leads.create')).toHaveLength(0);
  });

  it('encodes each custom field type (text, long text, drop-down and radio by option id, checkboxes as ids) and applies tags, lists and a sequence at a step', async () => {
    const { form, core } = await openCreate();
    type(form, 'Email', 'grace@example.com');
    type(form, 'First name', 'Grace');
    type(form, 'Time zone', 'Europe/London');
    type(form, 'job_title', 'Admiral');
    fireEvent.change(within(form).getByRole('textbox', { name: 'goals' }), { target: { value: 'Ship it' } });
    await pick(form, 'company_size', '11-50');
    fireEvent.click(within(form).getByRole('radio', { name: 'Phone' }));
    await pick(form, 'interests', 'Funnels');
    await pick(form, 'interests', 'Webinars');
    await pick(form, 'Assign tags', 'VIP');
    await pick(form, 'Subscribe to lists', 'Newsletter');
    await pick(form, 'Start sequence', 'Welcome Series');
    fireEvent.change(within(form).getByRole('combobox', { name: 'At step' }), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create lead' }));

    await waitFor(() => expect(core.callsOf('leads.create')).toHaveLength(1));
    expect(core.callsOf('leads.checkEmail')).toEqual([{ email: 'grace@example.com' }]);
    expect(core.callsOf('leads.create')[0]).toEqual({
      lead: {
        email: 'grace@example.com',
        first_name: 'Grace',
        lead_preferred_time_zone: 'Europe/London',
        custom_fields: [
          { field_identifier: 'job_title', field_value: 'Admiral' },
          { field_identifier: 'goals', field_value: 'Ship it' },
          { field_identifier: 'company_size', field_value: '603' },
          { field_identifier: 'preferred_contact', field_value: '612' },
          { field_identifier: 'interests', field_value: ['623', '621'] },
        ],
      },
      actions: [
        { cmd: 'assign_tag', tag_name: 'VIP' },
        { cmd: 'subscribe_lead_to_list', list_name: 'Newsletter' },
        { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome Series', step: '3' },
      ],
    });
    // The new lead's profile opens.
    expect(await screen.findByRole('heading', { name: 'Grace' })).toBeTruthy();
  });

  it('blocks the create when the email belongs to a deleted lead, with Kartra’s reason', async () => {
    const { form, core, kit } = await openCreate();
    kit.deletedEmails.add('gone@example.com');
    type(form, 'Email', 'gone@example.com');
    fireEvent.click(within(form).getByRole('button', { name: 'Create lead' }));
    expect(await within(form).findByText(/belongs to a deleted lead; Kartra keeps that address reserved/)).toBeTruthy();
    expect(core.callsOf('leads.create')).toHaveLength(0);
  });
});

describe('Edit lead form', () => {
  it('sends only the changed fields, with the values seen before editing', async () => {
    const { form, core } = await openEdit();
    expect((within(form).getByRole('textbox', { name: 'First name' }) as HTMLInputElement).value).toBe('Ada');
    type(form, 'City', 'Paris');
    type(form, 'Company', '');
    await pick(form, 'company_size', '11-50');
    expect(within(form).getByText('Will send: City, Company, company_size')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(core.callsOf('leads.edit')).toHaveLength(1));
    expect(core.callsOf('leads.edit')[0]).toEqual({
      lead: { id: '1001' },
      changes: { city: 'Paris', company: '', custom_fields: [{ field_identifier: 'company_size', field_value: '603' }] },
      seen: { city: 'London', company: 'Analytical Engines', 'custom:company_size': '602' },
    });
    // No new_email, so no email check.
    expect(core.callsOf('leads.checkEmail')).toHaveLength(0);
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit lead' })).toBeNull());
    const profile = screen.getByRole('region', { name: 'Lead profile' });
    await waitFor(() => expect(within(profile).getByRole('group', { name: 'City' }).textContent).toContain('Paris'));
  });

  it('blocks a change of email to another lead’s address, with the reason, and sends nothing', async () => {
    const { form, core } = await openEdit();
    const email = type(form, 'Email', 'bob@example.com');
    fireEvent.blur(email);
    expect(await within(form).findByText('Another lead (id 1002) already uses bob@example.com.')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(core.callsOf('leads.checkEmail').length).toBeGreaterThanOrEqual(1));
    expect(core.callsOf('leads.checkEmail')[0]).toEqual({ email: 'bob@example.com', exceptLeadId: '1001' });
    expect(within(form).getByText('Another lead (id 1002) already uses bob@example.com.')).toBeTruthy();
    expect(core.callsOf('leads.edit')).toHaveLength(0);
  });

  it('sends a free new address as new_email, and explains Kartra’s 244 refusal', async () => {
    const { form, core } = await openEdit();
    core.answer('leads.edit', () => fail('kartra_error', 'Lead already exists', false, { kartraType: '244', kartraMessage: 'Lead already exists' }));
    type(form, 'Email', 'ada@new.example.com');
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('Kartra refused the address: another lead already uses it (Kartra error 244).')).toBeTruthy();
    expect(core.callsOf('leads.edit')[0]).toEqual({
      lead: { id: '1001' },
      changes: { new_email: 'ada@new.example.com' },
      seen: { new_email: 'ada@example.com' },
    });
  });
});
