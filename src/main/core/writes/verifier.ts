// After a crash or a lost answer, decides from the lead as Kartra has it now which in-flight changes happened.
// Idempotent changes (edits, tags, lists, sequences) are simply sent again; a create and points are not.
import type { LeadAction } from '../../../shared/domain/actions';
import type { Lead } from '../../../shared/domain/lead';
import type { AppErrorData } from '../../../shared/ipc/envelope';
import type { OutboxItem } from './write-repo';

export interface RecoveryPlan {
  /** Kartra has these already: remove them (kartraId: the lead's id, learnt from a create that happened). */
  applied: OutboxItem[];
  kartraId?: string;
  /** Not applied (or harmless to repeat): back to pending. */
  resend: OutboxItem[];
  /** Cannot be told apart: the user decides. */
  unsure: { items: OutboxItem[]; error: AppErrorData };
}

function pointsDelta(action: LeadAction): number {
  if (action.cmd === 'give_points_to_lead') return action.points;
  if (action.cmd === 'remove_points_from_lead') return -action.points;
  return 0;
}

function calendarBooked(lead: Lead, action: Extract<LeadAction, { cmd: 'calendar_subscribe' | 'calendar_cancel' }>): boolean | undefined {
  if (!lead.calendars) return undefined;
  return lead.calendars.some((c) => c.calendar_name === action.calendar_name && c.class_name === action.class_name && c.active);
}

/** `lead` is Kartra's current copy, or null when Kartra has no such lead. All items are in flight for one lead. */
export function planRecovery(lead: Lead | null, items: OutboxItem[]): RecoveryPlan {
  const plan: RecoveryPlan = { applied: [], resend: [], unsure: { items: [], error: { code: 'conflict', message: '', retryable: false } } };
  const create = items.find((i) => i.change.kind === 'create');
  if (create) {
    if (!lead) {
      plan.resend.push(...items);
      return plan;
    }
    // The lead exists now: the create went through (a queued create's address was free when it was queued).
    plan.applied.push(create);
    plan.kartraId = lead.id;
  }
  if (!lead) {
    // No such lead (deleted meanwhile?): re-sending lets Kartra give the real reason.
    plan.resend.push(...items.filter((i) => i !== create));
    return plan;
  }

  const points = items.filter((i) => i.change.kind === 'action' && pointsDelta(i.change.action) !== 0);
  if (points.length > 0) {
    const before = points[0]!.verify?.scoreBefore;
    const deltas = points.map((i) => pointsDelta((i.change as { action: LeadAction }).action));
    // Kartra never takes a score below zero (the sandbox caps each removal; Kartra's own rule is undocumented),
    // so the score after the call is worked out change by change, in order; an uncapped total is accepted too.
    const capped = before === undefined ? undefined : deltas.reduce((score, d) => Math.max(0, score + d), before);
    const uncapped = before === undefined ? undefined : deltas.reduce((score, d) => score + d, before);
    const applied = (score: number | undefined) => score !== undefined && lead.score === score && score !== before;
    if (applied(capped) || applied(uncapped)) plan.applied.push(...points);
    else if (before !== undefined && lead.score === before) plan.resend.push(...points);
    else {
      plan.unsure.items.push(...points);
      plan.unsure.error.message =
        before === undefined
          ? 'The connection was lost while these points were being sent. Check the lead\'s score in Kartra, then retry or discard.'
          : `The connection was lost while these points were being sent, and the score is now ${lead.score} (it was ${before} before). Check the lead in Kartra, then retry or discard.`;
    }
  }

  for (const item of items) {
    if (item === create || points.includes(item)) continue;
    const change = item.change;
    if (change.kind === 'action' && (change.action.cmd === 'calendar_subscribe' || change.action.cmd === 'calendar_cancel')) {
      const booked = calendarBooked(lead, change.action);
      const wanted = change.action.cmd === 'calendar_subscribe';
      if (booked === wanted) plan.applied.push(item);
      else plan.resend.push(item);
      continue;
    }
    plan.resend.push(item);
  }
  return plan;
}
