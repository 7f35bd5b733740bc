// React access to the workspace's stores: the provider (one set per mounted workspace) and typed hooks.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AccountListsState } from '../account-browser/account-lists-store';
import type { LeadEditorState } from '../lead-editor/lead-editor-store';
import type { OutboxStoreState } from '../outbox-status/outbox-store';
import type { ProfileState } from '../profile/profile-store';
import type { ViewsState } from '../views/views-store';
import type { LeadSearchState } from './lead-search-store';
import type { WorkspaceStores } from '../../workspace/workspace-stores';
import type { WorkspaceUiState } from '../../workspace/workspace-ui-store';

const WorkspaceContext = createContext<WorkspaceStores | null>(null);

export function WorkspaceProvider({ stores, children }: { stores: WorkspaceStores; children: ReactNode }) {
  return <WorkspaceContext value={stores}>{children}</WorkspaceContext>;
}

export function useWorkspace(): WorkspaceStores {
  const stores = useContext(WorkspaceContext);
  if (!stores) throw new Error('useWorkspace() needs a <WorkspaceProvider> above it.');
  return stores;
}

export const useLeadSearch = <T,>(select: (s: LeadSearchState) => T): T => useStore(useWorkspace().search, select);
export const useProfile = <T,>(select: (s: ProfileState) => T): T => useStore(useWorkspace().profile, select);
export const useEditor = <T,>(select: (s: LeadEditorState) => T): T => useStore(useWorkspace().editor, select);
export const useAccountLists = <T,>(select: (s: AccountListsState) => T): T => useStore(useWorkspace().accountLists, select);
export const useOutbox = <T,>(select: (s: OutboxStoreState) => T): T => useStore(useWorkspace().outbox, select);
export const useWorkspaceUi = <T,>(select: (s: WorkspaceUiState) => T): T => useStore(useWorkspace().ui, select);
export const useViews = <T,>(select: (s: ViewsState) => T): T => useStore(useWorkspace().views, select);
