// Turns the head of one lead's queue into one Kartra call, applying Kartra's chaining rule and collapsing
// changes that a later change in the same call makes moot. Pure: no I/O, unit-tested.
import { actionTarget } from '../../../shared/domain/action-target';
import type { LeadAction } from '../../../shared/domain/actions';
import type { CreateLeadData, EditLeadData } from '../../../shared/domain/lead-input';
import type { PaymentWrite } from '../../../shared/domain/payment-writes';
import type { OutboxItem } from './write-repo';

/** Kartra allows "any number" of chained actions; a bound keeps one failure from touching too many items. */
export const MAX_ACTIONS_PER_CALL = 20;

export interface BatchAction {
  action: LeadAction;
  /** Items this action stands for: the last one is the change sent; earlier ones were superseded by it. */
  items: OutboxItem[];
  /** Points merged from several items: all of them are settled by this one action. */
  merged: boolean;
}

export type BatchHead =
  | { kind: 'create'; lead: CreateLeadData; items: OutboxItem[] }
  | { kind: 'edit'; changes: EditLeadData; seen: Record<string, string>; items: OutboxItem[] }
  | { kind: 'actions' }
  /** A money write: always a call of its own (account-scoped, no lead block, never chained). */
  | { kind: 'payment'; payment: PaymentWrite; items: OutboxItem[] };

export interface Batch {
  head: BatchHead;
  actions: BatchAction[];
  /** Every item this call settles, in queue order (the ones to mark in flight). */
  items: OutboxItem[];
}

const sendable = (item: OutboxItem) => item.status === 'pending' || item.status === 'in_flight';

/**
 * Whether the action alone decides the final state of what it sets, whatever came before it. An unsubscribe
 * does not: after "subscribe, unsubscribe" a lead that was never on the list keeps it as inactive, which the
 * unsubscribe alone would not do. Calendar bookings are records, not a state, and are never collapsed.
 */
function decidesAlone(action: LeadAction): boolean {
  return action.cmd === 'assign_tag' || action.cmd === 'unassign_tag' || action.cmd === 'subscribe_lead_to_list' || action.cmd === 'subscribe_lead_to_sequence_at_step';
}

/** Net points of plain give/remove actions (no expiration); undefined for anything else. */
function pointsDelta(action: LeadAction): number | undefined {
  if (action.cmd === 'give_points_to_lead' && action.expiration === undefined) return action.points;
  if (action.cmd === 'remove_points_from_lead') return -action.points;
  return undefined;
}

export function buildBatch(all: readonly OutboxItem[]): Batch | undefined {
  // Failed actions stay in the list for the user but do not hold up the lead's other changes.
  const queue = all.filter((i) => !(i.status === 'failed' && (i.change.kind === 'action' || i.change.kind === 'payment')));
  let index = 0;
  const first = queue[0];
  if (!first || !sendable(first)) return undefined;
  if (first.change.kind === 'payment') return { head: { kind: 'payment', payment: first.change.payment, items: [first] }, actions: [], items: [first] };

  let head: BatchHead = { kind: 'actions' };
  if (first.change.kind === 'create' || first.change.kind === 'edit') {
    const items: OutboxItem[] = [first];
    index = 1;
    if (first.change.kind === 'create') {
      let lead: CreateLeadData = { ...first.change.lead } as CreateLeadData;
      // Edits queued behind a create that has not been sent yet fold into it: one call, same final state.
      while (queue[index] && sendable(queue[index]!) && queue[index]!.change.kind === 'edit' && first.status === 'pending') {
        const edit = queue[index]!.change as { kind: 'edit'; changes: EditLeadData };
        lead = mergeIntoCreate(lead, edit.changes);
        items.push(queue[index]!);
        index++;
      }
      head = { kind: 'create', lead, items };
    } else {
      let changes: EditLeadData = { ...first.change.changes } as EditLeadData;
      const seen: Record<string, string> = { ...(first.seen ?? {}) };
      while (queue[index] && sendable(queue[index]!) && queue[index]!.change.kind === 'edit') {
        const next = queue[index]!;
        changes = mergeEdits(changes, (next.change as { kind: 'edit'; changes: EditLeadData }).changes);
        // The first sighting of a field is what the user saw before any of these edits.
        for (const [field, value] of Object.entries(next.seen ?? {})) if (!(field in seen)) seen[field] = value;
        items.push(next);
        index++;
      }
      head = { kind: 'edit', changes, seen, items };
    }
  }

  const actions: BatchAction[] = [];
  const bySetKey = new Map<string, BatchAction>();
  // Kartra never takes a score below 0, so "remove 5, give 3" on a score of 2 ends at 3 while a net "remove 2"
  // would end at 0. Netting is exact while no running total dips below the final one: a give is merged only
  // into points whose net so far is not negative (removals can always be merged).
  let points: BatchAction | undefined;
  for (; index < queue.length && actions.length < MAX_ACTIONS_PER_CALL; index++) {
    const item = queue[index]!;
    if (!sendable(item) || item.change.kind !== 'action') break;
    const action = item.change.action;
    // The later of two changes to the same thing decides its final state (see decidesAlone).
    const key = actionTarget(action) ?? undefined;
    const delta = pointsDelta(action);
    if (key !== undefined) {
      const earlier = bySetKey.get(key);
      if (earlier && decidesAlone(action)) {
        // The later change decides the final state: it replaces the earlier one at its position in the chain.
        earlier.items.push(item);
        earlier.action = action;
        continue;
      }
      const entry: BatchAction = { action, items: [item], merged: false };
      bySetKey.set(key, entry);
      actions.push(entry);
    } else if (delta !== undefined && points && !(delta > 0 && (pointsDelta(points.action) ?? 0) < 0)) {
      points.items.push(item);
      points.merged = true;
      const net = (pointsDelta(points.action) ?? 0) + delta;
      points.action = net >= 0 ? { cmd: 'give_points_to_lead', points: net } : { cmd: 'remove_points_from_lead', points: -net };
    } else {
      const entry: BatchAction = { action, items: [item], merged: false };
      // Points that expire are sent as they are, and later points may not be merged across them.
      points = delta !== undefined ? entry : action.cmd === 'give_points_to_lead' ? undefined : points;
      actions.push(entry);
    }
  }

  const items = [...(head.kind === 'actions' ? [] : head.items), ...actions.flatMap((a) => a.items)].sort((a, b) => a.id - b.id);
  if (head.kind === 'actions' && actions.length === 0) return undefined;
  return { head, actions, items };
}

/** Actions whose net effect is nothing (points that cancel out): settled without sending. */
export function isNoop(entry: BatchAction): boolean {
  return entry.merged && (entry.action.cmd === 'give_points_to_lead' || entry.action.cmd === 'remove_points_from_lead') && entry.action.points === 0;
}

function mergeEdits(a: EditLeadData, b: EditLeadData): EditLeadData {
  const merged: EditLeadData = { ...a, ...b };
  if (a.custom_fields || b.custom_fields) {
    const fields = new Map((a.custom_fields ?? []).map((f) => [f.field_identifier, f]));
    for (const f of b.custom_fields ?? []) fields.set(f.field_identifier, f);
    merged.custom_fields = [...fields.values()];
  }
  return merged;
}

function mergeIntoCreate(lead: CreateLeadData, edit: EditLeadData): CreateLeadData {
  const { new_email, ...rest } = mergeEdits(lead as EditLeadData, edit) as EditLeadData & { email: string };
  return { ...rest, email: new_email ?? lead.email } as CreateLeadData;
}
