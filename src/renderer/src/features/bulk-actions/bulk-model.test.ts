// The bulk-action form's draft becomes the contract's BulkAction, or names what is missing.
import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, formatEta, toBulkAction } from './bulk-model';

describe('toBulkAction', () => {
  it('builds each kind of action', () => {
    expect(toBulkAction({ ...EMPTY_DRAFT, kind: 'subscribe_lead_to_list', name: 'Newsletter' })).toEqual({
      action: { kind: 'action', action: { cmd: 'subscribe_lead_to_list', list_name: 'Newsletter' } },
    });
    expect(toBulkAction({ ...EMPTY_DRAFT, kind: 'subscribe_lead_to_sequence_at_step', name: 'Welcome', step: ' 2 ' })).toEqual({
      action: { kind: 'action', action: { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome', step: '2' } },
    });
    expect(toBulkAction({ ...EMPTY_DRAFT, kind: 'unsubscribe_lead_from_sequence', name: 'Welcome', step: '2' })).toEqual({
      action: { kind: 'action', action: { cmd: 'unsubscribe_lead_from_sequence', sequence_name: 'Welcome' } },
    });
    expect(toBulkAction({ ...EMPTY_DRAFT, kind: 'remove_points_from_lead', points: 5 })).toEqual({ action: { kind: 'action', action: { cmd: 'remove_points_from_lead', points: 5 } } });
    expect(toBulkAction({ ...EMPTY_DRAFT, kind: 'set_field', field: 'custom:job_title', value: '' })).toEqual({ action: { kind: 'field', field: 'custom:job_title', value: '' } });
  });

  it('names what is missing or wrong', () => {
    expect(toBulkAction({ ...EMPTY_DRAFT, kind: 'assign_tag' })).toEqual({ error: 'Pick a tag.' });
    expect(toBulkAction({ ...EMPTY_DRAFT, kind: 'subscribe_lead_to_sequence_at_step', name: 'Welcome' })).toEqual({ error: 'Give the step (the box number in Kartra’s sequence builder).' });
    expect(toBulkAction({ ...EMPTY_DRAFT, kind: 'give_points_to_lead', points: 0 })).toEqual({ error: 'Give a number of points above 0.' });
    expect(toBulkAction({ ...EMPTY_DRAFT, kind: 'set_field' })).toEqual({ error: 'Pick a field.' });
    expect(toBulkAction({ ...EMPTY_DRAFT, kind: 'subscribe_lead_to_sequence_at_step', name: 'Welcome', step: '2-b' })).toEqual({ error: 'step: step has to be alphanumeric' });
  });
});

describe('formatEta', () => {
  it('speaks in seconds, minutes or hours', () => {
    expect([0, 1, 30, 89, 90, 600, 5400, 9000].map(formatEta)).toEqual(['under a second', 'about 1 s', 'about 30 s', 'about 89 s', 'about 2 min', 'about 10 min', 'about 1.5 h', 'about 2.5 h']);
  });
});
