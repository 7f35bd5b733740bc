// Workspace UI store: which page is shown (leads, account, outbox, history, …) and requests to focus the search field.
import { createStore, type StoreApi } from 'zustand/vanilla';

export const WORKSPACE_TABS = ['leads', 'account', 'outbox', 'history', 'import', 'recipes'] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

export interface WorkspaceUiState {
  tab: WorkspaceTab;
  /** Bumped to ask the search field to take the focus (after the leads page is shown). */
  searchFocus: number;
  setTab(tab: WorkspaceTab): void;
  focusSearch(): void;
}

export type WorkspaceUiStore = StoreApi<WorkspaceUiState>;

export function createWorkspaceUiStore(): WorkspaceUiStore {
  return createStore<WorkspaceUiState>()((set) => ({
    tab: 'leads',
    searchFocus: 0,
    setTab(tab) {
      set({ tab });
    },
    focusSearch() {
      set((s) => ({ tab: 'leads', searchFocus: s.searchFocus + 1 }));
    },
  }));
}
