// One line for people describing a lead action ("Assign tag VIP"): the outbox, the profile and recipes use it.
import type { LeadAction } from './actions';

/** One line for people, e.g. "Start sequence Welcome at step 2". */
export function describeAction(action: LeadAction): string {
  switch (action.cmd) {
    case 'assign_tag':
      return `Assign tag ${action.tag_name}`;
    case 'unassign_tag':
      return `Remove tag ${action.tag_name}`;
    case 'subscribe_lead_to_list':
      return `Subscribe to list ${action.list_name}`;
    case 'unsubscribe_lead_from_list':
      return `Unsubscribe from list ${action.list_name}`;
    case 'subscribe_lead_to_sequence_at_step':
      return `Start sequence ${action.sequence_name} at step ${action.step}`;
    case 'unsubscribe_lead_from_sequence':
      return `Stop sequence ${action.sequence_name}`;
    case 'give_points_to_lead':
      return `Give ${action.points} points${action.expiration ? ` (expire after ${action.expiration} days)` : ''}`;
    case 'remove_points_from_lead':
      return `Remove ${action.points} points`;
    case 'calendar_subscribe': {
      const when = [action.starting_date, action.starting_hour].filter(Boolean).join(' ');
      return `Book ${action.class_name} (${action.calendar_name})${when ? ` on ${when}` : ''}`;
    }
    case 'calendar_cancel':
      return `Cancel ${action.class_name} (${action.calendar_name})`;
  }
}
