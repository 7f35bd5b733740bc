import { describe, expect, it } from 'vitest';
import type { LeadAction } from '../../../shared/domain/actions';
import { actionVerdict, emailsMatch, fieldsVerdict } from './verify';
import { normaliseLead } from './wire-lead';

const raw = {
  id: '1',
  email: 'joe@example.com',
  first_name: 'Joe',
  tags: [{ tag_name: 'VIP' }],
  lists: [{ list_name: 'News', active: '1' }, { list_name: 'Old', active: '0' }],
  sequences: [{ sequence_name: 'Welcome', step: '2', status: 'active' }],
  custom_fields: [
    { field_id: '1', field_identifier: 'text1', field_type: 'input_field', field_value: 'hi' },
    { field_id: '2', field_identifier: 'cb', field_type: 'checkbox', field_value: [{ option_id: '620', option_value: 'a' }, { option_id: '621', option_value: 'b' }] },
  ],
};
const state = { lead: normaliseLead(raw), raw };
const verdict = (action: LeadAction) => actionVerdict(state, action);

describe('actionVerdict', () => {
  it('judges tags, lists and sequences from membership', () => {
    expect(verdict({ cmd: 'assign_tag', tag_name: 'vip' })).toBe('applied');
    expect(verdict({ cmd: 'assign_tag', tag_name: 'Buyer' })).toBe('not_applied');
    expect(verdict({ cmd: 'unassign_tag', tag_name: 'Buyer' })).toBe('applied');
    expect(verdict({ cmd: 'subscribe_lead_to_list', list_name: 'News' })).toBe('applied');
    expect(verdict({ cmd: 'subscribe_lead_to_list', list_name: 'Old' })).toBe('not_applied');
    expect(verdict({ cmd: 'unsubscribe_lead_from_list', list_name: 'Old' })).toBe('applied');
    expect(verdict({ cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome', step: '2' })).toBe('applied');
    expect(verdict({ cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome', step: '5' })).toBe('not_applied');
    expect(verdict({ cmd: 'unsubscribe_lead_from_sequence', sequence_name: 'Welcome' })).toBe('not_applied');
  });

  it('cannot judge points, nor calendars unless get_lead lists bookings', () => {
    expect(verdict({ cmd: 'give_points_to_lead', points: 5 })).toBe('unknown');
    expect(verdict({ cmd: 'remove_points_from_lead', points: 5 })).toBe('unknown');
    expect(verdict({ cmd: 'calendar_cancel', calendar_name: 'C', class_name: 'K' })).toBe('unknown');
    const withBookings = { ...raw, calendars: [{ calendar_name: 'C', class_name: 'K', status: 'active' }] };
    expect(actionVerdict({ lead: normaliseLead(withBookings), raw: withBookings }, { cmd: 'calendar_subscribe', calendar_name: 'C', class_name: 'K' })).toBe('applied');
  });

  it('nothing is applied to a lead that does not exist', () => {
    expect(actionVerdict(null, { cmd: 'give_points_to_lead', points: 1 })).toBe('not_applied');
  });
});

describe('fieldsVerdict / emailsMatch', () => {
  it('compares text and custom fields, ignoring identifiers the lead does not have', () => {
    expect(fieldsVerdict(state.lead, { first_name: 'Joe ', custom_fields: [{ field_identifier: 'cb', field_value: ['621', '620'] }] })).toBe('applied');
    expect(fieldsVerdict(state.lead, { first_name: 'Joseph' })).toBe('not_applied');
    expect(fieldsVerdict(state.lead, { custom_fields: [{ field_identifier: 'text1', field_value: 'bye' }] })).toBe('not_applied');
    expect(fieldsVerdict(state.lead, { custom_fields: [{ field_identifier: 'cb', field_value: ['620'] }] })).toBe('not_applied');
    expect(fieldsVerdict(state.lead, { custom_fields: [{ field_identifier: 'unknown', field_value: 'x' }] })).toBe('applied');
  });

  it('matches emails case-insensitively and through the test-mode domain rewrite', () => {
    expect(emailsMatch('Joe@Example.com', 'joe@example.com')).toBe(true);
    expect(emailsMatch('johnsmith@gmail.com', 'johnsmith@kartra.com')).toBe(true);
    expect(emailsMatch('johnsmith@gmail.com', 'jane@kartra.com')).toBe(false);
  });
});
