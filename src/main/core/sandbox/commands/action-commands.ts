// Actions on one lead (kartra-api.md §10.1–10.10): lists, tags, points, sequences, calendar classes.
// Each checks its parameters in the documented order; the lead itself is resolved (243/245) before they run.
import { DAY_MS, estToMs, parseDayMonthYear, parseHourMinute } from '../est-time';
import type { LeadRow } from '../store/lead-store';
import { fail, isDigits, succeed, text, type CommandContext, type CommandSpec, type Outcome } from './context';

type LeadAction = (ctx: CommandContext, lead: LeadRow, action: Record<string, unknown>) => Outcome;

const onLead = (run: LeadAction): CommandSpec => ({
  scope: 'lead',
  single: 'flat',
  run(ctx, action) {
    if (!ctx.lead) throw new Error('lead action ran without a resolved lead');
    return run(ctx, ctx.lead, action);
  },
});

const subscribeList: LeadAction = (ctx, lead, a) => {
  const name = text(a.list_name);
  if (name === '') return fail(ctx, 'listEmpty');
  const list = ctx.state.catalog.listByName(ctx.account.id, name);
  if (!list) return fail(ctx, 'listMissing');
  ctx.state.leads.setList(lead.id, list.id, true);
  return succeed(ctx, 'listSubscribed', { list_name: list.name });
};

/** Unsubscribing keeps the list on the lead with active 0; a list the lead never joined is a silent no-op. */
const unsubscribeList: LeadAction = (ctx, lead, a) => {
  const name = text(a.list_name);
  if (name === '') return fail(ctx, 'unlistEmpty');
  const list = ctx.state.catalog.listByName(ctx.account.id, name);
  if (!list) return fail(ctx, 'unlistMissing');
  ctx.state.leads.setList(lead.id, list.id, false);
  return succeed(ctx, 'listUnsubscribed', { list_name: list.name });
};

const assignTag: LeadAction = (ctx, lead, a) => {
  const name = text(a.tag_name);
  if (name === '') return fail(ctx, 'tagEmpty');
  const tag = ctx.state.catalog.tagByName(ctx.account.id, name);
  if (!tag) return fail(ctx, 'tagMissing');
  ctx.state.leads.addTag(lead.id, tag.id);
  return succeed(ctx, 'tagAdded', { tag_name: tag.name });
};

/** A tag the lead does not carry is ignored (success). */
const unassignTag: LeadAction = (ctx, lead, a) => {
  const name = text(a.tag_name);
  if (name === '') return fail(ctx, 'untagEmpty');
  const tag = ctx.state.catalog.tagByName(ctx.account.id, name);
  if (!tag) return fail(ctx, 'untagMissing');
  ctx.state.leads.removeTag(lead.id, tag.id);
  return succeed(ctx, 'tagRemoved', { tag_name: tag.name });
};

/**
 * "Cannot be empty" is checked before "is not a number" (an empty value would otherwise never reach it).
 * [U] Only whole non-negative numbers are points; "-5" or "2.5" answer "Points is not a number".
 * [U] `expiration` must be whole days when sent (invented 292 otherwise); 0 or absent = never expires.
 */
const givePoints: LeadAction = (ctx, lead, a) => {
  const points = text(a.points);
  if (points === '') return fail(ctx, 'pointsEmpty');
  if (!isDigits(points)) return fail(ctx, 'pointsNaN');
  const expiration = text(a.expiration);
  if (a.expiration !== undefined && expiration !== '' && !isDigits(expiration)) {
    return fail(ctx, 'invalidValue', { field: 'expiration' });
  }
  const n = Number(points);
  ctx.state.leads.addScore(lead.id, n);
  const days = expiration === '' ? 0 : Number(expiration);
  if (days > 0 && n > 0) ctx.state.leads.addExpiringPoints(ctx.account.id, lead.id, n, ctx.state.clock.now() + days * DAY_MS);
  return succeed(ctx, 'pointsAdded', { points: String(n) });
};

const removePoints: LeadAction = (ctx, lead, a) => {
  const points = text(a.points);
  if (points === '') return fail(ctx, 'removePointsEmpty');
  if (!isDigits(points)) return fail(ctx, 'removePointsNaN');
  ctx.state.leads.addScore(lead.id, -Number(points));
  return succeed(ctx, 'pointsRemoved', { points });
};

