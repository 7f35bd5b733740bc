// What each recipe action would change on a lead, as the preview says it: a change, or "already so" (no change).
import { describe, expect, it } from 'vitest';
import type { LeadAction } from './actions';
import type { ConditionLead } from './recipe-conditions';
import { actionEffect } from './recipe-effects';

const lead: ConditionLead = {
  tags: ['VIP'],
  lists: [
    { list_name: 'Newsletter', active: true },
    { list_name: 'Partners', active: false },
  ],
  sequences: [
    { sequence_name: 'Welcome Series', step: '3', status: 'active' },
    { sequence_name: 'Win-back Campaign', step: '1', status: 'unsubscribed' },
  ],
  custom_fields: [],
  score: 10,
};

describe('actionEffect', () => {
  it.each<[LeadAction, boolean, string]>([
    [{ cmd: 'assign_tag', tag_name: 'VIP' }, false, 'already has tag VIP'],
    [{ cmd: 'assign_tag', tag_name: 'Customer' }, true, 'adds tag Customer'],
    [{ cmd: 'unassign_tag', tag_name: 'VIP' }, true, 'removes tag VIP'],
    [{ cmd: 'unassign_tag', tag_name: 'Customer' }, false, 'has no tag Customer'],
    [{ cmd: 'subscribe_lead_to_list', list_name: 'Partners' }, true, 'subscribes to list Partners'],
    [{ cmd: 'subscribe_lead_to_list', list_name: 'Newsletter' }, false, 'already in list Newsletter'],
    [{ cmd: 'unsubscribe_lead_from_list', list_name: 'Partners' }, false, 'not in list Partners'],
    [{ cmd: 'unsubscribe_lead_from_list', list_name: 'Newsletter' }, true, 'unsubscribes from list Newsletter'],
    [{ cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome Series', step: '1' }, true, 'restarts sequence Welcome Series at step 1 (now at step 3)'],
    [{ cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Win-back Campaign', step: '2' }, true, 'starts sequence Win-back Campaign at step 2'],
    [{ cmd: 'unsubscribe_lead_from_sequence', sequence_name: 'Win-back Campaign' }, false, 'not in sequence Win-back Campaign'],
    [{ cmd: 'unsubscribe_lead_from_sequence', sequence_name: 'Welcome Series' }, true, 'leaves sequence Welcome Series'],
    [{ cmd: 'give_points_to_lead', points: 5 }, true, 'score 10 → 15'],
    [{ cmd: 'remove_points_from_lead', points: 15 }, true, 'score 10 → -5'],
  ])('%j', (action, changes, text) => {
    expect(actionEffect(action, lead)).toEqual({ changes, text });
  });
});
