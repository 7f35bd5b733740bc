// What undoing a History entry sends: the inverse Kartra has for each part that was applied (tag ↔ untag, list
// subscribe ↔ unsubscribe, points give ↔ remove, sequence subscribe → unsubscribe, a field → its value before),
// or why there is none (a created lead cannot be removed through the API; a sequence unsubscribe does not say at
// which step to resubscribe; payments and bookings are not reversed by the app).
import type { LeadAction } from '../../../shared/domain/actions';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { EditLeadData } from '../../../shared/domain/lead-input';
import { LEAD_TEXT_FIELDS } from '../../../shared/domain/lead';

export type Inverse = { ok: true; actions: LeadAction[]; fields: Record<string, string> } | { ok: false; reason: string };

/** The job id an undo of entry `id` (or of job `jobId`) runs under: at most one undo of each. */
export const undoKeyOfEntry = (id: number) => `undo-entry-${id}`;
export const undoKeyOfJob = (jobId: string) => `undo-${jobId}`;

function inverseAction(action: LeadAction): LeadAction | string {
  switch (action.cmd) {
    case 'assign_tag':
      return { cmd: 'unassign_tag', tag_name: action.tag_name };
    case 'unassign_tag':
      return { cmd: 'assign_tag', tag_name: action.tag_name };
    case 'subscribe_lead_to_list':
      return { cmd: 'unsubscribe_lead_from_list', list_name: action.list_name };
    case 'unsubscribe_lead_from_list':
      return { cmd: 'subscribe_lead_to_list', list_name: action.list_name };
    case 'subscribe_lead_to_sequence_at_step':
      return { cmd: 'unsubscribe_lead_from_sequence', sequence_name: action.sequence_name };
    case 'unsubscribe_lead_from_sequence':
      return `the lead's step in ${action.sequence_name} before it left is not known, so it cannot be put back`;
    case 'give_points_to_lead':
      return { cmd: 'remove_points_from_lead', points: action.points };
    case 'remove_points_from_lead':
      return { cmd: 'give_points_to_lead', points: action.points };
    case 'calendar_subscribe':
    case 'calendar_cancel':
      return 'calendar bookings are not reversed by the app; change the booking in Kartra';
  }
}

const EDITABLE = new Set<string>(LEAD_TEXT_FIELDS);

/** The inverse of an entry's applied parts, or why it has none. Only parts that are done are inverted. */
export function inverseOf(entry: Pick<HistoryEntry, 'actions' | 'fields' | 'leadId' | 'leadEmail'>): Inverse {
  const done = entry.actions.filter((a) => a.outcome === 'done');
  if (entry.actions.some((a) => a.cmd === 'create_lead' && a.outcome === 'done')) {
    return { ok: false, reason: "A created lead cannot be removed through Kartra's API; delete it in Kartra if it should go." };
  }
  if (done.length === 0) {
    const open = entry.actions.some((a) => a.outcome === 'pending' || a.outcome === 'unknown' || a.outcome === 'needs_check');
    return { ok: false, reason: open ? 'Not sent yet (or being checked): undo becomes possible once Kartra confirmed it.' : 'Nothing of it was applied, so there is nothing to undo.' };
  }
  if (!entry.leadId && !entry.leadEmail) return { ok: false, reason: 'The lead of this change is not known.' };
  const actions: LeadAction[] = [];
  const fields: Record<string, string> = {};
  // Undone in reverse order, as a stack would.
  for (const part of [...done].reverse()) {
    if (part.cmd === 'edit_lead') {
      for (const f of entry.fields) {
        if (f.field === 'email') return { ok: false, reason: 'An email change is not undone automatically: the old address may belong to another lead by now.' };
        if (f.before === null) return { ok: false, reason: `The value of ${f.field.replace(/^custom:/, '')} before the change is not known.` };
        if (!EDITABLE.has(f.field) && !f.field.startsWith('custom:')) return { ok: false, reason: `${f.field} cannot be set through the API.` };
        fields[f.field] = f.before;
      }
      continue;
    }
    if (!part.action) return { ok: false, reason: `${part.summary}: this entry was recorded before undo existed, so what was sent is not known in full.` };
    const inverse = inverseAction(part.action);
    if (typeof inverse === 'string') return { ok: false, reason: `${part.summary}: ${inverse}.` };
    actions.push(inverse);
  }
  return { ok: true, actions, fields };
}

/**
 * Field values as edit_lead takes them: a checkbox field gets its option ids back as a list; a drop-down or radio
 * field takes its one option id as it is (a list there is Kartra's 271 "Wrong custom field format").
 */
export function editOfFields(fields: Record<string, string>, checkboxFields: ReadonlySet<string>): EditLeadData {
  const edit: Record<string, unknown> = {};
  const custom: { field_identifier: string; field_value: string | string[] }[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (!key.startsWith('custom:')) edit[key] = value;
    else {
      const id = key.slice('custom:'.length);
      custom.push({ field_identifier: id, field_value: checkboxFields.has(id) ? value.split(',').filter(Boolean) : value });
    }
  }
  if (custom.length) edit.custom_fields = custom;
  return edit as EditLeadData;
}
