// An independent model of what Kartra does to a lead, to compute the expected end state of a plan of changes
// without the app's own code (it must not share the outbox's batching, collapsing or projection logic).
import type { LeadAction } from '../../../../../shared/domain/actions';
import type { LeadRef } from '../../../../../shared/domain/lead';
import type { SandboxLeadState } from '../../../sandbox';
import type { PlannedChange } from './planned-change';

/** The parts of a lead the plans change, as the sandbox's inspector reports them. */
export interface LeadModel {
  email: string;
  firstName: string;
  city: string;
  /** The plan's text custom field. */
  text: string;
  score: number;
  tags: string[];
  /** list name → subscribed (an unsubscribed list stays on the lead as inactive). */
  lists: Record<string, boolean>;
  sequences: Record<string, { step: string; status: 'active' | 'unsubscribed' }>;
}

/** Existing leads are known by id, leads the plan creates by email. */
export function keyOf(ref: LeadRef | { email: string }): string {
  return 'id' in ref && ref.id !== undefined ? `id:${ref.id}` : `email:${(ref.email ?? '').toLowerCase()}`;
}

export function modelOf(lead: SandboxLeadState, textField: string): LeadModel {
  const text = lead.customFields[textField];
  return {
    email: lead.email,
    firstName: lead.profile.first_name,
    city: lead.profile.city,
    text: typeof text === 'string' ? text : '',
    score: lead.score,
    tags: [...lead.tags].sort(),
    lists: Object.fromEntries(lead.lists.map((l) => [l.name, l.active])),
    sequences: Object.fromEntries(lead.sequences.map((s) => [s.name, { step: s.step, status: s.status }])),
  };
}

export function newLeadModel(email: string): LeadModel {
  return { email, firstName: '', city: '', text: '', score: 0, tags: [], lists: {}, sequences: {} };
}

/** One action, as Kartra applies it (the sandbox follows kartra-api.md; a score never goes below 0). */
export function applyAction(lead: LeadModel, action: LeadAction): void {
  switch (action.cmd) {
    case 'assign_tag':
      if (!lead.tags.includes(action.tag_name)) lead.tags = [...lead.tags, action.tag_name].sort();
      return;
    case 'unassign_tag':
      lead.tags = lead.tags.filter((t) => t !== action.tag_name);
      return;
    case 'subscribe_lead_to_list':
      lead.lists[action.list_name] = true;
      return;
    case 'unsubscribe_lead_from_list':
      // A list the lead never joined: nothing happens (no inactive entry appears).
      if (action.list_name in lead.lists) lead.lists[action.list_name] = false;
      return;
    case 'subscribe_lead_to_sequence_at_step':
      lead.sequences[action.sequence_name] = { step: action.step, status: 'active' };
      return;
    case 'unsubscribe_lead_from_sequence': {
      const current = lead.sequences[action.sequence_name];
      if (current) current.status = 'unsubscribed';
      return;
    }
    case 'give_points_to_lead':
      lead.score += action.points;
      return;
    case 'remove_points_from_lead':
      lead.score = Math.max(0, lead.score - action.points);
      return;
    case 'calendar_subscribe':
    case 'calendar_cancel':
      throw new Error('the durability plans do not book calendars');
  }
}

/** Applies one planned command to the lead it addresses, in place. */
export function applyChange(state: Map<string, LeadModel>, change: PlannedChange): void {
  const key = change.kind === 'create' ? keyOf({ email: change.lead.email }) : keyOf(change.lead);
  const lead = state.get(key);
  if (!lead) throw new Error(`the plan changes a lead it does not know: ${key}`);
  if (change.kind === 'create') lead.firstName = change.lead.first_name ?? '';
  if (change.kind === 'edit') {
    if (change.changes.first_name !== undefined) lead.firstName = change.changes.first_name;
    if (change.changes.city !== undefined) lead.city = change.changes.city;
    for (const field of change.changes.custom_fields ?? []) {
      if (typeof field.field_value !== 'string') throw new Error('the durability plans edit text custom fields only');
      lead.text = field.field_value;
    }
  }
  for (const action of change.actions) applyAction(lead, action);
}

/** Every difference between the expected lead and Kartra's copy, in words (empty when they are equal). */
export function diffLead(key: string, expected: LeadModel, actual: LeadModel | undefined): string[] {
  if (!actual) return [`${key}: missing in Kartra`];
  const out: string[] = [];
  const check = (what: string, want: unknown, got: unknown) => {
    if (JSON.stringify(want) !== JSON.stringify(got)) out.push(`${key} ${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  };
  check('first_name', expected.firstName, actual.firstName);
  check('city', expected.city, actual.city);
  check('custom field', expected.text, actual.text);
  check('score', expected.score, actual.score);
  check('tags', expected.tags, actual.tags);
  check('lists', sorted(expected.lists), sorted(actual.lists));
  check('sequences', sorted(expected.sequences), sorted(actual.sequences));
  return out;
}

const sorted = <T>(record: Record<string, T>) => Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
