// Applies a change to a local copy of a lead: keeps the cache right after Kartra confirmed a change
// without another read, and shows queued changes on the profile before Kartra has them.
import type { LeadAction } from '../../../shared/domain/actions';
import type { Lead } from '../../../shared/domain/lead';
import type { EditLeadData } from '../../../shared/domain/lead-input';
import type { OutboxChange } from '../../../shared/domain/outbox';
import { LEAD_TEXT_FIELDS } from '../../../shared/domain/lead';

function applyAction(lead: Lead, action: LeadAction): Lead {
  switch (action.cmd) {
    case 'assign_tag':
      return lead.tags.includes(action.tag_name) ? lead : { ...lead, tags: [...lead.tags, action.tag_name] };
    case 'unassign_tag':
      return { ...lead, tags: lead.tags.filter((t) => t !== action.tag_name) };
    case 'subscribe_lead_to_list':
    case 'unsubscribe_lead_from_list': {
      const active = action.cmd === 'subscribe_lead_to_list';
      const others = lead.lists.filter((l) => l.list_name !== action.list_name);
      const known = lead.lists.some((l) => l.list_name === action.list_name);
      return { ...lead, lists: active || known ? [...others, { list_name: action.list_name, active }] : others };
    }
    case 'subscribe_lead_to_sequence_at_step':
      return {
        ...lead,
        sequences: [...lead.sequences.filter((s) => s.sequence_name !== action.sequence_name), { sequence_name: action.sequence_name, step: action.step, status: 'active' }],
      };
    case 'unsubscribe_lead_from_sequence':
      return {
        ...lead,
        sequences: lead.sequences.map((s) => (s.sequence_name === action.sequence_name ? { ...s, status: 'unsubscribed' } : s)),
      };
    case 'give_points_to_lead':
      return { ...lead, score: lead.score + action.points };
    case 'remove_points_from_lead':
      return { ...lead, score: Math.max(0, lead.score - action.points) };
    case 'calendar_subscribe':
    case 'calendar_cancel': {
      const others = (lead.calendars ?? []).filter((c) => !(c.calendar_name === action.calendar_name && c.class_name === action.class_name));
      return { ...lead, calendars: [...others, { calendar_name: action.calendar_name, class_name: action.class_name, active: action.cmd === 'calendar_subscribe' }] };
    }
  }
}

function applyEdit(lead: Lead, changes: EditLeadData): Lead {
  const next: Lead = { ...lead };
  for (const field of LEAD_TEXT_FIELDS) {
    const value = changes[field];
    if (value !== undefined) next[field] = value;
  }
  if (changes.new_email) next.email = changes.new_email;
  if (changes.custom_fields) {
    next.custom_fields = lead.custom_fields.map((field) => {
      const change = changes.custom_fields!.find((c) => c.field_identifier === field.field_identifier);
      if (!change) return field;
      if (typeof field.value === 'string') return { ...field, value: Array.isArray(change.field_value) ? change.field_value.join(',') : change.field_value };
      const ids = Array.isArray(change.field_value) ? change.field_value : change.field_value ? [change.field_value] : [];
      // Option labels are not in the change; keep known labels, else show the id until Kartra is read again.
      return { ...field, value: ids.map((id) => field.value instanceof Array ? (field.value.find((o) => o.option_id === id) ?? { option_id: id, option_value: id }) : { option_id: id, option_value: id }) };
    });
  }
  return next;
}

export function projectChange(lead: Lead, change: OutboxChange): Lead {
  if (change.kind === 'action') return applyAction(lead, change.action);
  if (change.kind === 'edit') return applyEdit(lead, change.changes);
  return lead;
}
