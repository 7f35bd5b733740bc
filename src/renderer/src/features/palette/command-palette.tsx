// The command palette (Ctrl/Cmd+K, from anywhere, even while typing): every workspace action with its
// shortcut, "Search leads" first; typing an email or lead id offers to look it up in Kartra.
import '@mantine/spotlight/styles.css';
import { Kbd, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { useState } from 'react';
import { SearchIcon } from '../../components/icons';
import { isLookupQuery } from '../leads/format';
import { useProfile, useWorkspace } from '../leads/workspace-context';

export interface PaletteCommands {
  focusSearch(): void;
  newLead(): void;
  editLead(): void;
  lookUp(query: string): void;
}

const key = (k: string) => <Kbd size="xs">{k}</Kbd>;

export function CommandPalette({ commands }: { commands: PaletteCommands }) {
  const { palette, ui, accountLists, profile } = useWorkspace();
  const [query, setQuery] = useState('');
  const leadOpen = useProfile((s) => s.profile !== null);
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: true });

  const actions: SpotlightActionData[] = [
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
    { id: 'leads', label: 'Open leads', description: 'The leads table and profile', onClick: () => ui.getState().setTab('leads') },
    { id: 'account', label: 'Open account browser', description: 'Tags, lists, sequences, pages and custom fields', onClick: () => ui.getState().setTab('account') },
    { id: 'outbox', label: 'Open outbox', description: 'Changes waiting for Kartra', onClick: () => ui.getState().setTab('outbox') },
    { id: 'history', label: 'Open history', description: 'Every write to Kartra and how it ended', keywords: ['history', 'log', 'audit'], onClick: () => ui.getState().setTab('history') },
    { id: 'import', label: 'Import CSV', description: 'Import leads from a CSV file, and past imports', keywords: ['csv', 'import', 'upload'], onClick: () => ui.getState().setTab('import') },
    { id: 'recipes', label: 'Open recipes', description: 'Saved sets of actions to apply to many leads', keywords: ['recipe', 'bulk'], onClick: () => ui.getState().setTab('recipes') },
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
      searchProps={{ leftSection: <SearchIcon size={16} />, placeholder: 'Type a command, or an email / lead id to look up', 'aria-label': 'Command' }}
    />
  );
}
