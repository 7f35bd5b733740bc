// Keeps the local lead cache right after Kartra confirmed a write: Kartra's copy when it was just read, else the
// change applied to the cached copy, else (a new lead) a copy built from what was sent — so local search finds
// a lead the moment Kartra confirmed it.
import type { Lead } from '../../../shared/domain/lead';
import { blankLead, LEAD_TEXT_FIELDS } from '../../../shared/domain/lead';
import type { CreateLeadData } from '../../../shared/domain/lead-input';
import type { OutboxChange } from '../../../shared/domain/outbox';
import type { LeadCacheRepo } from '../store/lead-cache-repo';
import { projectChange } from './project-change';

/** A cached copy of a lead Kartra just created, from the fields that were sent (Kartra fills the rest). */
export function newLeadCopy(id: string, data: CreateLeadData): Lead {
  const lead = blankLead(id, data.email);
  for (const field of LEAD_TEXT_FIELDS) {
    const value = data[field];
    if (typeof value === 'string') lead[field] = value;
  }
  return lead;
}

export class CacheSync {
  constructor(private readonly cache: LeadCacheRepo) {}

  /** Kartra's own copy, just read. */
  read(accountId: string, lead: Lead): void {
    this.cache.put(accountId, lead);
  }

  /** Confirmed changes of one lead, in order; returns the cached copy afterwards (undefined when none is known). */
  confirmed(accountId: string, leadId: string, changes: readonly OutboxChange[]): Lead | undefined {
    const cached = this.cache.get(accountId, { id: leadId });
    let lead: Lead | undefined = cached?.lead;
    for (const change of changes) {
      if (change.kind === 'create') lead ??= newLeadCopy(leadId, change.lead as CreateLeadData);
      else if (lead) lead = projectChange(lead, change);
    }
    if (lead) this.cache.put(accountId, lead, cached?.seenAt ?? Date.now());
    return lead;
  }
}
