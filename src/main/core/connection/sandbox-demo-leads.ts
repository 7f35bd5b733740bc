// The built-in sandbox's demo leads as a lead export would list them: "Try the sandbox" fills the lead cache from
// them the way a user's Kartra export fills it (no API call), so the Leads table is not empty on first run.
import { LEAD_TEXT_FIELDS, type Lead } from '../../../shared/domain/lead';
import { blankLead } from '../../../shared/domain/local-leads';
import type { RunningSandbox } from '../sandbox';

/** The demo account's leads (deleted ones left out), read in-process from the sandbox's own store. */
export function sandboxDemoLeads(running: RunningSandbox): Lead[] {
  const apiKey = running.accounts[0]?.apiKey;
  if (!apiKey) return [];
  const leads: Lead[] = [];
  for (const summary of running.inspect.listLeads({ apiKey })) {
    const state = summary.deleted ? null : running.inspect.getLead({ apiKey, id: summary.id });
    if (!state) continue;
    const lead = blankLead(state.id, state.email);
    for (const field of LEAD_TEXT_FIELDS) lead[field] = state.profile[field] ?? '';
    lead.score = state.score;
    lead.source = state.source;
    lead.tags = [...state.tags];
    leads.push(lead);
  }
  return leads;
}
