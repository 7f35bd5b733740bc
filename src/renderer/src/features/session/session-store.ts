// Session store: what the app says about itself (version, connected account, online) and the sandbox connect flow.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AccountInfo } from '../../../../shared/domain/account';
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
  /**
   * Take the account a command answered with (connect, switch, rename) or null (forgotten), without
   * waiting for the `app.status` event the core pushes as well.
   */
  applyAccount(account: AccountInfo | null): void;
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

    applyAccount(account) {
      const previous = get().status;
      // Without a status yet, there is nothing to patch (version, keychain…): ask for the whole of it.
      if (!previous) return void get().refresh();
      statusVersion += 1;
      set({ phase: 'ready', loadError: null, status: { ...previous, account } });
    },

    async connectSandbox() {
      if (get().connecting) return false;
      set({ connecting: true, connectError: null });
      try {
        const account = await unwrap(api.sandbox.connect());
        set({ connecting: false });
        get().applyAccount(account);
        return true;
      } catch (error) {
        set({ connecting: false, connectError: toErrorData(error) });
        return false;
      }
    },
  }));
}
