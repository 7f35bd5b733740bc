// Composition root of the view: one store per feature over one api, plus the wiring between them.
import { createNotificationsStore, type NotificationsStore } from '@mantine/notifications';
import type { LeadDeskApi } from '../api/api';
import { createAccountTagsStore, type AccountTagsStore } from '../features/account-tags/account-tags-store';
import { createAccountsStore, type AccountsStore } from '../features/accounts/accounts-store';
import { createLeadStore, type LeadStore } from '../features/lead-workspace/lead-store';
import { createSessionStore, type SessionStore } from '../features/session/session-store';
import { createLimiterStore, type LimiterStore } from '../features/status-bar/limiter-store';

export interface AppStores {
  api: LeadDeskApi;
  session: SessionStore;
  accounts: AccountsStore;
  limiter: LimiterStore;
  accountTags: AccountTagsStore;
  lead: LeadStore;
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
  const accountTags = createAccountTagsStore(api);
  const lead = createLeadStore(api);
  const notifications = createNotificationsStore();

  const start = () => {
    const stops = [
      api.on('app.status', (status) => session.getState().applyStatus(status)),
      api.on('limiter.state', (state) => limiter.getState().apply(state)),
      followAccount(session, (accountId) => {
        // Another account's lead or tags must never show under this one. The limiter is kept: its
        // states are per app_id, and the connect call itself may report before the new status does.
        lead.getState().reset();
        accountTags.getState().reset();
        accounts.getState().clearConnectError();
        if (accountId !== null) void accountTags.getState().load();
        // Which account is current (and whether its credentials are there) changed: re-read the list.
        void accounts.getState().load();
      }),
      // The core says no account is connected (e.g. it was removed elsewhere): re-read the status so
      // the window shows the welcome screen instead of repeating the error.
      lead.subscribe((state, previous) => {
        const notConnected = (e: typeof state.searchError) => e?.code === 'not_connected';
        const now = notConnected(state.searchError) || notConnected(state.assignError);
        const before = notConnected(previous.searchError) || notConnected(previous.assignError);
        if (now && !before) void session.getState().refresh();
      }),
    ];
    void session.getState().refresh();
    void accounts.getState().load();
    return () => {
      for (const stop of stops) stop();
    };
  };

  return { api, session, accounts, limiter, accountTags, lead, notifications, start };
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
