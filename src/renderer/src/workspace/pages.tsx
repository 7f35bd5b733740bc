// The workspace's page registry: one entry per screen. The navigation tabs, the command palette's page entries
// and the page shortcuts are all derived from it, and each page's code loads when the page is first shown.
// A new screen = its folder under features/ + one entry here.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { PALETTE_SHORTCUT } from '../features/leads/format';
import type { ShortcutEntry } from '../features/settings/shortcuts-section';

/** What every page may ask of the workspace around it. */
export interface PageActions {
  newLead(): void;
  editLead(): void;
  closeProfile(): void;
  openLead(id: string): void;
}

export interface WorkspacePage {
  id: string;
  label: string;
  /** Loaded on first show (its own chunk). */
  component: LazyExoticComponent<ComponentType<PageActions>>;
  /** The palette entry that shows the page. */
  palette: { label: string; description: string; keywords?: string[] };
  /** A Mantine hotkey; it works from a text field too, so use one that types nothing (Alt+digit). */
  shortcut: string;
  /** Shown next to the tab's label (e.g. the outbox's count); lazy too, so it loads with its page's code. */
  badge?: LazyExoticComponent<ComponentType>;
}

/** A lazy page from a module, adapted to PageActions by `pick`. */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType<PageActions>) {
  return lazy(async () => ({ default: pick(await load()) }));
}

export const WORKSPACE_PAGES: readonly WorkspacePage[] = [
  {
    id: 'leads',
    label: 'Leads',
    component: page(
      () => import('../features/leads/leads-page'),
      ({ LeadsPage }) =>
        function Leads(a: PageActions) {
          return <LeadsPage onNewLead={a.newLead} onEdit={a.editLead} onCloseProfile={a.closeProfile} />;
        },
    ),
    palette: { label: 'Open leads', description: 'The leads table and profile' },
    shortcut: 'alt+1',
  },
  {
    id: 'account',
    label: 'Account',
    component: page(() => import('../features/account-browser/account-browser'), (m) => m.AccountBrowser),
    palette: { label: 'Open account browser', description: 'Tags, lists, sequences, pages and custom fields' },
    shortcut: 'alt+2',
  },
  {
    id: 'outbox',
    label: 'Outbox',
    component: page(
      () => import('../features/outbox-status/outbox-page'),
      ({ OutboxPage }) =>
        function Outbox(a: PageActions) {
          return <OutboxPage onOpenLead={a.openLead} />;
        },
    ),
    palette: { label: 'Open outbox', description: 'Changes waiting for Kartra' },
    shortcut: 'alt+3',
    badge: lazy(async () => ({ default: (await import('../features/outbox-status/outbox-page')).OutboxBadge })),
  },
  {
    id: 'history',
    label: 'History',
    component: page(
      () => import('../features/history/history-page'),
      ({ HistoryPage }) =>
        function History(a: PageActions) {
          return <HistoryPage onOpenLead={a.openLead} />;
        },
    ),
    palette: { label: 'Open history', description: 'Every write to Kartra and how it ended', keywords: ['history', 'log', 'audit'] },
    shortcut: 'alt+4',
  },
  {
    id: 'import',
    label: 'Import',
    component: page(() => import('../features/import/import-page'), (m) => m.ImportPage),
    palette: { label: 'Import CSV', description: 'Import leads from a CSV file, and past imports', keywords: ['csv', 'import', 'upload'] },
    shortcut: 'alt+5',
  },
  {
    id: 'recipes',
    label: 'Recipes',
    component: page(() => import('../features/recipes/recipes-page'), (m) => m.RecipesPage),
    palette: { label: 'Open recipes', description: 'Saved sets of actions to apply to many leads', keywords: ['recipe', 'bulk'] },
    shortcut: 'alt+6',
  },
  {
    id: 'settings',
    label: 'Settings',
    component: page(
      () => import('../features/settings/settings-page'),
      ({ SettingsPage }) =>
        function Settings() {
          return <SettingsPage shortcuts={shortcutList(WORKSPACE_PAGES)} />;
        },
    ),
    palette: { label: 'Open settings', description: 'Import default, local cache, theme, shortcuts, data and logs folders', keywords: ['settings', 'preferences', 'cache', 'theme', 'shortcuts', 'logs'] },
    shortcut: 'alt+7',
  },
];

/** "alt+1" → "Alt+1", for the palette and tooltips. */
export function shortcutLabel(hotkey: string): string {
  return hotkey
    .split('+')
    .map((part) => (part === 'mod' ? 'Ctrl' : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('+');
}

/** Every keyboard shortcut in words (the Settings page): the fixed keys of use-workspace-hotkeys.ts, then each page's. */
export function shortcutList(pages: readonly WorkspacePage[]): ShortcutEntry[] {
  return [
    { keys: PALETTE_SHORTCUT, what: 'Command palette: every command, page, account and cached lead' },
    { keys: '/', what: 'Search leads' },
    { keys: 'N', what: 'New lead' },
    { keys: 'E', what: 'Edit the open lead' },
    { keys: 'Esc', what: 'Close the open lead (or the open dialog)' },
    ...pages.map((page) => ({ keys: shortcutLabel(page.shortcut), what: page.palette.label })),
  ];
}
