// What a lead action sets (a tag, a list, a sequence, a calendar class): the outbox's batching and the
// profile's staged changes both need to know when two actions are about the same thing.
import type { LeadAction } from './actions';

/** What an action is about: two actions on the same target contradict or repeat each other. Points add up (null). */
export function actionTarget(action: LeadAction): string | null {
  switch (action.cmd) {
    case 'assign_tag':
    case 'unassign_tag':
      return `tag:${action.tag_name}`;
    case 'subscribe_lead_to_list':
    case 'unsubscribe_lead_from_list':
      return `list:${action.list_name}`;
    case 'subscribe_lead_to_sequence_at_step':
    case 'unsubscribe_lead_from_sequence':
      return `sequence:${action.sequence_name}`;
    case 'give_points_to_lead':
    case 'remove_points_from_lead':
      return null;
    case 'calendar_subscribe':
    case 'calendar_cancel':
      return `calendar:${action.calendar_name}\u0000${action.class_name}`;
  }
}
