// Accounts store: the known accounts, the connect form's state, and connect / switch / rename / forget.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AccountInfo, KeychainStatus } from '../../../../shared/domain/account';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';
import { cleanValues, type ConnectValues } from './connect-fields';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** What the connect form is for: a new account, or new credentials for an existing one. */
export interface ConnectTarget {
  accountId: string | null;
}

export interface ConnectRequest {
  values: ConnectValues;
  /** The user agreed to keep the credentials in memory only (no keychain on this computer). */
  sessionOnly: boolean;
  accountId: string | null;
  /** The non-Kartra API host the user confirmed sending the credentials to (the core checks it). */
  confirmApiHost?: string | null;
}

export interface AccountsState {
  accounts: AccountInfo[];
  /** The account marked current, even when it is not connected (its credentials are missing). */
  currentId: string | null;
  keychain: KeychainStatus | null;
  /** Per account id: its changes not yet confirmed by Kartra (from accounts.list). */
  pending: Record<string, number>;
  loaded: boolean;
  loadError: AppErrorData | null;
  /** The connect form shown instead of the workspace ("Add account…", re-entering credentials); null = none. */
  form: ConnectTarget | null;
  connecting: boolean;
  connectError: AppErrorData | null;
  load(): Promise<void>;
  openForm(accountId?: string | null): void;
  closeForm(): void;
  /** Validate and store the credentials in the core; on success the account is current and the form closes. */
  connect(request: ConnectRequest): Promise<Outcome<AccountInfo>>;
  switchTo(id: string): Promise<Outcome<AccountInfo>>;
  rename(id: string, label: string): Promise<Outcome<AccountInfo>>;
  forget(id: string, deleteLocalData: boolean): Promise<Outcome<null>>;
  clearConnectError(): void;
}

export type AccountsStore = StoreApi<AccountsState>;

export interface AccountsStoreDeps {
  /** Shows the account a command answered with (or none) at once, before the core's app.status event. */
  applyAccount(account: AccountInfo | null): void;
  /** The connected account's id, to know whether a forgotten account was the connected one. */
  connectedId(): string | null;
}

export function createAccountsStore(api: LeadDeskApi, deps: AccountsStoreDeps): AccountsStore {
  // Only the newest list request may write: an older answer would bring back a renamed or forgotten account.
  let listId = 0;

  const attempt = async <T>(run: () => Promise<T>): Promise<Outcome<T>> => {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      return { ok: false, error: toErrorData(error) };
    }
  };

  return createStore<AccountsState>()((set, get) => ({
    accounts: [],
    currentId: null,
    keychain: null,
    pending: {},
    loaded: false,
    loadError: null,
    form: null,
    connecting: false,
    connectError: null,

    async load() {
      const id = ++listId;
      try {
        const list = await unwrap(api.accounts.list());
        if (id !== listId) return;
        set({ accounts: list.accounts, currentId: list.currentId, keychain: list.keychain, pending: list.pending, loaded: true, loadError: null });
      } catch (error) {
        if (id !== listId) return;
        // The previous list stays shown; the menu says it could not be refreshed.
        set({ loadError: toErrorData(error) });
      }
    },

    openForm(accountId = null) {
      set({ form: { accountId }, connectError: null });
    },

    closeForm() {
      set({ form: null, connectError: null });
    },

    async connect({ values, sessionOnly, accountId, confirmApiHost }) {
      if (get().connecting) return { ok: false, error: { code: 'invalid_input', message: 'Already connecting.', retryable: true } };
      set({ connecting: true, connectError: null });
      const clean = cleanValues(values);
      // The secrets go to the core in this one call and are not kept in any store.
      const outcome = await attempt(() =>
        unwrap(api.accounts.connect({ ...clean, sessionOnly, ...(accountId ? { accountId } : {}), ...(confirmApiHost ? { confirmApiHost } : {}) })),
      );
      if (!outcome.ok) {
        set({ connecting: false, connectError: outcome.error });
        return outcome;
      }
      set({ connecting: false, form: null });
      deps.applyAccount(outcome.value);
      void get().load();
      return outcome;
    },

    async switchTo(id) {
      const outcome = await attempt(() => unwrap(api.accounts.switch({ id })));
      if (outcome.ok) {
        set({ form: null, connectError: null });
        deps.applyAccount(outcome.value);
      }
      void get().load();
      return outcome;
    },

    async rename(id, label) {
      const outcome = await attempt(() => unwrap(api.accounts.rename({ id, label: label.trim() })));
      if (outcome.ok && deps.connectedId() === id) deps.applyAccount(outcome.value);
      void get().load();
      return outcome;
    },

    async forget(id, deleteLocalData) {
      const outcome = await attempt(() => unwrap(api.accounts.forget({ id, deleteLocalData })));
      if (!outcome.ok) return outcome;
      listId += 1;
      const list = outcome.value;
      set({ accounts: list.accounts, currentId: list.currentId, keychain: list.keychain, pending: list.pending, loaded: true, loadError: null });
      if (get().form?.accountId === id) set({ form: null, connectError: null });
      if (deps.connectedId() === id) deps.applyAccount(null);
      return { ok: true, value: null };
    },

    clearConnectError() {
      set({ connectError: null });
    },
  }));
}
