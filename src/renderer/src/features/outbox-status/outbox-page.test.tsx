// @vitest-environment happy-dom
import '../../testing/setup-dom';
import '../../workspace/testing/dom-extras';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OutboxItemView } from '../../../../shared/domain/outbox';
import { fail, ok } from '../../testing/fake-core';
import { renderWorkspace } from '../../workspace/testing/render-workspace';
import { makeWorkspaceCore } from '../../workspace/testing/workspace-fake-core';

const base = { accountId: 'sandbox', leadId: '1001', leadEmail: 'ada@example.com', attempts: 1, error: null, conflict: null, madeOffline: true, createdAt: 1, updatedAt: 1 };

function kitWithItems() {
  const kit = makeWorkspaceCore();
  const items: OutboxItemView[] = [
    { ...base, id: 1, change: { kind: 'edit', changes: { city: 'Mine' } }, summary: 'Edit city', status: 'conflict', conflict: [{ field: 'city', seen: 'London', mine: 'Mine', theirs: 'Theirs' }] },
    { ...base, id: 2, change: { kind: 'action', action: { cmd: 'assign_tag', tag_name: 'VIP' } }, summary: 'Assign tag VIP', status: 'failed', error: { code: 'kartra_error', message: 'Tag not found', retryable: false } },
    { ...base, id: 3, change: { kind: 'edit', changes: { company: 'Acme' } }, summary: 'Edit company', status: 'pending' },
    { ...base, id: 4, change: { kind: 'action', action: { cmd: 'give_points_to_lead', points: 5 } }, summary: 'Give 5 points', status: 'in_flight' },
  ];
  for (const item of items) kit.items.set(item.id, item);
  return kit;
}

async function openOutbox(kit: ReturnType<typeof makeWorkspaceCore>) {
  const view = renderWorkspace(kit);
  fireEvent.click(await screen.findByRole('tab', { name: /Outbox/ }));
  const table = await screen.findByRole('table', { name: 'Outbox' });
  await within(table).findByText('Edit city');
  const row = (id: number) => table.querySelector<HTMLElement>(`tr[data-outbox-id="${id}"]`)!;
  return { ...view, table, row };
}

