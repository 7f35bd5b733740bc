// The runner's recovery decisions: from the lead as Kartra has it after a crash, was the chain applied, safe to resend, or unknowable?
import { describe, expect, it } from 'vitest';
import type { LeadAction } from '../../../shared/domain/actions';
import type { Lead } from '../../../shared/domain/lead';
import type { LeadState } from '../kartra/verify';
import { chainOrder, decideRecovery, evidenceAction, importActions } from './row-chain';

function state(overrides: Partial<Lead> = {}): LeadState {
  const lead = {
    id: '77',
    email: 'ann@example.com',
    first_name: 'Ann',
    last_name: '',
    score: 0,
    tags: [],
    lists: [],
    sequences: [],
    custom_fields: [],
    calendars: null,
    ...overrides,
  } as unknown as Lead;
  for (const f of ['middle_name', 'last_name2', 'phone', 'phone_country_code', 'ip', 'address', 'zip', 'city', 'state', 'country', 'company', 'lead_picture', 'website', 'facebook', 'twitter', 'linkedin', 'lead_preferred_time_zone', 'sales_tax_id'] as const) {
    (lead as Record<string, unknown>)[f] ??= '';
  }
  return { lead, raw: {} };
}

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

describe('decideRecovery', () => {
  it('resends when Kartra has no such lead: nothing anchored on it can have happened', () => {
    expect(decideRecovery({ step: 'create', state: null, fields, actions: [points, tag] })).toEqual({ kind: 'resend' });
    expect(decideRecovery({ step: 'actions', state: null, fields: {}, actions: [tag] })).toEqual({ kind: 'resend' });
  });

  it('counts the chain as applied when its last checkable action holds, points included', () => {
    const applied = state({ tags: ['VIP'], lists: [{ list_name: 'Newsletter', active: true }], score: 5 });
    expect(decideRecovery({ step: 'create', state: applied, fields, actions: [points, tag, list] })).toEqual({ kind: 'applied' });
    expect(decideRecovery({ step: 'edit', state: applied, fields: { first_name: 'Other' }, actions: [points, tag, list] })).toEqual({ kind: 'applied' });
  });

  it('resends when the evidence is missing (the create hit an existing lead, or the call never arrived)', () => {
    expect(decideRecovery({ step: 'create', state: state(), fields, actions: [points, tag, list] })).toEqual({ kind: 'resend' });
    expect(decideRecovery({ step: 'edit', state: state({ tags: ['VIP'] }), fields, actions: [points, tag, list] })).toEqual({ kind: 'resend' });
  });

  it('asks the user when a created lead shows part of the chain but not its end (points would be doubled)', () => {
    const partly = decideRecovery({ step: 'create', state: state({ tags: ['VIP'] }), fields, actions: [points, tag, list] });
    expect(partly.kind).toBe('check');
  });

  it('asks the user when points are the only thing that could prove the call', () => {
    const decision = decideRecovery({ step: 'edit', state: state({ score: 5 }), fields, actions: [points] });
    expect(decision).toEqual({ kind: 'check', message: expect.stringContaining('cannot tell whether the 5 points went through') });
  });

  it('settles idempotent chains by comparing fields (and resends when they differ)', () => {
    expect(decideRecovery({ step: 'create', state: state(), fields, actions: [] })).toEqual({ kind: 'applied' });
    expect(decideRecovery({ step: 'create', state: state(), fields: { first_name: 'Bo' }, actions: [] })).toEqual({ kind: 'resend' });
    expect(decideRecovery({ step: 'actions', state: state(), fields: {}, actions: [{ cmd: 'unassign_tag', tag_name: 'VIP' }] })).toEqual({ kind: 'applied' });
  });
});
