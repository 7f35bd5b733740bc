// What a bulk action means for one cached lead: whether it changes anything (a lead that already has the tag is
// skipped, nothing is sent for it), the change in words for the preview, and the row the run sends.
import type { BulkAction } from '../../../shared/domain/bulk-actions';
import { describeAction } from '../../../shared/domain/describe-action';
import type { Lead } from '../../../shared/domain/lead';
import { currentValue } from '../writes/conflicts';
import { editOfFields } from '../writes/history-undo';
import type { RowChange } from './bulk-rows';

export type LeadPlan = { changes: false; what: string } | { changes: true; what: string; row: RowChange };

const fieldName = (key: string) => (key.startsWith('custom:') ? key.slice('custom:'.length) : key.replace(/_/g, ' '));
const quoted = (v: string) => (v === '' ? '(empty)' : `“${v}”`);

export function describeBulkAction(action: BulkAction): string {
  return action.kind === 'action' ? describeAction(action.action) : `Set ${fieldName(action.field)} to ${quoted(action.value)}`;
}

const hasTag = (lead: Lead, name: string) => lead.tags.some((t) => t.toLowerCase() === name.toLowerCase());
const inList = (lead: Lead, name: string) => lead.lists.some((l) => l.active && l.list_name.toLowerCase() === name.toLowerCase());
const inSequence = (lead: Lead, name: string) => lead.sequences.some((s) => s.status !== 'unsubscribed' && s.sequence_name.toLowerCase() === name.toLowerCase());

export function planLead(lead: Lead, action: BulkAction): LeadPlan {
  if (action.kind === 'field') {
    const before = currentValue(lead, action.field);
    if (before === action.value) return { changes: false, what: `${fieldName(action.field)} is ${quoted(before)} already: skipped` };
    const options = new Set(lead.custom_fields.filter((f) => f.field_type === 'checkbox').map((f) => f.field_identifier));
    return {
      changes: true,
      what: `${fieldName(action.field)}: ${quoted(before)} → ${quoted(action.value)}`,
      row: { a: [], f: editOfFields({ [action.field]: action.value }, options), b: { [action.field]: before } },
    };
  }
  const a = action.action;
  const skip = (why: string): LeadPlan => ({ changes: false, what: `${why}: skipped` });
  const send = (what: string): LeadPlan => ({ changes: true, what, row: { a: [a] } });
  switch (a.cmd) {
    case 'assign_tag':
      return hasTag(lead, a.tag_name) ? skip(`Has tag ${a.tag_name} already`) : send(`Gets tag ${a.tag_name}`);
    case 'unassign_tag':
      return hasTag(lead, a.tag_name) ? send(`Loses tag ${a.tag_name}`) : skip(`Does not have tag ${a.tag_name}`);
    case 'subscribe_lead_to_list':
      return inList(lead, a.list_name) ? skip(`In list ${a.list_name} already`) : send(`Subscribed to list ${a.list_name}`);
    case 'unsubscribe_lead_from_list':
      return inList(lead, a.list_name) ? send(`Unsubscribed from list ${a.list_name}`) : skip(`Not in list ${a.list_name}`);
    case 'subscribe_lead_to_sequence_at_step':
      return inSequence(lead, a.sequence_name) ? skip(`In sequence ${a.sequence_name} already`) : send(`Starts sequence ${a.sequence_name} at step ${a.step}`);
    case 'unsubscribe_lead_from_sequence':
      return inSequence(lead, a.sequence_name) ? send(`Leaves sequence ${a.sequence_name}`) : skip(`Not in sequence ${a.sequence_name}`);
    case 'give_points_to_lead':
      return send(`Score ${lead.score} → ${lead.score + a.points}`);
    case 'remove_points_from_lead':
      return send(`Score ${lead.score} → ${lead.score - a.points}`);
    default:
      return skip(`${describeAction(a)} is not a bulk action`);
  }
}
