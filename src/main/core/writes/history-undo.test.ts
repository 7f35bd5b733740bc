// The inverse of a History entry: only applied parts are reversed, in reverse order; entries Kartra cannot
// reverse (a created lead, a sequence left at an unknown step, an unknown "before") say why.
import { describe, expect, it } from 'vitest';
import type { HistoryAction, HistoryEntry } from '../../../shared/domain/history';
import { editOfFields, inverseOf } from './history-undo';

const part = (cmd: string, outcome: HistoryAction['outcome'], action?: HistoryAction['action']): HistoryAction => ({ cmd, summary: cmd, outcome, kartraType: null, message: null, ...(action ? { action } : {}) });
const entry = (actions: HistoryAction[], fields: HistoryEntry['fields'] = []) => ({ actions, fields, leadId: '7', leadEmail: 'a@example.com' });

describe('inverseOf', () => {
  it('reverses applied actions, last first, and leaves failed ones', () => {
    const inverse = inverseOf(
      entry([
        part('assign_tag', 'done', { cmd: 'assign_tag', tag_name: 'VIP' }),
        part('subscribe_lead_to_list', 'failed', { cmd: 'subscribe_lead_to_list', list_name: 'News' }),
        part('give_points_to_lead', 'done', { cmd: 'give_points_to_lead', points: 4 }),
        part('subscribe_lead_to_sequence_at_step', 'done', { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome', step: '2' }),
      ]),
    );
    expect(inverse).toEqual({
      ok: true,
      fields: {},
      actions: [
        { cmd: 'unsubscribe_lead_from_sequence', sequence_name: 'Welcome' },
        { cmd: 'remove_points_from_lead', points: 4 },
        { cmd: 'unassign_tag', tag_name: 'VIP' },
      ],
    });
  });

  it('puts fields back to their values before', () => {
    expect(inverseOf(entry([part('edit_lead', 'done')], [{ field: 'company', before: 'Acme', after: 'Globex' }, { field: 'custom:size', before: '', after: 'XL' }]))).toEqual({
      ok: true,
      actions: [],
      fields: { company: 'Acme', 'custom:size': '' },
    });
    // A checkbox takes a list of option ids; a drop-down its one option id as it is.
    expect(editOfFields({ company: 'Acme', 'custom:colours': '3,5', 'custom:note': 'x', 'custom:size': '607' }, new Set(['colours']))).toEqual({
      company: 'Acme',
      custom_fields: [
        { field_identifier: 'colours', field_value: ['3', '5'] },
        { field_identifier: 'note', field_value: 'x' },
        { field_identifier: 'size', field_value: '607' },
      ],
    });
  });

  it('says why when there is no inverse', () => {
    expect(inverseOf(entry([part('create_lead', 'done'), part('assign_tag', 'done', { cmd: 'assign_tag', tag_name: 'VIP' })]))).toEqual({
      ok: false,
      reason: "A created lead cannot be removed through Kartra's API; delete it in Kartra if it should go.",
    });
    expect(inverseOf(entry([part('unsubscribe_lead_from_sequence', 'done', { cmd: 'unsubscribe_lead_from_sequence', sequence_name: 'Welcome' })]))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('step in Welcome before it left is not known'),
    });
    expect(inverseOf(entry([part('edit_lead', 'done')], [{ field: 'city', before: null, after: 'Oslo' }]))).toEqual({ ok: false, reason: 'The value of city before the change is not known.' });
    expect(inverseOf(entry([part('assign_tag', 'pending')]))).toMatchObject({ ok: false, reason: expect.stringMatching(/^Not sent yet/) });
    expect(inverseOf(entry([part('assign_tag', 'failed')]))).toMatchObject({ ok: false, reason: expect.stringMatching(/^Nothing of it was applied/) });
    expect(inverseOf(entry([part('assign_tag', 'done')]))).toMatchObject({ ok: false, reason: expect.stringContaining('recorded before undo existed') });
  });
});
