// create_lead, edit_lead and search_lead (kartra-api.md §9.1–9.3): the chain anchors that resolve the lead.
import { formatEst } from '../est-time';
import { say } from '../messages';
import type { LeadRow } from '../store/lead-store';
import { fail, text, type CommandContext, type CommandSpec, type Outcome } from './context';
import { findLead, refOf, testModeEmail } from './lead-lookup';
import { isProblem, isValidEmail, readLeadInput, type LeadInput } from './lead-input';

function applyInput(ctx: CommandContext, leadId: number, input: LeadInput): void {
  const { leads } = ctx.state;
  leads.update(leadId, input.profile);
  for (const change of input.customFields) {
    if ('text' in change) leads.setText(leadId, change.fieldId, change.text);
    else leads.setOptions(leadId, change.fieldId, change.optionIds);
  }
}

function reread(ctx: CommandContext, id: number): LeadRow {
  const lead = ctx.state.leads.byId(ctx.account.id, id);
  if (!lead) throw new Error(`lead ${id} vanished inside its own transaction`);
  return lead;
}

const withId = (lead: LeadRow): Outcome => ({
  ok: true,
  entry: { status: 'Success', lead_details: { id: String(lead.id) } },
  lead,
});

/** Checks: 206 (no email) → 244 (exists) → 245 (deleted lead holds the address) → 271 → invented 292. */
const createLead: CommandSpec = {
  scope: 'anchor',
  single: 'envelope',
  run(ctx) {
    const given = text(ctx.leadBlock.email);
    if (given === '') return fail(ctx, 'leadRequired');
    // Test Mode stores the address with the domain replaced (kartra-api.md §7); the answer does not say so.
    const email = ctx.testMode ? testModeEmail(given) : given;
    const existing = ctx.state.leads.byEmail(ctx.account.id, email);
    if (existing) return fail(ctx, existing.deleted ? 'leadDeleted' : 'leadExists');
    const input = readLeadInput(ctx.leadBlock, ctx.state.catalog.fields(ctx.account.id), ctx.textArea);
    if (isProblem(input)) return fail(ctx, input.key, { field: input.field ?? '' });
    if (!isValidEmail(given)) return fail(ctx, 'invalidValue', { field: 'email' });

    const now = ctx.state.clock.now();
    // API-created leads never carry accepted GDPR terms (kartra-api.md §1): status 4 "unknown" where the account
    // has GDPR on, 0 "GDPR off for account" otherwise.
    const gdprOn = ctx.account.gdpr_enabled === 1;
    const id = ctx.state.leads.insert(ctx.account.id, {
      email,
      date_joined: now,
      source: 'api',
      gdpr_status: gdprOn ? '4' : '0',
      gdpr_status_date: gdprOn ? formatEst(now) : '0000-00-00 00:00:00',
      gdpr_communications: gdprOn ? '0' : '1',
    });
    applyInput(ctx, id, input);
    return withId(reread(ctx, id));
  },
};

/** Checks in the documented order: 243 → 244 (new_email taken, by any lead incl. deleted) → 245 → 271 → 292. */
const editLead: CommandSpec = {
  scope: 'anchor',
  single: 'envelope',
  run(ctx) {
    const lead = findLead(ctx, refOf(ctx.leadBlock));
    if (!lead) return fail(ctx, 'leadNotFound');
    const newGiven = text(ctx.leadBlock.new_email);
    // [U] Test Mode rewrites new_email like a created address (kartra-api.md §7 open question).
    const newEmail = newGiven === '' ? '' : ctx.testMode ? testModeEmail(newGiven) : newGiven;
    if (newEmail !== '') {
      const holder = ctx.state.leads.byEmail(ctx.account.id, newEmail);
      if (holder && holder.id !== lead.id) return fail(ctx, 'leadExists');
    }
    if (lead.deleted) return fail(ctx, 'leadDeleted');
    const input = readLeadInput(ctx.leadBlock, ctx.state.catalog.fields(ctx.account.id), ctx.textArea);
    if (isProblem(input)) return fail(ctx, input.key, { field: input.field ?? '' });
    if (newGiven !== '' && !isValidEmail(newGiven)) return fail(ctx, 'invalidValue', { field: 'new_email' });

    applyInput(ctx, lead.id, input);
    if (newEmail !== '') ctx.state.leads.update(lead.id, { email: newEmail });
    return withId(reread(ctx, lead.id));
  },
};

/** 243 → 245; the flat documented body carries the message and the id (no type). */
const searchLead: CommandSpec = {
  scope: 'anchor',
  single: 'flat',
  run(ctx) {
    const lead = findLead(ctx, refOf(ctx.leadBlock));
    if (!lead) return fail(ctx, 'leadNotFound');
    if (lead.deleted) return fail(ctx, 'leadDeleted');
    const { message } = say('leadFound', ctx.legacy);
    return { ok: true, entry: { status: 'Success', message, lead_details: { id: String(lead.id) } }, lead };
  },
};

export const LEAD_COMMANDS: Record<string, CommandSpec> = {
  create_lead: createLead,
  edit_lead: editLead,
  search_lead: searchLead,
};
