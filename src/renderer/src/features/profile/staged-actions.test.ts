import { describe, expect, it } from 'vitest';
import { makeLead } from '../../testing/fixtures';
import { describeAction, stageAction } from './staged-actions';

const lead = makeLead({ tags: ['customer'], score: 5 });

describe('staged actions', () => {
  it('stages different changes side by side', () => {
    let staged = stageAction([], { cmd: 'assign_tag', tag_name: 'VIP' }, lead);
    expect(staged.ok).toBe(true);
    if (!staged.ok) return;
    staged = stageAction(staged.staged, { cmd: 'subscribe_lead_to_list', list_name: 'Old promo' }, lead);
    if (!staged.ok) throw new Error(staged.reason);
    staged = stageAction(staged.staged, { cmd: 'give_points_to_lead', points: 3 }, lead);
    if (!staged.ok) throw new Error(staged.reason);
    staged = stageAction(staged.staged, { cmd: 'give_points_to_lead', points: 4, expiration: 30 }, lead);
    if (!staged.ok) throw new Error(staged.reason);
    expect(staged.staged.map(describeAction)).toEqual([
      'Assign tag VIP',
      'Subscribe to list Old promo',
      'Give 3 points',
      'Give 4 points (expire after 30 days)',
    ]);
  });

  it('refuses repeats and changes that would do nothing, saying why', () => {
    const once = stageAction([], { cmd: 'assign_tag', tag_name: 'VIP' }, lead);
    if (!once.ok) throw new Error(once.reason);
    expect(stageAction(once.staged, { cmd: 'assign_tag', tag_name: 'VIP' }, lead)).toEqual({ ok: false, reason: '“Assign tag VIP” is already staged.' });
    expect(stageAction([], { cmd: 'assign_tag', tag_name: 'customer' }, lead)).toEqual({ ok: false, reason: 'The lead already has the tag “customer”.' });
    expect(stageAction([], { cmd: 'unsubscribe_lead_from_list', list_name: 'Old promo' }, lead)).toMatchObject({ ok: false });
    expect(stageAction([], { cmd: 'remove_points_from_lead', points: 6 }, lead)).toEqual({ ok: false, reason: 'The lead has only 5 points.' });
  });

  it('lets a later change on the same target replace the earlier one', () => {
    const first = stageAction([], { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome', step: '1' }, lead);
    if (!first.ok) throw new Error(first.reason);
    const second = stageAction(first.staged, { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome', step: '2' }, lead);
    expect(second).toEqual({ ok: true, staged: [{ cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome', step: '2' }] });
  });
});
