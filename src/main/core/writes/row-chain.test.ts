// The row chain's order: what cannot be read back first, the proof of delivery last.
import { describe, expect, it } from 'vitest';
import type { LeadAction } from '../../../shared/domain/actions';
import { chainOrder, evidenceAction, importActions } from './row-chain';

const tag: LeadAction = { cmd: 'assign_tag', tag_name: 'VIP' };
const list: LeadAction = { cmd: 'subscribe_lead_to_list', list_name: 'Newsletter' };
const points: LeadAction = { cmd: 'give_points_to_lead', points: 5 };
const fields = { first_name: 'Ann' };

describe('chain order', () => {
  it('sends points first and a checkable action last', () => {
    expect(importActions({ tags: ['VIP'], lists: ['Newsletter'], sequence: { name: 'Welcome Series', step: '2' }, points: 5 }).map((a) => a.cmd)).toEqual([
      'give_points_to_lead',
      'assign_tag',
      'subscribe_lead_to_list',
      'subscribe_lead_to_sequence_at_step',
    ]);
    expect(chainOrder([tag, points, list, { cmd: 'calendar_cancel', calendar_name: 'C', class_name: 'K' }]).map((a) => a.cmd)).toEqual([
      'give_points_to_lead',
      'calendar_cancel',
      'assign_tag',
      'subscribe_lead_to_list',
    ]);
  });

  it('takes as evidence the last addition no later action undoes', () => {
    expect(evidenceAction([points, tag, list])).toBe(list);
    expect(evidenceAction([tag, list, { cmd: 'unsubscribe_lead_from_list', list_name: 'newsletter' }])).toBe(tag);
    expect(evidenceAction([points, { cmd: 'unassign_tag', tag_name: 'X' }])).toBeNull();
  });
});
