// The command palette (Ctrl/Cmd+K, from anywhere, even while typing): every workspace action and page (from the
// page registry) with its shortcut, "Search leads" first, "Switch to <account>" for every other account, and the
// cached leads whose name, email or company match what is typed; an email or lead id also offers a Kartra look-up.
import '@mantine/spotlight/styles.css';
import { Kbd, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { useEffect, useState } from 'react';
import { SearchIcon } from '../components/icons';
import { accountMarkers } from '../features/accounts/account-menu';
import { useSwitchAccount } from '../features/accounts/use-switch-account';
import { isLookupQuery } from '../features/leads/format';
import { useAccounts, useSession } from '../stores/stores-context';
import { useProfile, useWorkspace } from '../features/leads/workspace-context';
import { shortcutLabel, type WorkspacePage } from './pages';
import { useCachedLeads } from './use-cached-leads';

export interface PaletteCommands {
  focusSearch(): void;
  newLead(): void;
  editLead(): void;
  lookUp(query: string): void;
}

const key = (k: string) => <Kbd size="xs">{k}</Kbd>;

export function CommandPalette({ commands, pages }: { commands: PaletteCommands; pages: readonly WorkspacePage[] }) {
  const { palette, ui, accountLists, profile, api } = useWorkspace();
  const [query, setQuery] = useState('');
  const leads = useCachedLeads(api, query);
  const leadOpen = useProfile((s) => s.profile !== null);
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: true });
  const accounts = useAccounts((s) => s.accounts);
  const pending = useAccounts((s) => s.pending);
  const loadAccounts = useAccounts((s) => s.load);
  const connectedId = useSession((s) => s.status?.account?.id ?? null);
  const switchTo = useSwitchAccount();
  useEffect(() => void loadAccounts(), [loadAccounts]);

  const accountActions: SpotlightActionData[] = accounts
    .filter((account) => account.id !== connectedId)
    .map((account) => ({
      id: `account-${account.id}`,
      label: `Switch to ${account.label}`,
      description: [...accountMarkers(account), pending[account.id] ? `${pending[account.id]} pending` : '', 'account'].filter(Boolean).join(' · '),
      keywords: ['account', 'switch', account.label, account.appId],
      onClick: () => void switchTo(account),
    }));

  const leadActions: SpotlightActionData[] = leads.map((row) => ({
    id: `lead-${row.id}`,
    label: row.name || row.email,
    description: [row.name ? row.email : '', row.company, 'open the cached lead'].filter(Boolean).join(' · '),
    // The core already matched these words (prefixes, accents): Spotlight's own filter must keep them.
    keywords: [query],
    onClick: () => {
      ui.getState().setTab('leads');
      void profile.getState().open(row.id, { id: row.id, name: row.name, email: row.email });
    },
  }));

  const actions: SpotlightActionData[] = [
    ...leadActions,
    { id: 'search', label: 'Search leads', description: 'Focus the search field', leftSection: <SearchIcon size={16} />, rightSection: key('/'), onClick: commands.focusSearch },
    ...(isLookupQuery(query)
      ? [{ id: 'lookup', label: `Look up “${query.trim()}” in Kartra`, description: 'Find the lead by email or id and open it', keywords: [query], onClick: () => commands.lookUp(query.trim()) }]
      : []),
    { id: 'new-lead', label: 'New lead', description: 'Create a lead in Kartra', rightSection: key('N'), onClick: commands.newLead },
    ...(leadOpen
      ? [
          { id: 'edit-lead', label: 'Edit current lead', description: 'Change fields or the email of the open lead', rightSection: key('E'), onClick: commands.editLead },
          { id: 'reload-lead', label: 'Reload current lead', description: 'Read the open lead from Kartra again', onClick: () => void profile.getState().reload() },
        ]
      : []),
    ...pages.map((page) => ({
      id: page.id,
      label: page.palette.label,
      description: page.palette.description,
      ...(page.palette.keywords ? { keywords: page.palette.keywords } : {}),
      rightSection: key(shortcutLabel(page.shortcut)),
      onClick: () => ui.getState().setTab(page.id),
    })),
    ...accountActions,
    {
      id: 'theme',
      label: scheme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme',
      description: 'Toggle the theme',
      keywords: ['theme', 'dark', 'light'],
      onClick: () => setColorScheme(scheme === 'dark' ? 'light' : 'dark'),
    },
    { id: 'refresh-lists', label: 'Refresh account lists', description: 'Read tags, lists, sequences, pages and custom fields from Kartra', onClick: () => void accountLists.getState().refresh() },
  ];

  return (
    <Spotlight
      store={palette.store}
      actions={actions}
      query={query}
      onQueryChange={setQuery}
      shortcut="mod + K"
      // Ctrl+K must work while typing in a field too.
      tagsToIgnore={[]}
      nothingFound="No matching command"
      highlightQuery
      scrollable
      maxHeight={420}
      // The list scrolls: focusable, so a keyboard can scroll it too (axe: scrollable-region-focusable).
      scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': 'Commands' } }}
      searchProps={{ leftSection: <SearchIcon size={16} />, placeholder: 'Type a command, or an email / lead id to look up', 'aria-label': 'Command' }}
    />
  );
}
