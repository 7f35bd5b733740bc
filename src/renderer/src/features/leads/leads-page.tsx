// The leads page: search bar and "New lead" on top, the count and freshness line, then the virtualized
// table with the open lead's profile beside it.
import { Button, Center, Group, Kbd, Stack, Text, Tooltip } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { LeadRow } from '../../../../shared/domain/lead-views';
import { ErrorAlert } from '../../components/error-alert';
import { useSession } from '../../stores/stores-context';
import { ProfilePanel } from '../profile/profile-panel';
import { ColumnChooser } from '../views/column-chooser';
import { ExportViewButton } from '../export/export-view-button';
import { FilterBar } from '../views/filter-bar';
import { SavedViews } from '../views/saved-views';
import { formatAge, formatLeadCount, isLookupQuery } from './format';
import { FromFileBar } from './from-file-bar';
import { LeadsTable } from './leads-table';
import { SearchBar } from './search-bar';
import { SelectionBar } from './selection-bar';
import { useLeadSearch, useProfile, useViews, useWorkspace } from './workspace-context';

export interface LeadsPageProps {
  onNewLead(): void;
  onEdit(): void;
  onCloseProfile(): void;
}

export function LeadsPage({ onNewLead, onEdit, onCloseProfile }: LeadsPageProps) {
  const { profile } = useWorkspace();
  const profileOpen = useProfile((s) => s.leadId !== null);
  const lookupError = useProfile((s) => s.lookupError);
  const lookupQuery = useProfile((s) => s.lookupQuery);
  const searchError = useLeadSearch((s) => s.error);

  // A lead from a file without a Kartra id is looked up by its email (the answer replaces the file's copy).
  const open = useCallback(
    (row: LeadRow) =>
      void (/^\d+$/.test(row.id) ? profile.getState().open(row.id, { id: row.id, name: row.name, email: row.email }) : profile.getState().lookUp(row.email)),
    [profile],
  );
  const focusTable = useCallback(() => document.querySelector<HTMLElement>('[role="grid"][aria-label="Leads"]')?.focus(), []);

  return (
    <Group align="stretch" gap="md" wrap="nowrap" h="100%" style={{ minHeight: 0 }}>
    <SavedViews />
    <Stack gap="sm" h="100%" style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <SearchBar onLeave={focusTable} />
        <Tooltip label="Create a lead (N)">
          <Button onClick={onNewLead} rightSection={<Kbd size="xs">N</Kbd>}>
            New lead
          </Button>
        </Tooltip>
      </Group>
      {lookupError && (
        <ErrorAlert
          error={lookupError}
          title={lookupError.code === 'not_found' ? `No lead matches “${lookupQuery}” in Kartra` : 'Kartra could not be asked'}
          onClose={() => profile.getState().clearLookupError()}
        />
      )}
      {searchError && <ErrorAlert error={searchError} title="The local search failed" />}
      <FilterBar />
      <CountLine />
      <FromFileBar />
      <SelectionBar />
      <Group align="stretch" gap="sm" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Stack gap={0} style={{ flex: '1 1 0', minWidth: 0, minHeight: 0 }}>
          <LeadsTable onOpen={open} />
          <EmptyHint />
        </Stack>
        {profileOpen && (
          <div style={{ flex: '0 0 min(600px, 52%)', minWidth: 0, minHeight: 0 }}>
            <ProfilePanel onEdit={onEdit} onClose={onCloseProfile} />
          </div>
        )}
      </Group>
    </Stack>
    </Group>
  );
}

/** "1,234 leads · 2 ms", and when offline how fresh the cached leads are. */
function CountLine() {
  const total = useLeadSearch((s) => s.total);
  const query = useLeadSearch((s) => s.shownQuery);
  const tookMs = useLeadSearch((s) => s.tookMs);
  const newest = useLeadSearch((s) => s.newestSeenAt);
  const online = useSession((s) => s.status?.online ?? true);
  const [, tick] = useState(0);
  // Keep "seen 5 min ago" right while the window stays open offline.
  useEffect(() => {
    if (online) return;
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, [online]);
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" fw={500} aria-live="polite" data-testid="lead-count">
        {total === null ? 'Searching…' : formatLeadCount(total, query)}
        {tookMs !== null && total !== null && (
          <Text span size="xs" c="dimmed" fw={400}>
            {' '}
            · {tookMs < 1 ? '<1' : Math.round(tookMs)} ms
          </Text>
        )}
      </Text>
      <Group gap="sm" wrap="nowrap">
        {!online && (
          <Text size="xs" c="orange" role="status" aria-label="Stale data">
            Offline: these are leads as last seen{newest !== null ? ` (newest ${formatAge(newest)})` : ''} and may be out of date.
          </Text>
        )}
        <ExportViewButton />
        <ColumnChooser />
      </Group>
    </Group>
  );
}

function EmptyHint() {
  const total = useLeadSearch((s) => s.total);
  const query = useLeadSearch((s) => s.shownQuery);
  const filtered = useViews((s) => s.conditions.length > 0);
  if (total !== 0) return null;
  if (filtered) {
    return (
      <Center py="md">
        <Text size="sm" c="dimmed" ta="center" maw={460}>
          No cached lead matches these filters{query.trim() ? ` and “${query.trim()}”` : ''}.
        </Text>
      </Center>
    );
  }
  const lookup = isLookupQuery(query);
  return (
    <Center py="md">
      <Text size="sm" c="dimmed" ta="center" maw={460}>
        {query.trim() === ''
          ? 'No leads seen yet. Type an email or a lead id and press Enter to look one up in Kartra: every lead you open is kept here for instant search.'
          : lookup
            ? `No lead seen yet matches “${query.trim()}”. Press Enter to look it up in Kartra.`
            : `No lead seen yet matches “${query.trim()}”.`}
      </Text>
    </Center>
  );
}
