// Composition of the workspace's feature stores for one connected account, and their wiring to the core's
// events (outbox items, lead updates, outbox state). Created per workspace mount: a switch of account
// remounts the workspace, so nothing of one account's leads can show under another.
import { notifications, type NotificationsStore } from '@mantine/notifications';
import { createSpotlight, type SpotlightStore } from '@mantine/spotlight';
import type { LeadDeskApi } from '../api/api';
import type { AppErrorData } from '../api/unwrap';
import { createAccountListsStore, type AccountListsStore } from '../features/account-browser/account-lists-store';
import { createLeadEditorStore, type LeadEditorStore } from '../features/lead-editor/lead-editor-store';
import { createChangeNotifier, type ChangeNotice } from '../features/outbox-status/change-notifier';
import { createOutboxStore, type OutboxStore } from '../features/outbox-status/outbox-store';
import { createProfileStore, type ProfileStore } from '../features/profile/profile-store';
import { createLeadSearchStore, type LeadSearchStore } from '../features/leads/lead-search-store';
import { connectViews } from '../features/views/connect-views';
import { createViewsStore, viewReader, type ViewsStore } from '../features/views/views-store';
import { createWorkspaceUiStore, type WorkspaceUiStore } from './workspace-ui-store';
import { createElement } from 'react';
import { UndoToastMessage } from '../features/history/undo-toast';

/** After saved changes the table re-reads its rows, at most this often (a replay confirms thousands). */
export const TABLE_REFRESH_MS = 400;

export interface WorkspaceStoresDeps {
  api: LeadDeskApi;
  accountId: string;
  notifications: NotificationsStore;
  /** The core said no account is connected: the app re-reads its status. */
  onNotConnected: () => void;
}

export interface WorkspaceStores {
  api: LeadDeskApi;
  accountId: string;
  search: LeadSearchStore;
  views: ViewsStore;
  profile: ProfileStore;
  editor: LeadEditorStore;
  accountLists: AccountListsStore;
  outbox: OutboxStore;
  ui: WorkspaceUiStore;
  palette: { store: SpotlightStore; open(): void; close(): void };
  /** Subscribe to the core's events and load the first data; returns the undo (safe to call start again). */
  start(): () => void;
}

const COLORS = { success: 'teal', error: 'red', info: 'indigo' } as const;

export function createWorkspaceStores(deps: WorkspaceStoresDeps): WorkspaceStores {
  const { api, accountId } = deps;
  const views = createViewsStore(api);
  const search = createLeadSearchStore(api, { read: viewReader(api, views) });
  const profile = createProfileStore(api);
  const editor = createLeadEditorStore(api);
  const accountLists = createAccountListsStore(api);
  const outbox = createOutboxStore(api);
  const ui = createWorkspaceUiStore();
  const [paletteStore, palette] = createSpotlight();

  const show = (notice: ChangeNotice): void => {
    notifications.show(
      {
        title: notice.title,
        // A confirmed change offers Undo right in its toast (kept open a little longer to reach it).
        message:
          notice.undoHistoryId === undefined
            ? notice.message
            : createElement(UndoToastMessage, {
                text: notice.message,
                historyId: notice.undoHistoryId,
                api,
                onDone: (result) => show({ kind: result.ok ? 'info' : 'error', title: result.ok ? 'Undo queued' : 'This change cannot be undone', message: result.message }),
              }),
        color: COLORS[notice.kind],
        autoClose: notice.kind === 'error' ? 10_000 : notice.undoHistoryId !== undefined ? 8_000 : 4_000,
        role: 'status',
        'data-notify-kind': notice.kind,
      },
      deps.notifications,
    );
  };

  const start = () => {
    const notifier = createChangeNotifier(show);
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    const refreshTableSoon = () => {
      refreshTimer ??= setTimeout(() => {
        refreshTimer = undefined;
        search.getState().refresh();
      }, TABLE_REFRESH_MS);
    };
    const notConnected = (error: AppErrorData | null) => error?.code === 'not_connected';

    const stops = [
      api.on('outbox.item', (view) => {
        if (view.accountId !== accountId) return;
        profile.getState().takeItem(view);
        outbox.getState().takeItem(view);
        notifier.take(view);
        if (view.status === 'done') refreshTableSoon();
      }),
      api.on('lead.updated', (update) => {
        if (update.accountId !== accountId) return;
        profile.getState().takeLead(update.lead);
        search.getState().patchLead(update.lead);
        refreshTableSoon();
      }),
      connectViews(api, accountId, views, search),
      api.on('outbox.state', (state) => {
        if (state.accountId === accountId) outbox.getState().takeState(state);
      }),
      search.subscribe((s, before) => {
        if (notConnected(s.error) && !notConnected(before.error)) deps.onNotConnected();
      }),
      profile.subscribe((s, before) => {
        if (notConnected(s.error) && !notConnected(before.error)) deps.onNotConnected();
      }),
    ];
    void search.getState().searchNow();
    void accountLists.getState().load();
    void outbox.getState().load();
    return () => {
      for (const stop of stops) stop();
      clearTimeout(refreshTimer);
      notifier.dispose();
      search.getState().dispose();
    };
  };

  return { api, accountId, search, views, profile, editor, accountLists, outbox, ui, palette: { store: paletteStore, ...palette }, start };
}
