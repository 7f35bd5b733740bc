// The one verifier: from the lead read after a write whose outcome is unknown, what was applied, what is shown
// not applied (sent again), and what cannot be read back (needs a check by the user).
import { describe, expect, it } from 'vitest';
import type { LeadAction } from '../../../shared/domain/actions';
import type { Lead } from '../../../shared/domain/lead';
import type { LeadState } from '../kartra/verify';
import { newLeadCopy } from './cache-sync';
import { verifyWrite } from './verifier';

const state = (overrides: Partial<Lead> = {}): LeadState => ({ lead: { ...newLeadCopy('77', { email: 'ann@example.com' }), ...overrides }, raw: {} });
const points: LeadAction = { cmd: 'give_points_to_lead', points: 5 };
const seq: LeadAction = { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome', step: '1' };
const tag: LeadAction = { cmd: 'assign_tag', tag_name: 'VIP' };
const booking: LeadAction = { cmd: 'calendar_subscribe', calendar_name: 'Coaching', class_name: 'Intro' };
const unknown = (...actions: LeadAction[]) => actions.map((action) => ({ action, outcome: 'unknown' as const }));

describe('verifyWrite', () => {
  it('points are applied when the score moved by exactly them from the score read before', () => {
    const r = verifyWrite({ lead: state({ score: 15 }), head: null, headOutcome: 'done', actions: unknown(points, seq), scoreBefore: 10 });
    expect(r.actions.map((v) => v?.kind)).toEqual(['applied', 'not_applied']);
  });

  it('points are not applied when the score did not move, and cannot be told when it moved otherwise', () => {
    expect(verifyWrite({ lead: state({ score: 10 }), head: null, headOutcome: 'done', actions: unknown(points), scoreBefore: 10 }).actions[0]?.kind).toBe('not_applied');
    const moved = verifyWrite({ lead: state({ score: 12 }), head: null, headOutcome: 'done', actions: unknown(points), scoreBefore: 10 }).actions[0];
    expect(moved?.kind).toBe('cannot_tell');
    expect(moved?.kind === 'cannot_tell' && moved.kartraShows).toContain('score is 12');
  });

  it('points confirmed by the answer count in the score; only unknown ones are judged', () => {
    const r = verifyWrite({ lead: state({ score: 13 }), head: null, headOutcome: 'done', actions: [{ action: { cmd: 'give_points_to_lead', points: 3 }, outcome: 'done' }, ...unknown(points)], scoreBefore: 10 });
    expect(r.actions.map((v) => v?.kind ?? null)).toEqual([null, 'not_applied']);
  });

  it('points without a score read before cannot be told', () => {
    expect(verifyWrite({ lead: state({ score: 15 }), head: null, headOutcome: 'done', actions: unknown(points) }).actions[0]?.kind).toBe('cannot_tell');
  });

  it('a calendar booking is never judged from get_lead, even when the answer carries bookings', () => {
    const read = { ...state(), raw: { calendars: [{ calendar_name: 'Coaching', class_name: 'Intro', status: 'active' }] } };
    expect(verifyWrite({ lead: read, head: null, headOutcome: 'done', actions: unknown(booking) }).actions[0]?.kind).toBe('cannot_tell');
  });

  it('tags and sequences are read back; a missing lead means nothing anchored on it happened', () => {
    const r = verifyWrite({ lead: state({ tags: ['VIP'], sequences: [{ sequence_name: 'Welcome', step: '1', status: 'active' }] }), head: null, headOutcome: 'done', actions: unknown(tag, seq) });
    expect(r.actions.map((v) => v?.kind)).toEqual(['applied', 'applied']);
    const gone = verifyWrite({ lead: null, head: { kind: 'create' }, headOutcome: 'unknown', actions: unknown(tag) });
    expect(gone).toMatchObject({ missing: true, head: { kind: 'not_applied' }, actions: [{ kind: 'not_applied' }] });
  });

  it('an edit is applied when its fields hold (new_email included)', () => {
    const changes = { city: 'Oslo', new_email: 'new@example.com' };
    expect(verifyWrite({ lead: state({ city: 'Oslo', email: 'new@example.com' }), head: { kind: 'edit', changes }, headOutcome: 'unknown', actions: [] }).head?.kind).toBe('applied');
    expect(verifyWrite({ lead: state({ city: 'Bergen', email: 'new@example.com' }), head: { kind: 'edit', changes }, headOutcome: 'unknown', actions: [] }).head?.kind).toBe('not_applied');
  });

  describe('two actions of one chain on the same list or sequence', () => {
    const join: LeadAction = { cmd: 'subscribe_lead_to_list', list_name: 'Webinar' };
    const leave: LeadAction = { cmd: 'unsubscribe_lead_from_list', list_name: 'Webinar' };
    const kinds = (lead: Partial<Lead>, ...actions: LeadAction[]) =>
      verifyWrite({ lead: state(lead), head: null, headOutcome: 'done', actions: unknown(...actions) }).actions.map((v) => v?.kind);

    it('subscribe then unsubscribe: an inactive membership means both were applied (the subscribe is not sent again)', () => {
      expect(kinds({ lists: [{ list_name: 'Webinar', active: false }] }, join, leave)).toEqual(['applied', 'applied']);
    });

    it('subscribe then unsubscribe: still active means only the unsubscribe is missing; no membership means neither was applied', () => {
      expect(kinds({ lists: [{ list_name: 'Webinar', active: true }] }, join, leave)).toEqual(['applied', 'not_applied']);
      expect(kinds({ lists: [] }, join, leave)).toEqual(['not_applied', 'not_applied']);
    });

    it('the same for a sequence, and the later of two tag changes settles the earlier', () => {
      const stop: LeadAction = { cmd: 'unsubscribe_lead_from_sequence', sequence_name: 'Welcome' };
      expect(kinds({ sequences: [{ sequence_name: 'Welcome', step: '1', status: 'unsubscribed' }] }, seq, stop)).toEqual(['applied', 'applied']);
      expect(kinds({ sequences: [] }, seq, stop)).toEqual(['not_applied', 'not_applied']);
      const untag: LeadAction = { cmd: 'unassign_tag', tag_name: 'VIP' };
      expect(kinds({ tags: [] }, tag, untag)).toEqual(['applied', 'applied']);
      expect(kinds({ tags: ['VIP'] }, tag, untag)).toEqual(['applied', 'not_applied']);
    });

    it('an unsubscribe Kartra confirmed settles the subscribe before it', () => {
      const r = verifyWrite({ lead: state({ lists: [{ list_name: 'Webinar', active: false }] }), head: null, headOutcome: 'done', actions: [{ action: join, outcome: 'unknown' }, { action: leave, outcome: 'done' }] });
      expect(r.actions.map((v) => v?.kind ?? null)).toEqual(['applied', null]);
    });
  });
});
