import { describe, expect, it } from 'vitest';
import { buildBatch, isNoop, MAX_ACTIONS_PER_CALL } from './batch';
import { act, give, item, tag, take, untag } from './testing/test-items';

describe('buildBatch', () => {
  it('chains a create with the actions queued after it', () => {
    const create = item({ kind: 'create', lead: { email: 'new@example.com', first_name: 'Ann' } });
    const t = tag('VIP');
    const l = act({ cmd: 'subscribe_lead_to_list', list_name: 'News' });
    const batch = buildBatch([create, t, l])!;
    expect(batch.head).toMatchObject({ kind: 'create', lead: { email: 'new@example.com', first_name: 'Ann' } });
    expect(batch.actions.map((a) => a.action.cmd)).toEqual(['assign_tag', 'subscribe_lead_to_list']);
    expect(batch.items.map((i) => i.id)).toEqual([create.id, t.id, l.id]);
  });

  it('folds edits queued behind a pending create into it, new_email becoming the address', () => {
    const create = item({ kind: 'create', lead: { email: 'old@example.com', city: 'Rome' } });
    const edit = item({ kind: 'edit', changes: { city: 'Oslo', new_email: 'new@example.com' } });
    const batch = buildBatch([create, edit])!;
    expect(batch.head).toMatchObject({ kind: 'create', lead: { email: 'new@example.com', city: 'Oslo' } });
    expect(batch.head.kind === 'create' && 'new_email' in batch.head.lead).toBe(false);
  });

  it('does not fold into a create that was already in flight (it may have been applied)', () => {
    const create = item({ kind: 'create', lead: { email: 'x@example.com' } }, { status: 'in_flight' });
    const edit = item({ kind: 'edit', changes: { city: 'Oslo' } });
    const batch = buildBatch([create, edit])!;
    expect(batch.head.kind === 'create' && batch.head.items.map((i) => i.id)).toEqual([create.id]);
  });

  it('merges consecutive edits, keeping the first value the user saw per field', () => {
    const a = item({ kind: 'edit', changes: { city: 'A', custom_fields: [{ field_identifier: 'color', field_value: '1' }] } }, { seen: { city: 'Old' } });
    const b = item({ kind: 'edit', changes: { city: 'B', zip: '1', custom_fields: [{ field_identifier: 'color', field_value: '2' }] } }, { seen: { city: 'A', zip: '0' } });
    const batch = buildBatch([a, b, tag('T')])!;
    expect(batch.head).toMatchObject({ kind: 'edit', changes: { city: 'B', zip: '1', custom_fields: [{ field_identifier: 'color', field_value: '2' }] }, seen: { city: 'Old', zip: '0' } });
    expect(batch.actions).toHaveLength(1);
  });

  it('lets the last change to the same tag win, in the earlier position', () => {
    const first = tag('VIP');
    const list = act({ cmd: 'subscribe_lead_to_list', list_name: 'News' });
    const last = untag('VIP');
    const batch = buildBatch([first, list, last])!;
    expect(batch.actions.map((a) => a.action)).toEqual([{ cmd: 'unassign_tag', tag_name: 'VIP' }, { cmd: 'subscribe_lead_to_list', list_name: 'News' }]);
    expect(batch.actions[0]!.items.map((i) => i.id)).toEqual([first.id, last.id]);
    expect(batch.actions[0]!.merged).toBe(false);
  });

  it('nets points and marks a zero net as a no-op', () => {
    const batch = buildBatch([give(5), take(2), give(4)])!;
    expect(batch.actions).toHaveLength(1);
    expect(batch.actions[0]!.action).toEqual({ cmd: 'give_points_to_lead', points: 7 });
    expect(batch.actions[0]!.merged).toBe(true);
    const cancel = buildBatch([give(5), take(5)])!;
    expect(isNoop(cancel.actions[0]!)).toBe(true);
    const negative = buildBatch([give(1), take(3)])!;
    expect(negative.actions[0]!.action).toEqual({ cmd: 'remove_points_from_lead', points: 2 });
  });

  it('never nets a give that follows a removal: Kartra caps the score at 0 in between', () => {
    // remove 5 then give 3 on a score of 2 ends at 3; a net "remove 2" would end at 0.
    expect(buildBatch([take(5), give(3)])!.actions.map((a) => a.action)).toEqual([
      { cmd: 'remove_points_from_lead', points: 5 },
      { cmd: 'give_points_to_lead', points: 3 },
    ]);
    // Gives before removals still net (capping once at the end is the same as capping each removal), and so
    // does a give after removals that the earlier gives covered.
    const gives = buildBatch([give(3), take(5), take(1), give(4)])!;
    expect(gives.actions.map((a) => a.action)).toEqual([
      { cmd: 'remove_points_from_lead', points: 3 },
      { cmd: 'give_points_to_lead', points: 4 },
    ]);
    expect(gives.actions.map((a) => a.items.length)).toEqual([3, 1]);
    expect(buildBatch([give(5), take(5), give(1)])!.actions.map((a) => a.action)).toEqual([{ cmd: 'give_points_to_lead', points: 1 }]);
  });

  it('does not merge points across points that expire', () => {
    const batch = buildBatch([take(10), act({ cmd: 'give_points_to_lead', points: 5, expiration: 30 }), take(3)])!;
    expect(batch.actions.map((a) => a.action)).toEqual([
      { cmd: 'remove_points_from_lead', points: 10 },
      { cmd: 'give_points_to_lead', points: 5, expiration: 30 },
      { cmd: 'remove_points_from_lead', points: 3 },
    ]);
  });

  it('keeps a subscribe and a later unsubscribe of the same list or sequence (the lead keeps an inactive membership)', () => {
    const list = buildBatch([act({ cmd: 'subscribe_lead_to_list', list_name: 'News' }), act({ cmd: 'unsubscribe_lead_from_list', list_name: 'News' })])!;
    expect(list.actions.map((a) => a.action.cmd)).toEqual(['subscribe_lead_to_list', 'unsubscribe_lead_from_list']);
    const sequence = buildBatch([
      act({ cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome', step: '1' }),
      act({ cmd: 'unsubscribe_lead_from_sequence', sequence_name: 'Welcome' }),
    ])!;
    expect(sequence.actions.map((a) => a.action.cmd)).toEqual(['subscribe_lead_to_sequence_at_step', 'unsubscribe_lead_from_sequence']);
    // A subscribe decides alone: it still replaces what came before it.
    const again = buildBatch([
      act({ cmd: 'subscribe_lead_to_list', list_name: 'News' }),
      act({ cmd: 'unsubscribe_lead_from_list', list_name: 'News' }),
      act({ cmd: 'subscribe_lead_to_list', list_name: 'News' }),
    ])!;
    expect(again.actions.map((a) => [a.action.cmd, a.items.length])).toEqual([
      ['subscribe_lead_to_list', 1],
      ['subscribe_lead_to_list', 2],
    ]);
    const booking = buildBatch([
      act({ cmd: 'calendar_subscribe', calendar_name: 'Coaching', class_name: 'Intro' }),
      act({ cmd: 'calendar_cancel', calendar_name: 'Coaching', class_name: 'Intro' }),
    ])!;
    expect(booking.actions.map((a) => a.action.cmd)).toEqual(['calendar_subscribe', 'calendar_cancel']);
  });

  it('never merges points that expire', () => {
    const batch = buildBatch([act({ cmd: 'give_points_to_lead', points: 5, expiration: 30 }), give(1)])!;
    expect(batch.actions.map((a) => a.action)).toEqual([
      { cmd: 'give_points_to_lead', points: 5, expiration: 30 },
      { cmd: 'give_points_to_lead', points: 1 },
    ]);
  });

  it('stops at the next edit (it must be actions[0] of its own call) and at the action limit', () => {
    const edit = item({ kind: 'edit', changes: { city: 'X' } });
    expect(buildBatch([tag('A'), edit, tag('B')])!.items).toHaveLength(1);
    const many = Array.from({ length: MAX_ACTIONS_PER_CALL + 5 }, (_, i) => tag(`T${i}`));
    expect(buildBatch(many)!.actions).toHaveLength(MAX_ACTIONS_PER_CALL);
  });

  it('skips failed actions but is blocked by a conflict or a failed create', () => {
    const failed = tag('Bad', { status: 'failed' });
    const ok = tag('Good');
    expect(buildBatch([failed, ok])!.actions.map((a) => a.action)).toEqual([{ cmd: 'assign_tag', tag_name: 'Good' }]);
    const conflict = item({ kind: 'edit', changes: { city: 'X' } }, { status: 'conflict' });
    expect(buildBatch([conflict, tag('A')])).toBeUndefined();
    const createFailed = item({ kind: 'create', lead: { email: 'x@example.com' } }, { status: 'failed' });
    expect(buildBatch([createFailed, tag('A')])).toBeUndefined();
  });
});
