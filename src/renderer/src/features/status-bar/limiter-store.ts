// Limiter store: the latest rate-limiter state pushed by the app, per Kartra app_id, for the status bar.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LimiterState } from '../../../../shared/domain/limiter';

export interface LimiterStoreState {
  /** Latest state per app_id: the bar shows the connected account's one, never another account's. */
  byAppId: Record<string, LimiterState>;
  apply(state: LimiterState): void;
  reset(): void;
}

export type LimiterStore = StoreApi<LimiterStoreState>;

export function createLimiterStore(): LimiterStore {
  return createStore<LimiterStoreState>()((set) => ({
    byAppId: {},
    apply(state) {
      set((current) => ({ byAppId: { ...current.byAppId, [state.appId]: state } }));
    },
    reset() {
      set({ byAppId: {} });
    },
  }));
}
