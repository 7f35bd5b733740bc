// Lead reads: get_lead (full lead) and search_lead (existence + id), plus the read used to verify uncertain writes.
import { LeadRef, type Lead } from '../../../shared/domain/lead';
import type { Lane } from '../../../shared/domain/limiter';
import type { KartraCaller } from './caller';
import { badResponse, findData, isRecord, leadIdFrom, outcomeOf } from './decode';
import { KartraApiError } from './errors';
import { describeKartraError, isLeadDeleted, isLeadNotFound } from './error-codes';
import { parseInput } from './input';
import { leadBlock } from './lead-input';
import type { LeadState } from './verify';
import { normaliseLead } from './wire-lead';

/** get_lead by id (preferred: Kartra lets the id win) or email; `lead_details` comes back at top level. */
export async function getLeadState(caller: KartraCaller, refIn: LeadRef, lane: Lane): Promise<LeadState> {
  const ref = parseInput(LeadRef, refIn, 'lead reference');
  const lookup = ref.id !== undefined ? { id: ref.id } : { email: ref.email ?? '' };
  const decoded = await caller.call({ get_lead: lookup }, { lane, mode: 'read' });
  const outcome = outcomeOf(decoded, 'get_lead');
  if (outcome.status === 'error') throw new KartraApiError(outcome.type, outcome.message || 'No lead found', 'get_lead');
  const raw = findData(decoded, 'get_lead', 'lead_details');
  const details = Array.isArray(raw) ? raw[0] : raw;
  if (!isRecord(details)) {
    // A Success without lead_details has been described as "no lead" by some integrations.
    if (outcome.status === 'success' && /no lead/i.test(outcome.message)) throw new KartraApiError(outcome.type, outcome.message, 'get_lead');
    throw badResponse("Kartra's answer to get_lead carried no lead_details");
  }
  return { lead: normaliseLead(details), raw: details };
}

export async function getLead(caller: KartraCaller, ref: LeadRef, lane: Lane): Promise<Lead> {
  return (await getLeadState(caller, ref, lane)).lead;
}

/** True for the answers that mean "there is no (usable) lead here": 243/234 not found, 245 deleted. */
export function isNoLeadError(error: unknown): boolean {
  if (!(error instanceof KartraApiError)) return false;
  return isLeadNotFound(error.type) || isLeadDeleted(error.type);
}

/** get_lead for verification: null when the lead does not exist (or is deleted). */
export async function readLeadState(caller: KartraCaller, ref: LeadRef, lane: Lane): Promise<LeadState | null> {
  try {
    return await getLeadState(caller, ref, lane);
  } catch (error) {
    if (isNoLeadError(error)) return null;
    throw error;
  }
}

/** search_lead: the lead's id, or null when Kartra finds no lead (243). A deleted lead (245) throws. */
export async function searchLead(caller: KartraCaller, refIn: LeadRef, lane: Lane): Promise<{ id: string } | null> {
  const ref = parseInput(LeadRef, refIn, 'lead reference');
  const decoded = await caller.call({ lead: leadBlock(ref, undefined), actions: [{ cmd: 'search_lead' }] }, { lane, mode: 'read' });
  const outcome = outcomeOf(decoded, 'search_lead');
  if (outcome.status === 'error') {
    const error = new KartraApiError(outcome.type, outcome.message, 'search_lead');
    if (describeKartraError(error.type, error.kartraMessage).code === 'not_found') return null;
    throw error;
  }
  if (outcome.status === 'none') throw badResponse("Kartra's answer to search_lead carried no status");
  const id = leadIdFrom(decoded) ?? ref.id;
  if (!id) throw badResponse("Kartra's answer to search_lead carried no lead id");
  return { id };
}
