// What a recipe's action would change on one lead, judged from what is known of the lead (the cache, for the
// preview): "adds tag VIP", or "already has tag VIP" (sent anyway: Kartra ignores it, nothing changes).
import type { LeadAction } from './actions';
import type { ConditionLead } from './recipe-conditions';

export interface ActionEffect {
  /** False when the lead already is as the action would leave it. */
  changes: boolean;
  text: string;
}

export function actionEffect(action: LeadAction, lead: ConditionLead): ActionEffect {
  const inList = (name: string) => lead.lists.some((l) => l.list_name === name && l.active);
  const inSequence = (name: string) => lead.sequences.find((q) => q.sequence_name === name && q.status !== 'unsubscribed');
  switch (action.cmd) {
    case 'assign_tag':
      return lead.tags.includes(action.tag_name) ? { changes: false, text: `already has tag ${action.tag_name}` } : { changes: true, text: `adds tag ${action.tag_name}` };
    case 'unassign_tag':
      return lead.tags.includes(action.tag_name) ? { changes: true, text: `removes tag ${action.tag_name}` } : { changes: false, text: `has no tag ${action.tag_name}` };
    case 'subscribe_lead_to_list':
      return inList(action.list_name) ? { changes: false, text: `already in list ${action.list_name}` } : { changes: true, text: `subscribes to list ${action.list_name}` };
    case 'unsubscribe_lead_from_list':
      return inList(action.list_name) ? { changes: true, text: `unsubscribes from list ${action.list_name}` } : { changes: false, text: `not in list ${action.list_name}` };
    case 'subscribe_lead_to_sequence_at_step': {
      // Kartra restarts a sequence the lead is already in (its emails are sent again): say so.
      const at = inSequence(action.sequence_name);
      return { changes: true, text: at ? `restarts sequence ${action.sequence_name} at step ${action.step} (now at step ${at.step})` : `starts sequence ${action.sequence_name} at step ${action.step}` };
    }
    case 'unsubscribe_lead_from_sequence':
      return inSequence(action.sequence_name)
        ? { changes: true, text: `leaves sequence ${action.sequence_name}` }
        : { changes: false, text: `not in sequence ${action.sequence_name}` };
    case 'give_points_to_lead':
      return { changes: true, text: `score ${lead.score} → ${lead.score + action.points}` };
    case 'remove_points_from_lead':
      return { changes: true, text: `score ${lead.score} → ${lead.score - action.points}` };
    case 'calendar_subscribe':
      return { changes: true, text: `books ${action.class_name} in ${action.calendar_name}` };
    case 'calendar_cancel':
      return { changes: true, text: `cancels ${action.class_name} in ${action.calendar_name}` };
  }
}
