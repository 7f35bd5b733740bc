import { describe, expect, it } from 'vitest';
import type { Lead } from '../../../shared/domain/lead';
import { planRecovery } from './verifier';
import { act, give, item, tag, take } from './testing/test-items';

const lead = (over: Partial<Lead> = {}) => ({ id: '42', email: 'a@example.com', score: 10, tags: [], calendars: null, ...over }) as Lead;

describe('planRecovery', () => {
  it('a create whose lead now exists was applied; its id is learnt; idempotent actions are re-sent', () => {
    const create = item({ kind: 'create', lead: { email: 'a@example.com' } }, { status: 'in_flight' });
    const t = tag('VIP', { status: 'in_flight' });
    const plan = planRecovery(lead(), [create, t]);
    expect(plan.applied).toEqual([create]);
    expect(plan.kartraId).toBe('42');
    expect(plan.resend).toEqual([t]);
  });

  it('a create whose lead does not exist is sent again with its actions', () => {
    const create = item({ kind: 'create', lead: { email: 'a@example.com' } });
    const t = tag('VIP');
    expect(planRecovery(null, [create, t])).toMatchObject({ applied: [], resend: [create, t] });
  });

  it('points: applied when the score moved by exactly the change, re-sent when unchanged, the user decides otherwise', () => {
    const g = give(5, { verify: { scoreBefore: 10 } });
    const r = take(2, { verify: { scoreBefore: 10 } });
    expect(planRecovery(lead({ score: 13 }), [g, r]).applied).toEqual([g, r]);
    expect(planRecovery(lead({ score: 10 }), [g, r]).resend).toEqual([g, r]);
    const unsure = planRecovery(lead({ score: 99 }), [g, r]);
    expect(unsure.unsure.items).toEqual([g, r]);
    expect(unsure.unsure.error.message).toMatch(/score is now 99 \(it was 10/);
    expect(planRecovery(lead({ score: 13 }), [give(3)]).unsure.items).toHaveLength(1);
  });

  it('a removal capped at zero still counts as applied', () => {
    const r = take(50, { verify: { scoreBefore: 10 } });
    expect(planRecovery(lead({ score: 0 }), [r]).applied).toEqual([r]);
  });

  it('points sent as a removal and then a give: the score is worked out change by change, capped at 0', () => {
    const r = take(5, { verify: { scoreBefore: 2 } });
    const g = give(3, { verify: { scoreBefore: 2 } });
    // 2 - 5 → 0, + 3 → 3 (a single cap on the total would expect 0 and call it unsure).
    expect(planRecovery(lead({ score: 3 }), [r, g]).applied).toEqual([r, g]);
    expect(planRecovery(lead({ score: 2 }), [r, g]).resend).toEqual([r, g]);
  });

  it('a score that Kartra let go below zero still counts as applied (its rule is undocumented)', () => {
    const r = take(5, { verify: { scoreBefore: 2 } });
    expect(planRecovery(lead({ score: -3 }), [r]).applied).toEqual([r]);
  });

  it('calendar bookings are checked when Kartra lists them', () => {
    const book = act({ cmd: 'calendar_subscribe', calendar_name: 'Coaching', class_name: 'Intro' });
    expect(planRecovery(lead({ calendars: [{ calendar_name: 'Coaching', class_name: 'Intro', active: true }] }), [book]).applied).toEqual([book]);
    expect(planRecovery(lead({ calendars: [] }), [book]).resend).toEqual([book]);
  });
});
