// Lead look-ups and changes against Kartra, remembering every lead seen in the local cache.
import type { ActionResult, LeadAction } from '../../../shared/domain/actions';
import type { Lead, LeadRef } from '../../../shared/domain/lead';
import type { ConnectionService } from '../connection/connection-service';
import { AppError } from '../errors';
import { KartraApiError } from '../kartra/errors';
import type { LeadCacheRepo } from '../store/lead-cache-repo';
import type { AccountService } from '../account/account-service';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class LeadService {
  constructor(
    private readonly connection: ConnectionService,
    private readonly cache: LeadCacheRepo,
    private readonly account: AccountService,
  ) {}

  /** Finds one lead by email or numeric id, as typed by the user. */
  async find(query: string): Promise<Lead> {
    const ref = parseLeadQuery(query);
    const { account, client } = this.connection.require();
    try {
      const lead = await client.getLead(ref);
      this.cache.put(account.id, lead);
      return lead;
    } catch (error) {
      if (error instanceof KartraApiError && (error.type === '234' || error.type === '243')) {
        throw new AppError('not_found', `No lead with ${ref.id ? `id ${ref.id}` : `email ${ref.email}`} in this Kartra account.`, {
          details: { kartraType: error.type, kartraMessage: error.kartraMessage },
        });
      }
      throw error;
    }
  }

  /** Applies actions in one chained call, then reads the lead back so the UI shows Kartra's truth. */
  async applyActions(ref: LeadRef, actions: LeadAction[]): Promise<{ lead: Lead; results: ActionResult[] }> {
    const { account, client } = this.connection.require();
    await this.account.assertNamesExist(actions);
    const { leadId, results } = await client.runActions(ref, actions);
    const failed = results.filter((r) => !r.ok);
    if (failed.length === results.length && failed[0]) {
      // Nothing was applied: surface Kartra's reason as the error rather than a silent list.
      throw new KartraApiError(failed[0].kartraType ?? '', failed[0].message, failed[0].cmd);
    }
    const lead = await client.getLead({ id: leadId });
    this.cache.put(account.id, lead);
    return { lead, results };
  }
}

export function parseLeadQuery(query: string): LeadRef {
  const q = query.trim();
  if (/^\d+$/.test(q)) return { id: q };
  if (EMAIL.test(q)) return { email: q };
  throw new AppError('invalid_input', `"${q.slice(0, 80)}" is neither an email address nor a numeric lead id.`, { details: { field: 'query' } });
}
