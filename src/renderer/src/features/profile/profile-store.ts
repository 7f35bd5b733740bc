// Profile store: the open lead's full profile, its queued changes (kept current from the outbox events
// and write receipts), and the staged assignments sent together in one leads.applyActions call.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LeadAction } from '../../../../shared/domain/actions';
import type { Lead } from '../../../../shared/domain/lead';
import type { LeadProfile } from '../../../../shared/domain/lead-views';
import type { OutboxItemView } from '../../../../shared/domain/outbox';
import type { WriteReceipt } from '../../../../shared/ipc/contract';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';
import { stageAction } from './staged-actions';

export type ApplyOutcome = { ok: true; receipt: WriteReceipt } | { ok: false; error: AppErrorData };

export interface ProfileHeader {
  id: string;
  name: string;
  email: string;
}

export interface ProfileState {
  leadId: string | null;
  /** What the table row said about the lead, shown while its profile loads. */
  header: ProfileHeader | null;
  profile: LeadProfile | null;
  loading: boolean;
  error: AppErrorData | null;
  /** This lead's changes that Kartra has not confirmed yet (or that failed / need a decision). */
  pending: OutboxItemView[];
  staged: LeadAction[];
  stageError: string | null;
  applying: boolean;
  applyError: AppErrorData | null;
  /** Which control sent the failed call: the error is shown beside it. */
  applyOrigin: 'quick' | 'staged' | null;
  /** A look-up in Kartra (Enter on an email or id) is running / failed. */
  lookingUp: boolean;
  lookupError: AppErrorData | null;
  /** The query of the last look-up, for its error message. */
  lookupQuery: string;
  open(id: string, header?: ProfileHeader): Promise<void>;
  /** Finds the lead on Kartra by email or numeric id (offline: the cached copy) and opens its profile. */
  lookUp(query: string): Promise<boolean>;
  clearLookupError(): void;
  reload(): Promise<void>;
  close(): void;
  /** An `outbox.item` event (any lead's: only this lead's are kept). */
  takeItem(view: OutboxItemView): void;
  /** A `lead.updated` event or a receipt's lead. */
  takeLead(lead: Lead): void;
  takeReceipt(receipt: WriteReceipt): void;
  stage(action: LeadAction): boolean;
  unstage(index: number): void;
  clearStaged(): void;
  /** Sends every staged change in one chained call. */
  applyStaged(): Promise<ApplyOutcome>;
  /** Sends these actions at once (one-click changes such as "Assign tag"). */
  apply(actions: LeadAction[]): Promise<ApplyOutcome>;
  clearApplyError(): void;
}

export type ProfileStore = StoreApi<ProfileState>;

