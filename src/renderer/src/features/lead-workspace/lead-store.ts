// Lead store: find one lead and assign tags to it, with the pending tag shown while the call runs.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lead } from '../../../../shared/domain/lead';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';

export type AssignOutcome =
  | { ok: true; tag: string; lead: Lead }
  | { ok: false; tag: string; error: AppErrorData };

export interface PendingTag {
  leadId: string;
  tag: string;
}

export interface LeadState {
  searching: boolean;
  /** The query of the search that produced the current lead or error. */
  query: string;
  searchError: AppErrorData | null;
  lead: Lead | null;
  /** The tag being assigned right now (to which lead), shown as a pending badge on that lead. */
  pending: PendingTag | null;
  assignError: AppErrorData | null;
  find(query: string): Promise<void>;
  assignTag(tag: string): Promise<AssignOutcome>;
  clearAssignError(): void;
  reset(): void;
}

export type LeadStore = StoreApi<LeadState>;

const initial = { searching: false, query: '', searchError: null, lead: null, pending: null, assignError: null };

export function createLeadStore(api: LeadDeskApi): LeadStore {
  // A newer search wins over a slower older one that answers later.
  let searchId = 0;

  return createStore<LeadState>()((set, get) => ({
    ...initial,

    async find(rawQuery) {
      const query = rawQuery.trim();
      const id = ++searchId;
      if (query === '') {
        set({
          searching: false,
          query,
          searchError: { code: 'invalid_input', message: 'Type an email or a lead id to search.', retryable: false },
        });
        return;
      }
      set({ searching: true, query, searchError: null, assignError: null });
      try {
        const lead = await unwrap(api.leads.find({ query }));
        if (id !== searchId) return;
        set({ searching: false, lead });
      } catch (error) {
        if (id !== searchId) return;
        // The previous lead leaves the panel: showing it under a failed search for someone else would mislead.
        set({ searching: false, lead: null, searchError: toErrorData(error) });
      }
    },

    async assignTag(rawTag) {
      const tag = rawTag.trim();
      const { lead, pending } = get();
      const refuse = (message: string): AssignOutcome => {
        const error: AppErrorData = { code: 'invalid_input', message, retryable: false };
        set({ assignError: error });
        return { ok: false, tag, error };
      };
      if (!lead) return refuse('Find a lead before assigning a tag.');
      if (tag === '') return refuse('Pick a tag to assign.');
      if (pending !== null) return refuse(`Wait until “${pending.tag}” is assigned.`);
      if (lead.tags.includes(tag)) return refuse(`${describeLead(lead)} already has the tag “${tag}”.`);

      const mine: PendingTag = { leadId: lead.id, tag };
      set({ pending: mine, assignError: null });
      // Only touch the panel if it still shows this lead, and only clear the pending mark this call set.
      const settle = (update: Partial<LeadState>) => {
        const state = get();
        const patch: Partial<LeadState> = state.pending === mine ? { pending: null } : {};
        set(state.lead?.id === lead.id ? { ...patch, ...update } : patch);
      };
      try {
        const reply = await unwrap(
          api.leads.applyActions({ lead: { id: lead.id }, actions: [{ cmd: 'assign_tag', tag_name: tag }] }),
        );
        // Kartra answers per action: the call can succeed while the tag action itself was refused.
        const failed = reply.results.find((result) => !result.ok);
        if (failed) {
          const error: AppErrorData = {
            code: 'kartra_error',
            message: failed.message,
            retryable: false,
            ...(failed.kartraType ? { details: { kartraType: failed.kartraType } } : {}),
          };
          settle({ lead: reply.lead, assignError: error });
          return { ok: false, tag, error };
        }
        settle({ lead: reply.lead });
        return { ok: true, tag, lead: reply.lead };
      } catch (error) {
        const data = toErrorData(error);
        settle({ assignError: data });
        return { ok: false, tag, error: data };
      }
    },

    clearAssignError() {
      set({ assignError: null });
    },

    reset() {
      searchId += 1;
      set({ ...initial });
    },
  }));
}

function describeLead(lead: Lead): string {
  return lead.email || `Lead ${lead.id}`;
}
