// Shows queued (not yet confirmed) changes inline on a profile: which tags, lists, sequences, fields and
// points are about to change, and how each change stands (waiting, sending, failed, needs a decision).
import type { Lead } from '../../../../shared/domain/lead';
import type { OutboxItemView, OutboxStatus } from '../../../../shared/domain/outbox';
import { LEAD_TEXT_FIELDS } from '../../../../shared/domain/lead';

export type PendingStatus = Exclude<OutboxStatus, 'done'>;

export interface PendingMark<K extends string = string> {
  kind: K;
  status: PendingStatus;
  itemId: number;
}

export interface TagView {
  name: string;
  pending: PendingMark<'add' | 'remove'> | null;
}

export interface ListView {
  name: string;
  active: boolean;
  pending: PendingMark<'subscribe' | 'unsubscribe'> | null;
}

export interface SequenceView {
  name: string;
  step: string;
  status: string;
  pending: (PendingMark<'subscribe' | 'unsubscribe'> & { step?: string }) | null;
}

export interface FieldMark {
  /** The value asked for: text, an option id, or option ids for checkboxes. */
  value: string | string[];
  status: PendingStatus;
  itemId: number;
}

export interface PendingOverlay {
  tags: TagView[];
  lists: ListView[];
  sequences: SequenceView[];
  /** By lead field name, `email` for a new_email, `custom:<identifier>` for custom fields. */
  fields: Record<string, FieldMark>;
  /** Points given minus points removed, still waiting for Kartra. */
  points: { delta: number; status: PendingStatus } | null;
  calendars: { calendar: string; className: string; kind: 'book' | 'cancel'; status: PendingStatus }[];
}

/** Items that still wait (or need the user), oldest first: later changes of the same thing win. */
export function openItems(items: readonly OutboxItemView[]): OutboxItemView[] {
  return items.filter((i) => i.status !== 'done').sort((a, b) => a.id - b.id);
}

export function pendingOverlay(lead: Lead, items: readonly OutboxItemView[]): PendingOverlay {
  const tags = new Map<string, TagView>(lead.tags.map((name) => [name, { name, pending: null }]));
  const lists = new Map<string, ListView>(lead.lists.map((l) => [l.list_name, { name: l.list_name, active: l.active, pending: null }]));
  const sequences = new Map<string, SequenceView>(
    lead.sequences.map((s) => [s.sequence_name, { name: s.sequence_name, step: s.step, status: s.status, pending: null }]),
  );
  const overlay: PendingOverlay = { tags: [], lists: [], sequences: [], fields: {}, points: null, calendars: [] };

  for (const item of openItems(items)) {
    const status = item.status as PendingStatus;
    const mark = <K extends string>(kind: K): PendingMark<K> => ({ kind, status, itemId: item.id });
    const change = item.change;
    if (change.kind === 'edit') {
      for (const field of LEAD_TEXT_FIELDS) {
        const value = change.changes[field];
        if (value !== undefined) overlay.fields[field] = { value, status, itemId: item.id };
      }
      if (change.changes.new_email) overlay.fields.email = { value: change.changes.new_email, status, itemId: item.id };
      for (const f of change.changes.custom_fields ?? []) overlay.fields[`custom:${f.field_identifier}`] = { value: f.field_value, status, itemId: item.id };
      continue;
    }
    if (change.kind !== 'action') continue;
    const a = change.action;
    switch (a.cmd) {
      case 'assign_tag':
      case 'unassign_tag':
        tags.set(a.tag_name, { name: a.tag_name, pending: mark(a.cmd === 'assign_tag' ? 'add' : 'remove') });
        break;
      case 'subscribe_lead_to_list':
      case 'unsubscribe_lead_from_list': {
        const known = lists.get(a.list_name);
        lists.set(a.list_name, {
          name: a.list_name,
          active: known?.active ?? false,
          pending: mark(a.cmd === 'subscribe_lead_to_list' ? 'subscribe' : 'unsubscribe'),
        });
        break;
      }
      case 'subscribe_lead_to_sequence_at_step':
      case 'unsubscribe_lead_from_sequence': {
        const known = sequences.get(a.sequence_name);
        const subscribe = a.cmd === 'subscribe_lead_to_sequence_at_step';
        sequences.set(a.sequence_name, {
          name: a.sequence_name,
          step: known?.step ?? '',
          status: known?.status ?? '',
          pending: { ...mark(subscribe ? 'subscribe' : 'unsubscribe'), ...(subscribe ? { step: a.step } : {}) },
        });
        break;
      }
      case 'give_points_to_lead':
      case 'remove_points_from_lead': {
        const delta = (overlay.points?.delta ?? 0) + (a.cmd === 'give_points_to_lead' ? a.points : -a.points);
        overlay.points = { delta, status: worst(overlay.points?.status, status) };
        break;
      }
      case 'calendar_subscribe':
      case 'calendar_cancel':
        overlay.calendars.push({ calendar: a.calendar_name, className: a.class_name, kind: a.cmd === 'calendar_subscribe' ? 'book' : 'cancel', status });
        break;
    }
  }
  overlay.tags = [...tags.values()];
  overlay.lists = [...lists.values()].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
  overlay.sequences = [...sequences.values()];
  return overlay;
}

const SEVERITY: Record<PendingStatus, number> = { pending: 0, in_flight: 1, conflict: 2, needs_check: 3, failed: 4 };

/** The status to show for several changes at once: the one that needs attention most. */
function worst(a: PendingStatus | undefined, b: PendingStatus): PendingStatus {
  return a === undefined || SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** Short words for a change's state, shown on badges. */
export const PENDING_LABEL: Record<PendingStatus, string> = {
  pending: 'pending',
  in_flight: 'sending',
  failed: 'failed',
  conflict: 'needs a decision',
  needs_check: 'needs check',
};
