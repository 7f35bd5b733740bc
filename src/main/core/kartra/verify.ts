// Decides from a lead's current state whether an uncertain write (timeout after sending) was applied by Kartra.
import type { LeadAction } from '../../../shared/domain/actions';
import { LEAD_TEXT_FIELDS, type Lead } from '../../../shared/domain/lead';
import type { EditLeadData } from './lead-input';
import type { WriteVerdict } from './uncertain-write-error';
import { leadCalendars } from './wire-lead';

/** A lead as read back for verification: normalised, plus the raw lead_details for keys Lead lacks. */
export interface LeadState {
  lead: Lead;
  raw: unknown;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Kartra test mode stores every new address as local-part@kartra.com (kartra-api.md §7), so a
 * stored address with the same local part on kartra.com counts as the one that was sent.
 */
export function emailsMatch(sent: string, stored: string): boolean {
  if (same(sent, stored)) return true;
  const local = sent.trim().toLowerCase().split('@')[0] ?? '';
  return local !== '' && same(stored, `${local}@kartra.com`);
}

/**
 * State-based verdict for one chained action. `state` null means the lead does not exist, so
 * nothing can have been applied to it. Points are never decidable: the score moves for other
 * reasons too and an earlier value is unknown. Calendars only when get_lead lists bookings.
 */
export function actionVerdict(state: LeadState | null, action: LeadAction): WriteVerdict {
  if (state === null) return 'not_applied';
  const { lead } = state;
  const holds = (condition: boolean): WriteVerdict => (condition ? 'applied' : 'not_applied');
  switch (action.cmd) {
    case 'assign_tag':
      return holds(lead.tags.some((t) => same(t, action.tag_name)));
    case 'unassign_tag':
      return holds(!lead.tags.some((t) => same(t, action.tag_name)));
    case 'subscribe_lead_to_list':
      return holds(lead.lists.some((l) => l.active && same(l.list_name, action.list_name)));
    case 'unsubscribe_lead_from_list':
      return holds(!lead.lists.some((l) => l.active && same(l.list_name, action.list_name)));
    case 'subscribe_lead_to_sequence_at_step':
      return holds(lead.sequences.some((s) => isActive(s.status) && same(s.sequence_name, action.sequence_name) && same(s.step, action.step)));
    case 'unsubscribe_lead_from_sequence':
      return holds(!lead.sequences.some((s) => isActive(s.status) && same(s.sequence_name, action.sequence_name)));
    case 'give_points_to_lead':
    case 'remove_points_from_lead':
      return 'unknown';
    case 'calendar_subscribe':
    case 'calendar_cancel': {
      const bookings = leadCalendars(state.raw);
      if (bookings === null) return 'unknown';
      const booked = bookings.some((b) => b.active && same(b.calendar_name, action.calendar_name) && same(b.class_name, action.class_name));
      return holds(action.cmd === 'calendar_subscribe' ? booked : !booked);
    }
  }
}

/** The lead has a membership of the list or sequence an unsubscribe is about, active or not. */
export function hasMembership(state: LeadState, action: LeadAction): boolean {
  if (action.cmd === 'unsubscribe_lead_from_list') return state.lead.lists.some((l) => same(l.list_name, action.list_name));
  if (action.cmd === 'unsubscribe_lead_from_sequence') return state.lead.sequences.some((q) => same(q.sequence_name, action.sequence_name));
  return false;
}

function isActive(status: string): boolean {
  return status === '' || same(status, 'active') || same(status, 'subscribed');
}

/**
 * Whether the profile fields of an edit hold on the lead. Custom fields the lead does not list
 * are skipped: Kartra silently ignores unknown identifiers (kartra-api.md §8.3).
 */
export function fieldsVerdict(lead: Lead, changes: EditLeadData): WriteVerdict {
  for (const field of LEAD_TEXT_FIELDS) {
    const wanted = changes[field];
    if (wanted !== undefined && wanted.trim() !== lead[field].trim()) return 'not_applied';
  }
  for (const change of changes.custom_fields ?? []) {
    const current = lead.custom_fields.find((f) => same(f.field_identifier, change.field_identifier));
    if (!current) continue;
    if (!customValueMatches(current.value, change.field_value)) return 'not_applied';
  }
  return 'applied';
}

function customValueMatches(current: Lead['custom_fields'][number]['value'], wanted: string | string[]): boolean {
  const currentIds = typeof current === 'string' ? (current === '' ? [] : [current]) : current.map((o) => o.option_id);
  if (typeof current === 'string' && typeof wanted === 'string') return current.trim() === wanted.trim();
  const wantedIds = (typeof wanted === 'string' ? (wanted === '' ? [] : [wanted]) : wanted).map((id) => id.trim());
  return currentIds.length === wantedIds.length && wantedIds.every((id) => currentIds.includes(id));
}
