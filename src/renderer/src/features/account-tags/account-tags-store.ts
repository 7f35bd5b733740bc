// Account tags store: the account's tag names (cached by the app) for the tag picker.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';

export interface AccountTagsState {
  items: string[];
  fetchedAt: number | null;
  stale: boolean;
  loading: boolean;
  /** True once a load has succeeded for the current account. */
  loaded: boolean;
  error: AppErrorData | null;
  /** Load the tags; refresh asks the app to fetch them from Kartra instead of its cache. */
  load(options?: { refresh?: boolean }): Promise<void>;
  reset(): void;
}

export type AccountTagsStore = StoreApi<AccountTagsState>;

const initial = { items: [], fetchedAt: null, stale: false, loading: false, loaded: false, error: null };

export function createAccountTagsStore(api: LeadDeskApi): AccountTagsStore {
  // Only the newest request may write: a slow cached answer must not overwrite a refreshed one.
  let requestId = 0;

  return createStore<AccountTagsState>()((set) => ({
    ...initial,

    async load(options = {}) {
      const refresh = options.refresh ?? false;
      const id = ++requestId;
      set({ loading: true, error: null });
      try {
        const reply = await unwrap(api.account.tags({ refresh }));
        if (id !== requestId) return;
        const items = [...new Set(reply.items)].sort((a, b) => a.localeCompare(b));
        set({ items, fetchedAt: reply.fetchedAt, stale: reply.stale, loading: false, loaded: true });
      } catch (error) {
        if (id !== requestId) return;
        // The previous list stays usable; the error says why it could not be refreshed.
        set({ loading: false, error: toErrorData(error) });
      }
    },

    reset() {
      requestId += 1;
      set({ ...initial });
    },
  }));
}
