// Session store: what the app says about itself (version, connected account, online) and the sandbox connect flow.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppStatus } from '../../../../shared/ipc/contract';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';

export type SessionPhase = 'loading' | 'ready' | 'failed';

export interface SessionState {
  phase: SessionPhase;
  status: AppStatus | null;
  loadError: AppErrorData | null;
  connecting: boolean;
  connectError: AppErrorData | null;
  /** Ask the app for its status (on start, so a reloaded window recovers, and on "Retry"). */
  refresh(): Promise<void>;
  /** Take a pushed `app.status` event. */
  applyStatus(status: AppStatus): void;
  /** Start the built-in sandbox and connect to it. Resolves true when connected. */
  connectSandbox(): Promise<boolean>;
}

export type SessionStore = StoreApi<SessionState>;

export function createSessionStore(api: LeadDeskApi): SessionStore {
  // Counts status updates; a reply to a refresh that started before a newer event must not undo that event.
  let statusVersion = 0;

  return createStore<SessionState>()((set, get) => ({
    phase: 'loading',
    status: null,
    loadError: null,
    connecting: false,
    connectError: null,

    async refresh() {
      const startedAt = statusVersion;
      if (get().status === null) set({ phase: 'loading', loadError: null });
      try {
        const status = await unwrap(api.app.status());
        if (statusVersion !== startedAt) return;
        statusVersion += 1;
        set({ status, phase: 'ready', loadError: null });
      } catch (error) {
        if (statusVersion !== startedAt) return;
        // Keep showing a status we already have; only a window that never got one shows the failure.
        if (get().status === null) set({ phase: 'failed', loadError: toErrorData(error) });
      }
    },

    applyStatus(status) {
      statusVersion += 1;
      set({ status, phase: 'ready', loadError: null });
    },

    async connectSandbox() {
      if (get().connecting) return false;
      set({ connecting: true, connectError: null });
      try {
        const account = await unwrap(api.sandbox.connect());
        statusVersion += 1;
        const previous = get().status;
        set({
          connecting: false,
          phase: 'ready',
          status: previous ? { ...previous, account } : { version: '', online: true, account },
        });
        return true;
      } catch (error) {
        set({ connecting: false, connectError: toErrorData(error) });
        return false;
      }
    },
  }));
}
