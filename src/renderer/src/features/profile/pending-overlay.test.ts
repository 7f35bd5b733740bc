import { describe, expect, it } from 'vitest';
import type { OutboxChange, OutboxItemView, OutboxStatus } from '../../../../shared/domain/outbox';
import { makeLead } from '../../testing/fixtures';
import { pendingOverlay } from './pending-overlay';

let nextId = 1;
function item(change: OutboxChange, status: OutboxStatus = 'pending'): OutboxItemView {
  const id = nextId++;
  return {
    id,
    accountId: 'sandbox',
    leadId: '1001',
    leadEmail: 'ada@example.com',
    change,
    summary: '',
    status,
    attempts: 0,
    error: null,
    conflict: null,
    madeOffline: false,
    createdAt: id,
    updatedAt: id,
  };
}

describe('pending overlay', () => {
  it('marks tags, lists and sequences about to change, later changes winning', () => {
    const lead = makeLead({ tags: ['customer', 'old'], sequences: [{ sequence_name: 'Welcome', step: '1', status: 'active' }] });
    const overlay = pendingOverlay(lead, [
      item({ kind: 'action', action: { cmd: 'assign_tag', tag_name: 'VIP' } }),
      item({ kind: 'action', action: { cmd: 'unassign_tag', tag_name: 'old' } }, 'in_flight'),
      item({ kind: 'action', action: { cmd: 'subscribe_lead_to_list', list_name: 'Old promo' } }),
      item({ kind: 'action', action: { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome', step: '3' } }, 'failed'),
      item({ kind: 'action', action: { cmd: 'assign_tag', tag_name: 'done-already' } }, 'done'),
    ]);
    expect(overlay.tags.map((t) => [t.name, t.pending?.kind ?? null, t.pending?.status ?? null])).toEqual([
      ['customer', null, null],
      ['old', 'remove', 'in_flight'],
      ['VIP', 'add', 'pending'],
    ]);
    const promo = overlay.lists.find((l) => l.name === 'Old promo');
    expect(promo).toMatchObject({ active: false, pending: { kind: 'subscribe' } });
    expect(overlay.sequences[0]).toMatchObject({ name: 'Welcome', step: '1', pending: { kind: 'subscribe', step: '3', status: 'failed' } });
  });

  it('collects pending field values and the net points', () => {
    const overlay = pendingOverlay(makeLead(), [
      item({ kind: 'edit', changes: { city: 'Paris', new_email: 'ada@new.com', custom_fields: [{ field_identifier: 'interests', field_value: ['1', '2'] }] } }),
      item({ kind: 'action', action: { cmd: 'give_points_to_lead', points: 10 } }),
      item({ kind: 'action', action: { cmd: 'remove_points_from_lead', points: 3 } }, 'conflict'),
    ]);
    expect(overlay.fields.city?.value).toBe('Paris');
    expect(overlay.fields.email?.value).toBe('ada@new.com');
    expect(overlay.fields['custom:interests']?.value).toEqual(['1', '2']);
    expect(overlay.points).toEqual({ delta: 7, status: 'conflict' });
  });
});
