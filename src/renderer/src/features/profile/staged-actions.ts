// Staged assignments: the changes the user lines up on a profile before sending them in one chained call.
import type { LeadAction } from '../../../../shared/domain/actions';
import type { Lead } from '../../../../shared/domain/lead';

import { actionTarget } from '../../../../shared/domain/action-target';
import { describeAction } from '../../../../shared/domain/describe-action';

export { actionTarget, describeAction };

/** Why this action would change nothing on the lead as shown, or null when it makes sense. */
export function pointlessReason(action: LeadAction, lead: Lead): string | null {
  switch (action.cmd) {
    case 'assign_tag':
      return lead.tags.includes(action.tag_name) ? `The lead already has the tag “${action.tag_name}”.` : null;
    case 'unassign_tag':
      return lead.tags.includes(action.tag_name) ? null : `The lead does not have the tag “${action.tag_name}”.`;
    case 'subscribe_lead_to_list':
      return lead.lists.some((l) => l.list_name === action.list_name && l.active) ? `The lead is already on the list “${action.list_name}”.` : null;
    case 'unsubscribe_lead_from_list':
      return lead.lists.some((l) => l.list_name === action.list_name && l.active) ? null : `The lead is not on the list “${action.list_name}”.`;
    case 'unsubscribe_lead_from_sequence':
      return lead.sequences.some((s) => s.sequence_name === action.sequence_name && s.status !== 'unsubscribed')
        ? null
        : `The lead is not in the sequence “${action.sequence_name}”.`;
    case 'remove_points_from_lead':
      return action.points > lead.score ? `The lead has only ${lead.score} points.` : null;
    default:
      return null;
  }
}

export type StageResult = { ok: true; staged: LeadAction[] } | { ok: false; reason: string };

/**
 * Adds an action to the staged ones. The same action twice is refused; a later action on the same
 * target (assign after remove of the same tag) replaces the earlier one: the latest intention wins.
 */
export function stageAction(staged: readonly LeadAction[], action: LeadAction, lead: Lead): StageResult {
  if (staged.some((s) => JSON.stringify(s) === JSON.stringify(action))) return { ok: false, reason: `“${describeAction(action)}” is already staged.` };
  const target = actionTarget(action);
  const others = target === null ? [...staged] : staged.filter((s) => actionTarget(s) !== target);
  const replaced = others.length !== staged.length;
  // Replacing a staged opposite ("remove VIP" then "assign VIP") is allowed even when the lead already matches.
  const pointless = replaced ? null : pointlessReason(action, lead);
  if (pointless) return { ok: false, reason: pointless };
  return { ok: true, staged: [...others, action] };
}
