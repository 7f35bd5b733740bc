// The one verifier: decides, from the lead as Kartra has it now, what became of the parts of a write whose
// outcome is unknown (a flat error for a chain, fewer results than actions, a timeout or reset after sending,
// a crash while the call was out). Pure: the caller reads the lead first, then re-sends only what is shown
// not applied; what cannot be read back is never re-sent automatically (kartra-api.md §0.4 E4, E7).
import type { LeadAction } from '../../../shared/domain/actions';
import type { EditLeadData } from '../../../shared/domain/lead-input';
import { actionTarget } from '../../../shared/domain/action-target';
import { describeAction } from '../../../shared/domain/describe-action';
import { actionVerdict, emailsMatch, fieldsVerdict, hasMembership, type LeadState } from '../kartra/verify';

export type Verdict =
  | { kind: 'applied' }
  | { kind: 'not_applied' }
  /** Reading the lead cannot tell: the user settles it (needs_check), with what Kartra shows in words. */
  | { kind: 'cannot_tell'; kartraShows: string };

export type PartOutcome = 'done' | 'failed' | 'unknown';

export interface VerifyFacts {
  /** Kartra's copy of the lead, read after the write; null when Kartra has no such lead. */
  lead: LeadState | null;
  /** The create/edit sent at actions[0], with its outcome; null for bare actions. */
  head: { kind: 'create' } | { kind: 'edit'; changes: EditLeadData } | null;
  headOutcome: PartOutcome;
  /** Every action of the call, in order, with what Kartra's answer said about it. */
  actions: readonly { action: LeadAction; outcome: PartOutcome }[];
  /** The lead's score read before the write was sent (0 for a new lead); undefined when not read. */
  scoreBefore?: number;
}

export interface VerifyResult {
  /** Kartra has no such lead (nothing anchored on it can have happened). */
  missing: boolean;
  leadId: string | null;
  /** Verdict for the head when its outcome was unknown, else null. */
  head: Verdict | null;
  /** One entry per action: its verdict when its outcome was unknown, else null. */
  actions: (Verdict | null)[];
}

const APPLIED: Verdict = { kind: 'applied' };
const NOT_APPLIED: Verdict = { kind: 'not_applied' };

export function pointsDelta(action: LeadAction): number {
  if (action.cmd === 'give_points_to_lead') return action.points;
  if (action.cmd === 'remove_points_from_lead') return -action.points;
  return 0;
}

const isCalendar = (a: LeadAction) => a.cmd === 'calendar_subscribe' || a.cmd === 'calendar_cancel';

export function verifyWrite(facts: VerifyFacts): VerifyResult {
  const unknownAt = facts.actions.map((a) => a.outcome === 'unknown');
  const state = facts.lead;
  if (!state) {
    return {
      missing: true,
      leadId: null,
      head: facts.headOutcome === 'unknown' ? NOT_APPLIED : null,
      actions: unknownAt.map((u) => (u ? NOT_APPLIED : null)),
    };
  }
  let head: Verdict | null = null;
  if (facts.headOutcome === 'unknown' && facts.head) {
    // A queued create's address was free when it was queued: a lead under it now is that create.
    if (facts.head.kind === 'create') head = APPLIED;
    else {
      const { new_email, ...fields } = facts.head.changes;
      const emailHolds = new_email === undefined || emailsMatch(new_email, state.lead.email);
      head = emailHolds && fieldsVerdict(state.lead, fields) === 'applied' ? APPLIED : NOT_APPLIED;
    }
  }
  const points = pointsVerdict(state, facts);
  const actions = facts.actions.map(({ action }, i): Verdict | null => {
    if (!unknownAt[i]) return null;
    if (pointsDelta(action) !== 0) return points;
    if (isCalendar(action)) {
      // get_lead carries no calendar bookings in Kartra (E7): a booking cannot be read back.
      return { kind: 'cannot_tell', kartraShows: `Kartra does not show calendar bookings on the lead, so "${describeAction(action)}" cannot be checked by reading it.` };
    }
    return actionVerdict(state, action) === 'applied' ? APPLIED : NOT_APPLIED;
  });
  return { missing: false, leadId: state.lead.id || null, head, actions: settleSameTarget(state, facts.actions, actions) };
}

const isUnsubscribe = (a: LeadAction) => a.cmd === 'unsubscribe_lead_from_list' || a.cmd === 'unsubscribe_lead_from_sequence';
const isSubscribe = (a: LeadAction) => a.cmd === 'subscribe_lead_to_list' || a.cmd === 'subscribe_lead_to_sequence_at_step';

/**
 * Two actions of one chain on the same thing ("subscribe to W, then unsubscribe from W"): the lead shows only what
 * the later one left, so the earlier one cannot be judged on its own — judged alone, a subscribe looks not applied
 * after the whole chain was, and sending it again would leave the lead subscribed. Kartra applies a chain in order:
 * when the later action holds, the earlier one was processed before it and is settled as applied. An unsubscribe
 * after a subscribe holds only when the membership exists (inactive): with none, neither was applied, and both are
 * sent again, in order.
 */
function settleSameTarget(state: LeadState, actions: VerifyFacts['actions'], verdicts: (Verdict | null)[]): (Verdict | null)[] {
  const out = [...verdicts];
  for (let last = actions.length - 1; last > 0; last--) {
    const target = actionTarget(actions[last]!.action);
    if (target === null || isCalendar(actions[last]!.action)) continue;
    const earlier = actions.map((a, i) => i).filter((i) => i < last && actionTarget(actions[i]!.action) === target && out[i] !== null);
    // Only the last action on a target is judged against the lead here; earlier ones follow it.
    if (earlier.length === 0 || actions.slice(last + 1).some((a) => actionTarget(a.action) === target)) continue;
    const lastHolds = actions[last]!.outcome === 'done' || out[last]?.kind === 'applied';
    if (!lastHolds) continue;
    const action = actions[last]!.action;
    if (isUnsubscribe(action) && earlier.some((i) => isSubscribe(actions[i]!.action)) && !hasMembership(state, action)) {
      for (const i of earlier) out[i] = NOT_APPLIED;
      if (out[last] !== null) out[last] = NOT_APPLIED;
      continue;
    }
    for (const i of earlier) out[i] = APPLIED;
  }
  return out;
}

/**
 * Points of unknown outcome, judged together from the score: the score before, plus the points Kartra
 * confirmed, plus (if applied) the unknown ones — worked out step by step since a score never goes below 0.
 */
function pointsVerdict(state: LeadState, facts: VerifyFacts): Verdict {
  const before = facts.scoreBefore;
  const score = state.lead.score;
  if (before === undefined) {
    return { kind: 'cannot_tell', kartraShows: `The score is ${score} now; the score before these points were sent is not known, so Lead Desk cannot tell whether they were added.` };
  }
  const run = (withUnknown: boolean) =>
    facts.actions.reduce((total, { action, outcome }) => {
      const delta = pointsDelta(action);
      if (delta === 0 || outcome === 'failed' || (outcome === 'unknown' && !withUnknown)) return total;
      return Math.max(0, total + delta);
    }, before);
  const without = run(false);
  const withAll = run(true);
  if (without !== withAll && score === withAll) return APPLIED;
  if (score === without) return NOT_APPLIED;
  return {
    kind: 'cannot_tell',
    kartraShows: `The score is ${score} now; it was ${before} before, so ${withAll} would mean the points were added and ${without} that they were not — it also moved for another reason.`,
  };
}