export function createProfileStore(api: LeadDeskApi): ProfileStore {
  let request = 0;
  let lookup = 0;
  /** Items known to be finished: an older snapshot (a receipt answered late) must not bring them back. */
  const finished = new Set<number>();

  return createStore<ProfileState>()((set, get) => {
    const belongs = (view: OutboxItemView): boolean => {
      const { leadId, profile } = get();
      if (leadId === null) return false;
      if (view.leadId !== null) return view.leadId === leadId;
      return profile !== null && view.leadEmail.toLowerCase() === profile.lead.email.toLowerCase();
    };

    const merge = (views: readonly OutboxItemView[]) => {
      let pending = get().pending;
      for (const view of views) {
        if (!belongs(view)) continue;
        if (view.status === 'done') {
          finished.add(view.id);
          pending = pending.filter((p) => p.id !== view.id);
          continue;
        }
        if (finished.has(view.id)) continue;
        const known = pending.find((p) => p.id === view.id);
        if (known && known.updatedAt > view.updatedAt) continue;
        pending = known ? pending.map((p) => (p.id === view.id ? view : p)) : [...pending, view].sort((a, b) => a.id - b.id);
      }
      if (pending !== get().pending) set({ pending });
    };

    const load = async (id: string, keep: boolean): Promise<void> => {
      const mine = ++request;
      set({ loading: true, error: null, ...(keep ? {} : { profile: null, pending: [] }) });
      try {
        const profile = await unwrap(api.leads.profile({ id }));
        if (mine !== request) return;
        set({ profile, loading: false, header: headerOf(profile.lead) });
        merge(profile.pending);
      } catch (error) {
        if (mine !== request) return;
        set({ loading: false, error: toErrorData(error) });
      }
    };

    const send = async (actions: LeadAction[], origin: 'quick' | 'staged'): Promise<ApplyOutcome> => {
      const { leadId } = get();
      if (leadId === null) return refuse(set, 'Open a lead first.');
      set({ applying: true, applyError: null, applyOrigin: origin });
      try {
        const receipt = await unwrap(api.leads.applyActions({ lead: { id: leadId }, actions }));
        if (get().leadId === leadId) get().takeReceipt(receipt);
        set({ applying: false });
        return { ok: true, receipt };
      } catch (error) {
        const data = toErrorData(error);
        set(get().leadId === leadId ? { applying: false, applyError: data } : { applying: false });
        return { ok: false, error: data };
      }
    };

    return {
      leadId: null,
      header: null,
      profile: null,
      loading: false,
      error: null,
      pending: [],
      staged: [],
      stageError: null,
      applying: false,
      applyError: null,
      applyOrigin: null,
      lookingUp: false,
      lookupError: null,
      lookupQuery: '',

      async lookUp(raw) {
        const query = raw.trim();
        const mine = ++lookup;
        set({ lookingUp: true, lookupError: null, lookupQuery: query });
        try {
          const lead = await unwrap(api.leads.find({ query }));
          if (mine !== lookup) return false;
          set({ lookingUp: false });
          await get().open(lead.id, headerOf(lead));
          return true;
        } catch (error) {
          if (mine === lookup) set({ lookingUp: false, lookupError: toErrorData(error) });
          return false;
        }
      },

      clearLookupError() {
        set({ lookupError: null });
      },

      open(id, header) {
        const same = get().leadId === id;
        if (!same) {
          finished.clear();
          set({ leadId: id, header: header ?? null, staged: [], stageError: null, applyError: null });
        }
        return load(id, same);
      },

      reload() {
        const { leadId } = get();
        return leadId === null ? Promise.resolve() : load(leadId, true);
      },

      close() {
        request += 1;
        finished.clear();
        set({ leadId: null, header: null, profile: null, loading: false, error: null, pending: [], staged: [], stageError: null, applyError: null });
      },

      takeItem(view) {
        merge([view]);
      },

      takeLead(lead) {
        const { leadId, profile } = get();
        if (lead.id !== leadId || !profile) return;
        set({ profile: { ...profile, lead }, header: headerOf(lead) });
      },

      takeReceipt(receipt) {
        merge(receipt.changes);
        if (receipt.lead) get().takeLead(receipt.lead);
      },

      stage(action) {
        const lead = get().profile?.lead;
        if (!lead) return false;
        const result = stageAction(get().staged, action, lead);
        if (!result.ok) {
          set({ stageError: result.reason });
          return false;
        }
        set({ staged: result.staged, stageError: null, applyError: null });
        return true;
      },

      unstage(index) {
        set((s) => ({ staged: s.staged.filter((_, i) => i !== index), stageError: null }));
      },

      clearStaged() {
        set({ staged: [], stageError: null });
      },

      async applyStaged() {
        const staged = get().staged;
        if (staged.length === 0) return refuse(set, 'Stage at least one change first.');
        const outcome = await send(staged, 'staged');
        // Kept on failure, so the user can fix or drop one change and apply again.
        if (outcome.ok && get().staged === staged) set({ staged: [] });
        return outcome;
      },

      apply(actions) {
        return send(actions, 'quick');
      },

      clearApplyError() {
        set({ applyError: null, stageError: null });
      },
    };
  });
}

function headerOf(lead: Lead): ProfileHeader {
  return { id: lead.id, name: [lead.first_name, lead.last_name].filter(Boolean).join(' '), email: lead.email };
}

function refuse(set: (patch: Partial<ProfileState>) => void, message: string): ApplyOutcome {
  const error: AppErrorData = { code: 'invalid_input', message, retryable: false };
  set({ applyError: error, applyOrigin: 'staged' });
  return { ok: false, error };
}