describe('Outbox page', () => {
  it('shows each state: a conflict with both values, a failure with Kartra’s reason, pending and in flight', async () => {
    const { row } = await openOutbox(kitWithItems());
    const conflict = within(row(1)).getByRole('group', { name: 'Conflict of change 1' });
    expect(conflict.textContent).toContain('City: yours “Mine” · Kartra now “Theirs” (you saw “London”)');
    expect(within(row(2)).getByText('Kartra said: Tag not found')).toBeTruthy();
    expect(within(row(2)).getByRole('button', { name: 'Retry change 2' })).toBeTruthy();
    expect(row(3).getAttribute('data-status')).toBe('pending');
    expect(within(row(3)).getByRole('button', { name: 'Edit change 3' })).toBeTruthy();
    // In flight: nothing can be changed while Kartra may be applying it.
    expect(within(row(4)).queryAllByRole('button').map((b) => b.textContent)).toEqual(['ada@example.com']);
  });

  it('settles a conflict with keep Kartra’s and keep mine through outbox.resolve', async () => {
    const kit = kitWithItems();
    const calls: unknown[] = [];
    kit.core.answer('outbox.resolve', (input) => {
      calls.push(input);
      return ok({ accountId: 'sandbox', online: true, counts: { pending: 0, inFlight: 0, failed: 0, conflict: 0 }, nextProbeAt: null });
    });
    const { row } = await openOutbox(kit);
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Keep Kartra’s' }));
    await waitFor(() => expect(calls).toEqual([{ id: 1, keep: 'theirs' }]));
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(calls).toEqual([{ id: 1, keep: 'theirs' }, { id: 1, keep: 'mine' }]));
  });

  it('edits the value a queued edit sends (outbox.edit) and shows the core’s refusal', async () => {
    const kit = kitWithItems();
    const edits: unknown[] = [];
    kit.core.answer('outbox.edit', (input) => {
      edits.push(input);
      if ((input.change as { company?: string }).company === 'x') return fail('invalid_input', 'Company is too short.');
      const item = { ...kit.items.get(3)!, change: { kind: 'edit' as const, changes: input.change as { company: string } }, updatedAt: 2 };
      kit.items.set(3, item);
      return ok(item);
    });
    const { row } = await openOutbox(kit);
    fireEvent.click(within(row(3)).getByRole('button', { name: 'Edit change 3' }));
    const form = within(row(3)).getByRole('form', { name: 'Edit queued change 3' });
    const company = within(form).getByRole('textbox', { name: 'Company' });
    expect((company as HTMLInputElement).value).toBe('Acme');

    fireEvent.change(company, { target: { value: 'x' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Company is too short.')).toBeTruthy();
    expect(within(row(3)).getByRole('form', { name: 'Edit queued change 3' })).toBeTruthy();

    fireEvent.change(company, { target: { value: 'Acme Ltd' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(row(3)).queryByRole('form')).toBeNull());
    expect(edits).toEqual([
      { id: 3, change: { company: 'x' } },
      { id: 3, change: { company: 'Acme Ltd' } },
    ]);
  });

  it('discards every item that is not in flight after a confirmation', async () => {
    const kit = kitWithItems();
    const { table } = await openOutbox(kit);
    fireEvent.click(screen.getByRole('button', { name: 'Discard all (3)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Really discard 3?' }));
    await waitFor(() => expect(table.querySelectorAll('tr[data-outbox-id]')).toHaveLength(1));
    expect([...kit.items.keys()]).toEqual([4]);
  });

  it('shows what was sent and what Kartra shows for a needs-check item, settles it with outbox.settleCheck and counts it on the tab', async () => {
    const kit = makeWorkspaceCore();
    const sent = 'Give 10 points (score 100 before the write)';
    kit.items.set(7, {
      ...base,
      id: 7,
      change: { kind: 'action', action: { cmd: 'give_points_to_lead', points: 10 } },
      summary: 'Give 10 points',
      status: 'needs_check',
      check: { sent, kartraShows: 'Score 130 (was 100 before; it also moved for another reason)' },
    });
    const settled: unknown[] = [];
    kit.core.answer('outbox.settleCheck', (input) => {
      settled.push(input);
      if (input.decision === 'fine') {
        kit.core.emit('outbox.item', { ...kit.items.get(7)!, status: 'done', check: null });
        kit.items.delete(7);
      }
      return ok({ accountId: 'sandbox', online: true, counts: { pending: 0, inFlight: 0, failed: 0, conflict: 0, needsCheck: input.decision === 'fine' ? 0 : 1 }, nextProbeAt: null });
    });
    const view = renderWorkspace(kit);
    kit.core.emit('outbox.state', { accountId: 'sandbox', online: true, counts: { pending: 0, inFlight: 0, failed: 0, conflict: 0, needsCheck: 1 }, nextProbeAt: null });
    const tab = await screen.findByRole('tab', { name: /Outbox/ });
    await waitFor(() => expect(within(tab).getByLabelText('0 waiting, 1 need attention').textContent).toBe('1'));
    fireEvent.click(tab);
    const table = await screen.findByRole('table', { name: 'Outbox' });
    const row = await waitFor(() => table.querySelector<HTMLElement>('tr[data-outbox-id="7"]')!);
    expect(row.getAttribute('data-status')).toBe('needs_check');
    const check = within(row).getByRole('group', { name: 'Check of change 7' });
    expect(check.textContent).toContain(`Sent: ${sent}`);
    expect(check.textContent).toContain('Kartra shows: Score 130 (was 100 before; it also moved for another reason)');
    expect(within(row).getByText('needs check')).toBeTruthy();

    fireEvent.click(within(check).getByRole('button', { name: 'Send change 7 again' }));
    await waitFor(() => expect(settled).toEqual([{ id: 7, decision: 'send_again' }]));
    fireEvent.click(within(check).getByRole('button', { name: 'Change 7 is fine' }));
    await waitFor(() => expect(settled).toEqual([{ id: 7, decision: 'send_again' }, { id: 7, decision: 'fine' }]));
    expect(await screen.findByText('Nothing is waiting: every change reached Kartra.')).toBeTruthy();
    view.unmount();
  });
});
