// Account lists store: the Kartra account's tags, lists, sequences, pages and custom fields as the core
// caches them (each with its fetch time), refreshed on demand, and custom field creation.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AccountListKind } from '../../../../shared/domain/account';
import { ACCOUNT_LIST_KINDS } from '../../../../shared/domain/account';
import type { AccountLists, CommandInput } from '../../../../shared/ipc/contract';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';

export type CreateFieldOutcome = { ok: true } | { ok: false; error: AppErrorData };

export interface AccountListsState {
  lists: AccountLists | null;
  /** Kinds being read from Kartra right now. */
  refreshing: AccountListKind[];
  loading: boolean;
  error: AppErrorData | null;
  creating: boolean;
  /** Reads the cached lists (the core fetches the ones it never had). */
  load(): Promise<void>;
  /** Reads these kinds from Kartra (all when empty). */
  refresh(kinds?: readonly AccountListKind[]): Promise<void>;
  createCustomField(input: CommandInput<'account.createCustomField'>): Promise<CreateFieldOutcome>;
}

export type AccountListsStore = StoreApi<AccountListsState>;

export function createAccountListsStore(api: LeadDeskApi): AccountListsStore {
  // Answers are whole snapshots: only the newest request may write.
  let request = 0;

  return createStore<AccountListsState>()((set, get) => {
    const read = async (kinds: readonly AccountListKind[]): Promise<void> => {
      const mine = ++request;
      const refreshing = kinds.length === 0 ? [] : [...new Set([...get().refreshing, ...kinds])];
      set({ loading: true, error: null, refreshing });
      try {
        const lists = await unwrap(api.account.lists({ refresh: [...kinds] }));
        if (mine !== request) return;
        set({ lists, loading: false, refreshing: [] });
      } catch (error) {
        if (mine !== request) return;
        // The lists already shown stay usable; the error says why they could not be read.
        set({ loading: false, refreshing: [], error: toErrorData(error) });
      }
    };

    return {
      lists: null,
      refreshing: [],
      loading: false,
      error: null,
      creating: false,

      load() {
        return read([]);
      },

      refresh(kinds = ACCOUNT_LIST_KINDS) {
        return read(kinds.length === 0 ? ACCOUNT_LIST_KINDS : kinds);
      },

      async createCustomField(input) {
        set({ creating: true });
        try {
          const lists = await unwrap(api.account.createCustomField(input));
          request += 1;
          set({ lists, creating: false, error: null });
          return { ok: true };
        } catch (error) {
          set({ creating: false });
          return { ok: false, error: toErrorData(error) };
        }
      },
    };
  });
}
