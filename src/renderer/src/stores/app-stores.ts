// Composition root of the view: one store per feature over one api, plus the wiring between them.
import { createNotificationsStore, type NotificationsStore } from '@mantine/notifications';
import type { LeadDeskApi } from '../api/api';
import { createAccountsStore, type AccountsStore } from '../features/accounts/accounts-store';
import { createSessionStore, type SessionStore } from '../features/session/session-store';
import { createLimiterStore, type LimiterStore } from '../features/status-bar/limiter-store';

export interface AppStores {
  api: LeadDeskApi;
  session: SessionStore;
  accounts: AccountsStore;
  limiter: LimiterStore;
  /** Per-app notifications (not Mantine's global one), so two app instances never share toasts. */
  notifications: NotificationsStore;
  /**
   * Subscribe to the app's events and ask for its status (a reloaded window recovers its state).
   * Returns the function that undoes it; safe to call again after that (React StrictMode does).
   */
  start(): () => void;
}

export function createAppStores(api: LeadDeskApi): AppStores {
  const session = createSessionStore(api);
  const accounts = createAccountsStore(api, {
    applyAccount: (account) => session.getState().applyAccount(account),
    connectedId: () => session.getState().status?.account?.id ?? null,
  });
  const limiter = createLimiterStore();
  const notifications = createNotificationsStore();

  const start = () => {
    const stops = [
      api.on('app.status', (status) => session.getState().applyStatus(status)),
      api.on('limiter.state', (state) => limiter.getState().apply(state)),
      followAccount(session, (accountId) => {
        // The lead workspace keeps its own stores per account (features/leads/workspace-stores.ts) and is
        // remounted on a switch. The limiter is kept: its states are per app_id, and the connect call
        // itself may report before the new status does.
        accounts.getState().clearConnectError();
        // Which account is current (and whether its credentials are there) changed: re-read the list.
        void accounts.getState().load();
      }),
    ];
    void session.getState().refresh();
    void accounts.getState().load();
    return () => {
      for (const stop of stops) stop();
    };
  };

  return { api, session, accounts, limiter, notifications, start };
}

/** Calls onChange whenever the connected account's id changes (null = none); returns the unsubscribe. */
function followAccount(session: SessionStore, onChange: (accountId: string | null) => void): () => void {
  let current = session.getState().status?.account?.id ?? null;
  if (current !== null) onChange(current);
  return session.subscribe((state) => {
    const next = state.status?.account?.id ?? null;
    if (next === current) return;
    current = next;
    onChange(next);
  });
}
