// @vitest-environment happy-dom
import '../../testing/setup-dom';
import '../../workspace/testing/dom-extras';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail } from '../../testing/fake-core';
import { renderWorkspace } from '../../workspace/testing/render-workspace';
import { ada, makeWorkspaceCore } from '../../workspace/testing/workspace-fake-core';

async function openAda(kit = makeWorkspaceCore()) {
  const view = renderWorkspace(kit);
  const search = await screen.findByRole('textbox', { name: 'Search leads' });
  fireEvent.change(search, { target: { value: 'ada@example.com' } });
  fireEvent.keyDown(search, { key: 'Enter' });
  const profile = await screen.findByRole('region', { name: 'Lead profile' });
  await within(profile).findByRole('heading', { name: 'Ada Lovelace' });
  return { ...view, profile };
}

async function pick(container: HTMLElement, name: string, option: string) {
  const box = within(container).getByRole('combobox', { name });
  box.focus();
  fireEvent.click(box);
  fireEvent.change(box, { target: { value: option } });
  fireEvent.click(await screen.findByRole('option', { name: option }));
  await waitFor(() => expect((box as HTMLInputElement).value).toBe(option));
}

describe('Lead profile', () => {
  it('renders every section: details, tags, lists, sequences, memberships, calendars, custom fields by type, payments', async () => {
    const kit = makeWorkspaceCore();
    const lead = kit.core.leads[0]!;
    Object.assign(lead, {
      ...ada(),
      phone: '7700 900123',
      phone_country_code: '44',
      lead_preferred_time_zone: 'Europe/London',
      source: 'checkout',
      date_joined: '2024-01-02 10:00:00',
      gdpr_lead_status: '2',
      gdpr_lead_status_date: '2024-01-02 10:00:00',
      sequences: [{ sequence_name: 'Welcome Series', step: '2', status: 'active' }],
      memberships: [{ name: 'Growth Academy', level_name: 'Pro', active: true }],
      calendars: [{ calendar_name: 'Discovery Calls', class_name: 'Strategy session', active: true }],
    });
    lead.custom_fields.push({ field_id: '4', field_identifier: 'preferred_contact', field_type: 'radio_button', value: [{ option_id: '612', option_value: 'Phone' }] });
    kit.payments.set('1001', {
      transactions: [{ transaction_id: '48110', transaction_type: 'sale', details: { product_name: 'Growth Course', transaction_full_amount: '297.00' } }],
      subscriptions: [{ subscription_id: '14801', subscription_status: 'Active', details: { subscription_recurring_period: 'monthly' } }],
    });
    const { profile } = await openAda(kit);

    expect(within(profile).getByRole('group', { name: 'Email' }).textContent).toContain('ada@example.com');
    expect(within(profile).getByRole('group', { name: 'Phone' }).textContent).toContain('+44 7700 900123');
    expect(within(profile).getByRole('group', { name: 'Time zone' }).textContent).toContain('Europe/London');
    expect(within(profile).getByRole('group', { name: 'GDPR status' }).textContent).toContain('Accepted (since 2024-01-02)');
    expect(within(profile).getByRole('group', { name: 'Source' }).textContent).toContain('checkout');
    expect(within(profile).getByLabelText('Score 42')).toBeTruthy();
    expect(within(within(profile).getByRole('list', { name: 'Tags' })).getAllByRole('listitem').map((t) => t.getAttribute('aria-label'))).toEqual(['customer']);
    const lists = within(profile).getByRole('list', { name: 'Lists' });
    expect(within(lists).getByRole('listitem', { name: 'Newsletter (active)' })).toBeTruthy();
    expect(within(lists).getByRole('listitem', { name: 'Old promo (inactive)' })).toBeTruthy();
    expect(within(profile).getByRole('listitem', { name: 'Welcome Series (step 2, active)' })).toBeTruthy();
    expect(within(within(profile).getByRole('list', { name: 'Memberships' })).getByRole('listitem').textContent).toContain('Growth Academy');
    expect(within(within(profile).getByRole('list', { name: 'Calendars' })).getByRole('listitem').textContent).toContain('Strategy session');

    // Custom fields: labelled by identifier, option values by their label, every account field listed.
    const custom = within(profile).getByRole('table', { name: 'Custom fields' });
    const value = (id: string) => custom.querySelector(`[data-field="${id}"] td`)?.textContent;
    expect(value('job_title')).toBe('Analyst');
    expect(value('company_size')).toBe('2-10');
    expect(value('preferred_contact')).toBe('Phone');
    expect(value('interests')).toBe('Webinars');
    expect(value('goals')).toBe('—');

    const transactions = within(profile).getByRole('table', { name: 'Transactions' });
    expect(transactions.textContent).toContain('48110');
    expect(transactions.textContent).toContain('Growth Course');
    expect(transactions.textContent).toContain('297.00');
    expect(within(profile).getByRole('table', { name: 'Subscriptions' }).textContent).toContain('monthly');
  });

  it('says payments are not available and the data may be stale for an offline copy', async () => {
    const kit = makeWorkspaceCore();
    kit.fromCache.add('1001');
    const { profile } = await openAda(kit);
    expect(within(profile).getByRole('status', { name: 'Offline copy' }).textContent).toMatch(/copy Lead Desk saw 5 min ago/);
    expect(within(profile).getByText(/Transactions not available/)).toBeTruthy();
    expect(within(profile).getByText(/Subscriptions not available/)).toBeTruthy();
  });

  it('shows changes made offline inline on the cached copy, each marked as pending', async () => {
    const kit = makeWorkspaceCore({ online: false });
    kit.fromCache.add('1001');
    // The core shows queued changes on the offline copy (projected) and lists them as pending.
    Object.assign(kit.core.leads[0]!, { city: 'Paris', tags: ['customer', 'VIP'] });
    const base = { accountId: 'sandbox', leadId: '1001', leadEmail: 'ada@example.com', attempts: 0, error: null, conflict: null, madeOffline: true, createdAt: 1, updatedAt: 1 };
    kit.items.set(1, { ...base, id: 1, change: { kind: 'edit', changes: { city: 'Paris' } }, summary: 'Edit city', status: 'pending' });
    kit.items.set(2, { ...base, id: 2, change: { kind: 'action', action: { cmd: 'assign_tag', tag_name: 'VIP' } }, summary: 'Assign tag VIP', status: 'pending' });
    const { profile } = await openAda(kit);
    const city = within(profile).getByRole('group', { name: 'City' });
    expect(city.getAttribute('data-pending')).toBe('true');
    expect(city.textContent).toBe('CityParispending');
    expect(within(within(profile).getByRole('list', { name: 'Tags' })).getByRole('listitem', { name: 'VIP (adding, pending)' })).toBeTruthy();
    const waiting = within(profile).getByRole('list', { name: 'Pending changes' });
    expect(within(waiting).getAllByRole('listitem').map((i) => i.getAttribute('aria-label'))).toEqual(['Edit city (pending)', 'Assign tag VIP (pending)']);
    expect(within(profile).getByRole('status', { name: 'Offline copy' })).toBeTruthy();
  });

  it('sends staged tag, list, sequence-at-step and points changes in ONE applyActions call', async () => {
    const { profile, core } = await openAda();
    const panel = within(profile).getByRole('region', { name: 'Assignments' });
    await pick(panel, 'Tag', 'VIP');
    fireEvent.click(within(panel).getByRole('button', { name: 'Assign' }));
    fireEvent.click(within(panel).getByRole('radio', { name: 'Lists' }));
    await pick(panel, 'List', 'Product Updates');
    fireEvent.click(within(panel).getByRole('button', { name: 'Subscribe' }));
    fireEvent.click(within(panel).getByRole('radio', { name: 'Sequence' }));
    await pick(panel, 'Sequence', 'Welcome Series');
    // Kartra cannot list steps (E6): the step is typed, the box number from the sequence builder.
    fireEvent.change(within(panel).getByRole('combobox', { name: 'Step' }), { target: { value: '2' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Subscribe at step' }));
    fireEvent.click(within(panel).getByRole('radio', { name: 'Points' }));
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Points' }), { target: { value: '15' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Give points' }));

    const staged = within(panel).getAllByRole('listitem').map((i) => i.textContent);
    expect(staged).toEqual(['Assign tag VIP×', 'Subscribe to list Product Updates×', 'Start sequence Welcome Series at step 2×', 'Give 15 points×']);
    expect(core.callsOf('leads.applyActions')).toHaveLength(0);

    fireEvent.click(within(panel).getByRole('button', { name: 'Apply changes (4)' }));
    await waitFor(() => expect(core.callsOf('leads.applyActions')).toHaveLength(1));
    expect(core.callsOf('leads.applyActions')[0]).toEqual({
      lead: { id: '1001' },
      actions: [
        { cmd: 'assign_tag', tag_name: 'VIP' },
        { cmd: 'subscribe_lead_to_list', list_name: 'Product Updates' },
        { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome Series', step: '2' },
        { cmd: 'give_points_to_lead', points: 15 },
      ],
    });
    // Confirmed: shown as saved, the staging is empty again.
    await waitFor(() => expect(within(profile).getByLabelText('Score 57')).toBeTruthy());
    expect(within(within(profile).getByRole('list', { name: 'Tags' })).getByRole('listitem', { name: 'VIP' })).toBeTruthy();
    expect(within(profile).getByRole('listitem', { name: 'Product Updates (active)' })).toBeTruthy();
    expect(within(profile).getByRole('listitem', { name: 'Welcome Series (step 2, active)' })).toBeTruthy();
    expect(within(panel).getByText('Nothing staged yet.')).toBeTruthy();
  });

  it('removes a tag, a list and a sequence from their chips through the write queue, each with a toast', async () => {
    const kit = makeWorkspaceCore();
    Object.assign(kit.core.leads[0]!, { sequences: [{ sequence_name: 'Welcome Series', step: '2', status: 'active' }] });
    const { profile, core } = await openAda(kit);
    const lists = within(profile).getByRole('list', { name: 'Lists' });
    // An inactive membership has nothing to remove.
    expect(within(lists).queryByRole('button', { name: 'Unsubscribe from list Old promo' })).toBeNull();

    fireEvent.click(within(profile).getByRole('button', { name: 'Remove tag customer' }));
    await waitFor(() => expect(core.callsOf('leads.applyActions')).toHaveLength(1));
    expect(core.callsOf('leads.applyActions')[0]).toMatchObject({ lead: { id: '1001' }, actions: [{ cmd: 'unassign_tag', tag_name: 'customer' }] });
    expect(await screen.findByText('Tag removed')).toBeTruthy();
    await waitFor(() => expect(within(profile).getByText('No tags yet.')).toBeTruthy());

    fireEvent.click(within(lists).getByRole('button', { name: 'Unsubscribe from list Newsletter' }));
    await waitFor(() => expect(within(lists).getByRole('listitem', { name: 'Newsletter (inactive)' })).toBeTruthy());
    fireEvent.click(within(profile).getByRole('button', { name: 'Remove from sequence Welcome Series' }));
    await waitFor(() => expect(core.callsOf('leads.applyActions')).toHaveLength(3));
    expect(core.callsOf('leads.applyActions').map((c) => (c as { actions: unknown[] }).actions)).toEqual([
      [{ cmd: 'unassign_tag', tag_name: 'customer' }],
      [{ cmd: 'unsubscribe_lead_from_list', list_name: 'Newsletter' }],
      [{ cmd: 'unsubscribe_lead_from_sequence', sequence_name: 'Welcome Series' }],
    ]);
    expect(await screen.findByText('Removed from the sequence')).toBeTruthy();
  });

  it('keeps staged changes and shows the reason when the core refuses them', async () => {
    const { profile, core } = await openAda();
    core.answer('leads.applyActions', () => fail('invalid_input', 'No tag named "VIP" exists in this Kartra account. Create it in Kartra first, or pick an existing one.'));
    const panel = within(profile).getByRole('region', { name: 'Assignments' });
    await pick(panel, 'Tag', 'VIP');
    fireEvent.click(within(panel).getByRole('button', { name: 'Assign' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Apply changes (1)' }));
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toContain('No tag named "VIP" exists');
    expect(within(panel).getByRole('list', { name: 'Staged changes' }).textContent).toContain('Assign tag VIP');
  });

  it('shows changes as pending until the outbox.item events confirm them, then notifies', async () => {
    const kit = makeWorkspaceCore();
    kit.mode = 'hold';
    const { profile } = await openAda(kit);
    await pick(profile, 'Tag to assign', 'VIP');
    fireEvent.click(within(profile).getByRole('button', { name: 'Assign tag' }));

    const tags = within(profile).getByRole('list', { name: 'Tags' });
    const pending = await within(tags).findByRole('listitem', { name: 'VIP (adding, pending)' });
    expect(pending.getAttribute('data-pending')).toBe('add');
    const waiting = within(profile).getByRole('list', { name: 'Pending changes' });
    expect(within(waiting).getByRole('listitem').textContent).toContain('assign_tag');

    const [id] = [...kit.items.keys()];
    act(() => kit.core.emit('outbox.item', { ...kit.items.get(id!)!, status: 'in_flight', updatedAt: Date.now() + 1 }));
    expect(await within(tags).findByRole('listitem', { name: 'VIP (adding, in flight)' })).toBeTruthy();

    act(() => kit.confirm(id!));
    expect(await within(tags).findByRole('listitem', { name: 'VIP' })).toBeTruthy();
    expect(within(profile).queryByRole('list', { name: 'Pending changes' })).toBeNull();
    expect(await screen.findByText('Change saved')).toBeTruthy();
  });

  it('shows Kartra’s reason for a change that failed later, with retry and discard', async () => {
    const kit = makeWorkspaceCore();
    kit.mode = 'hold';
    const { profile } = await openAda(kit);
    await pick(profile, 'Tag to assign', 'Webinar 2024');
    fireEvent.click(within(profile).getByRole('button', { name: 'Assign tag' }));
    await within(profile).findByRole('listitem', { name: 'Webinar 2024 (adding, pending)' });
    const [id] = [...kit.items.keys()];
    act(() => kit.failItem(id!, 'Tag does not exist (Kartra type 212)'));

    const item = await within(profile).findByRole('listitem', { name: /\(failed\)$/ });
    expect(item.textContent).toContain('Tag does not exist (Kartra type 212)');
    expect(await screen.findByText('Change failed')).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: `Discard change ${id}` }));
    await waitFor(() => expect(within(profile).queryByRole('list', { name: 'Pending changes' })).toBeNull());
    expect(kit.core.callsOf('outbox.discard')).toEqual([{ ids: [id] }]);
  });
});
