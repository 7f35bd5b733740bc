// React access to the app's stores: a provider for the composition root and typed hooks per feature.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AccountsState } from '../features/accounts/accounts-store';
import type { SessionState } from '../features/session/session-store';
import type { LimiterStoreState } from '../features/status-bar/limiter-store';
import type { AppStores } from './app-stores';

const StoresContext = createContext<AppStores | null>(null);

export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext value={stores}>{children}</StoresContext>;
}

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores() needs a <StoresProvider> above it.');
  return stores;
}

export function useSession<T>(select: (state: SessionState) => T): T {
  return useStore(useStores().session, select);
}

export function useAccounts<T>(select: (state: AccountsState) => T): T {
  return useStore(useStores().accounts, select);
}

export function useLimiter<T>(select: (state: LimiterStoreState) => T): T {
  return useStore(useStores().limiter, select);
}