/** Documented order: 226 → 225 → 219 → 229 → 230. Re-subscribing moves the lead to the given step. */
const subscribeSequence: LeadAction = (ctx, lead, a) => {
  const name = text(a.sequence_name);
  const step = text(a.step);
  if (name === '') return fail(ctx, 'sequenceEmpty');
  if (step === '') return fail(ctx, 'stepEmpty');
  const sequence = ctx.state.catalog.sequenceByName(ctx.account.id, name);
  if (!sequence) return fail(ctx, 'sequenceMissing');
  if (!/^[A-Za-z0-9]+$/.test(step)) return fail(ctx, 'stepNotAlnum');
  if (!ctx.state.catalog.sequenceSteps(sequence.id).includes(step)) return fail(ctx, 'stepMissing');
  ctx.state.leads.subscribeSequence(lead.id, sequence.id, step);
  return succeed(ctx, 'sequenceAdded');
};

/** [U] Params by analogy (sequence_name); a sequence the lead is not in is a silent no-op. */
const unsubscribeSequence: LeadAction = (ctx, lead, a) => {
  const name = text(a.sequence_name);
  if (name === '') return fail(ctx, 'sequenceEmpty');
  const sequence = ctx.state.catalog.sequenceByName(ctx.account.id, name);
  if (!sequence) return fail(ctx, 'unsequenceMissing');
  ctx.state.leads.unsubscribeSequence(lead.id, sequence.id);
  return succeed(ctx, 'sequenceRemoved');
};

/** 255 → 256 → 257 (missing or not completed) → 258 (not in that calendar); returns the class id. */
function findClass(ctx: CommandContext, a: Record<string, unknown>): number | Outcome {
  const calendarName = text(a.calendar_name);
  const className = text(a.class_name);
  if (calendarName === '') return fail(ctx, 'calendarEmpty');
  if (className === '') return fail(ctx, 'classEmpty');
  const calendar = ctx.state.catalog.calendarByName(ctx.account.id, calendarName);
  if (!calendar || !calendar.complete) return fail(ctx, 'calendarMissing');
  const cls = ctx.state.catalog.classByName(calendar.id, className);
  if (!cls) return fail(ctx, 'classMissing');
  return cls.id;
}

/**
 * The session start from `starting_date` (DD Mmm YYYY) and `starting_hour` (HH:MM), Eastern time.
 * [U] Both omitted: booked without a date (the class's next session). Date without hour: the whole day counts,
 * so only a day before today is "in the past". Hour without date: 260, since it cannot be placed.
 */
function sessionStart(ctx: CommandContext, a: Record<string, unknown>): number | null | Outcome {
  const date = text(a.starting_date);
  const hour = text(a.starting_hour);
  if (date === '' && hour === '') return null;
  if (date === '') return fail(ctx, 'badDate');
  const dmy = parseDayMonthYear(date);
  const hm = hour === '' ? ([23, 59] as [number, number]) : parseHourMinute(hour);
  if (!dmy || !hm) return fail(ctx, 'badDate');
  const at = estToMs(dmy[0], dmy[1], dmy[2], hm[0], hm[1], hour === '' ? 59 : 0);
  if (at === null) return fail(ctx, 'badDate');
  if (at < ctx.state.clock.now()) return fail(ctx, 'pastDate');
  return hour === '' ? estToMs(dmy[0], dmy[1], dmy[2], 0, 0, 0) : at;
}

const calendarSubscribe: LeadAction = (ctx, lead, a) => {
  const classId = findClass(ctx, a);
  if (typeof classId !== 'number') return classId;
  const start = sessionStart(ctx, a);
  if (start !== null && typeof start !== 'number') return start;
  const open = ctx.state.leads.openBooking(lead.id, classId);
  if (open) ctx.state.leads.rebook(open.id, start);
  else ctx.state.leads.book(lead.id, classId, start);
  return succeed(ctx, 'classSubscribed');
};

const calendarCancel: LeadAction = (ctx, lead, a) => {
  const classId = findClass(ctx, a);
  if (typeof classId !== 'number') return classId;
  const open = ctx.state.leads.openBooking(lead.id, classId);
  if (!open) return fail(ctx, 'noBooking');
  ctx.state.leads.cancelBooking(open.id);
  return succeed(ctx, 'classCancelled');
};

export const ACTION_COMMANDS: Record<string, CommandSpec> = {
  subscribe_lead_to_list: onLead(subscribeList),
  unsubscribe_lead_from_list: onLead(unsubscribeList),
  assign_tag: onLead(assignTag),
  unassign_tag: onLead(unassignTag),
  give_points_to_lead: onLead(givePoints),
  remove_points_from_lead: onLead(removePoints),
  subscribe_lead_to_sequence_at_step: onLead(subscribeSequence),
  unsubscribe_lead_from_sequence: onLead(unsubscribeSequence),
  calendar_subscribe: onLead(calendarSubscribe),
  calendar_cancel: onLead(calendarCancel),
};
