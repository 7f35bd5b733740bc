// Workspace UI store: which page is shown (an id from the page registry, pages.tsx) and requests to focus the
// search field.
import { createStore, type StoreApi } from 'zustand/vanilla';

/** A page id of the registry (pages.tsx); the store does not import the registry, which loads the pages. */
export type WorkspaceTab = string;

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
