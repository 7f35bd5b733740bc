import { describe, expect, it } from 'vitest';
import { buildBatch, isNoop, MAX_ACTIONS_PER_CALL } from './batch';
import { act, give, item, tag, take, untag } from './test-items';

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
