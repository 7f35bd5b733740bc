// Decides, from the lead as Kartra has it now, what happened to a row whose call got no answer (a crash, a lost reply).
//
// A chained call is applied in order by Kartra, so the chain is sent with the actions that cannot be
// checked afterwards (points, calendar bookings) first and a checkable one (tag, list, sequence) last:
// if that last one holds, everything before it was applied too.
import type { LeadAction } from '../../../shared/domain/actions';
import type { EditLeadData } from '../../../shared/domain/lead-input';
import type { ImportOptions } from '../../../shared/domain/import';
import { actionVerdict, fieldsVerdict, type LeadState } from '../kartra/verify';
import type { Step } from '../jobs/row-repo';

const POSITIVE = new Set<LeadAction['cmd']>(['assign_tag', 'subscribe_lead_to_list', 'subscribe_lead_to_sequence_at_step']);

/** The import's chain: points, then tags, lists, and the sequence last. */
export function importActions(options: Pick<ImportOptions, 'tags' | 'lists' | 'sequence' | 'points'>): LeadAction[] {
  return [
    ...(options.points > 0 ? [{ cmd: 'give_points_to_lead' as const, points: options.points }] : []),
    ...options.tags.map((tag_name) => ({ cmd: 'assign_tag' as const, tag_name })),
    ...options.lists.map((list_name) => ({ cmd: 'subscribe_lead_to_list' as const, list_name })),
    ...(options.sequence ? [{ cmd: 'subscribe_lead_to_sequence_at_step' as const, sequence_name: options.sequence.name, step: options.sequence.step }] : []),
  ];
}

const uncheckable = (a: LeadAction) =>
  a.cmd === 'give_points_to_lead' || a.cmd === 'remove_points_from_lead' || a.cmd === 'calendar_subscribe' || a.cmd === 'calendar_cancel';

/** A recipe's chain: actions that cannot be checked first, the rest in the recipe's own order. */
export function chainOrder(actions: readonly LeadAction[]): LeadAction[] {
  return [...actions.filter(uncheckable), ...actions.filter((a) => !uncheckable(a))];
}

function sameTarget(a: LeadAction, b: LeadAction): boolean {
  const name = (x: LeadAction) => ('tag_name' in x ? `t:${x.tag_name}` : 'list_name' in x ? `l:${x.list_name}` : 'sequence_name' in x ? `s:${x.sequence_name}` : '');
  return name(a) !== '' && name(a).toLowerCase() === name(b).toLowerCase();
}

/** The last adding action whose effect no later action of the chain undoes: the chain's proof of delivery. */
export function evidenceAction(actions: readonly LeadAction[]): LeadAction | null {
  for (let i = actions.length - 1; i >= 0; i--) {
    const action = actions[i]!;
    if (!POSITIVE.has(action.cmd)) continue;
    if (actions.slice(i + 1).some((later) => sameTarget(later, action))) continue;
    return action;
  }
  return null;
}

export type RecoveryDecision =
  /** The whole chain holds on the lead: settle the row as done. */
  | { kind: 'applied' }
  /** Nothing of the chain was applied (or repeating it is harmless): send the step again. */
  | { kind: 'resend' }
  /** Cannot be told apart without risking e.g. double points: the user checks the lead. */
  | { kind: 'check'; message: string };

export interface RecoveryFacts {
  step: Step;
  /** Kartra's copy of the lead now; null when Kartra has no such lead. */
  state: LeadState | null;
  /** Profile fields the step sends (create/edit; nothing for recipes). */
  fields: EditLeadData;
  /** The chain's actions in the order they were sent. */
  actions: readonly LeadAction[];
}

function checkMessage(actions: readonly LeadAction[]): string {
  const points = actions.filter((a) => a.cmd === 'give_points_to_lead' || a.cmd === 'remove_points_from_lead');
  const what = points.length > 0 ? `the ${points.map((a) => ('points' in a ? a.points : 0)).join(' + ')} points` : 'the calendar booking';
  return `Check this lead in Kartra: the connection was lost while it was being sent, and Lead Desk cannot tell whether ${what} went through (sending again could apply them twice).`;
}

export function decideRecovery(facts: RecoveryFacts): RecoveryDecision {
  const { state, actions } = facts;
  // No lead: nothing anchored on it can have happened; Kartra's answer to the resend is authoritative.
  if (state === null) return { kind: 'resend' };
  const risky = actions.filter((a) => actionVerdict(state, a) === 'unknown');
  const evidence = evidenceAction(actions);
  if (evidence) {
    if (actionVerdict(state, evidence) === 'applied') return { kind: 'applied' };
    // The proof is missing. If another part of this chain shows on the lead, the chain ran partway
    // (an action failed after the points): repeating it would give them again.
    const partly = facts.step === 'create' && actions.some((a) => a !== evidence && POSITIVE.has(a.cmd) && actionVerdict(state, a) === 'applied');
    if (risky.length > 0 && partly) return { kind: 'check', message: checkMessage(risky) };
    return { kind: 'resend' };
  }
  if (risky.length > 0) return { kind: 'check', message: checkMessage(risky) };
  // Only idempotent parts (fields, removals): applied when all of them hold, else sending again is harmless.
  const holds = fieldsVerdict(state.lead, facts.fields) === 'applied' && actions.every((a) => actionVerdict(state, a) === 'applied');
  return holds ? { kind: 'applied' } : { kind: 'resend' };
}
