// The connected workspace shell: the pages of the registry (pages.tsx) as tabs, the lead forms, the command
// palette and the keyboard shortcuts, over the stores built for this account (workspace-stores.ts).
import { Button, Center, Group, Kbd, Loader, Tabs, Tooltip } from '@mantine/core';
import { Suspense, useEffect, useState } from 'react';
import type { WriteReceipt } from '../../../shared/ipc/contract';
import { useStores } from '../stores/stores-context';
import { registerOutboxOpener } from '../features/status-bar/outbox-opener';
import { CreateLeadModal } from '../features/lead-editor/create-lead-modal';
import { ImportDropZone } from '../features/import/drop-zone';
import { BulkProvider } from '../features/import/import-context';
import { RunningJobsIndicator } from '../features/import/running-jobs-indicator';
import { EditLeadModal } from '../features/lead-editor/edit-lead-modal';
import { CommandPalette, type PaletteCommands } from './command-palette';
import { useWorkspaceHotkeys } from './use-workspace-hotkeys';
import { PALETTE_SHORTCUT } from '../features/leads/format';
import { WorkspaceProvider, useWorkspace, useWorkspaceUi } from '../features/leads/workspace-context';
import { createWorkspaceStores } from './workspace-stores';
import { WORKSPACE_PAGES, type PageActions } from './pages';

/** Fills the AppShell's main area (between header and status bar) so the table can scroll by itself. */
const FULL_HEIGHT = 'calc(100dvh - var(--app-shell-header-offset, 0rem) - var(--app-shell-footer-offset, 0rem) - 2 * var(--mantine-spacing-md))';

export function Workspace({ accountId }: { accountId: string }) {
  const app = useStores();
  const [stores] = useState(() =>
    createWorkspaceStores({
      api: app.api,
      accountId,
      notifications: app.notifications,
      onNotConnected: () => void app.session.getState().refresh(),
    }),
  );
  useEffect(() => stores.start(), [stores]);
  // The status bar (outside the workspace) opens the Outbox page through this.
  useEffect(() => registerOutboxOpener(app, () => stores.ui.getState().setTab('outbox')), [app, stores]);
  return (
    <WorkspaceProvider stores={stores}>
      {/* CSV import and recipes (features/import, features/recipes): their own stores, for this account. */}
      <BulkProvider api={app.api} show={(page) => stores.ui.getState().setTab(page)}>
        <WorkspaceView />
        <ImportDropZone />
      </BulkProvider>
    </WorkspaceProvider>
  );
}

function WorkspaceView() {
  const { ui, editor, profile, palette } = useWorkspace();
  const tab = useWorkspaceUi((s) => s.tab);

  const commands: PaletteCommands & { escape(): void } = {
    focusSearch: () => ui.getState().focusSearch(),
    newLead: () => editor.getState().openCreate(),
    editLead: () => {
      const lead = profile.getState().profile?.lead;
      if (!lead) return;
      ui.getState().setTab('leads');
      editor.getState().openEdit(lead);
    },
    lookUp: (query) => {
      ui.getState().setTab('leads');
      void profile.getState().lookUp(query);
    },
    escape: () => {
      if (ui.getState().tab === 'leads' && profile.getState().leadId !== null) profile.getState().close();
    },
  };
  useWorkspaceHotkeys(commands, WORKSPACE_PAGES, (id) => ui.getState().setTab(id));

  const onSaved = (receipt: WriteReceipt) => profile.getState().takeReceipt(receipt);
  const onCreated = (leadId: string | null) => {
    if (leadId === null) return;
    ui.getState().setTab('leads');
    void profile.getState().open(leadId);
  };
  const actions: PageActions = {
    newLead: commands.newLead,
    editLead: commands.editLead,
    closeProfile: () => profile.getState().close(),
    openLead: (id) => {
      ui.getState().setTab('leads');
      void profile.getState().open(id);
    },
  };

  return (
    <Tabs
      value={tab}
      onChange={(value) => value && ui.getState().setTab(value)}
      keepMounted={false}
      variant="pills"
      h={FULL_HEIGHT}
      style={{ display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-sm)', minHeight: 360 }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Tabs.List aria-label="Workspace pages">
          {WORKSPACE_PAGES.map((page) => (
            <Tabs.Tab key={page.id} value={page.id}>
              {/* The badge inside the label: a tab whose badge shows nothing takes no room for it. */}
              <Group gap={6} wrap="nowrap" component="span">
                {page.label}
                {page.badge && (
                  <Suspense fallback={null}>
                    <page.badge />
                  </Suspense>
                )}
              </Group>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Group gap="xs" wrap="nowrap">
        <RunningJobsIndicator />
        <Tooltip label="All commands and shortcuts">
          <Button variant="default" size="xs" onClick={palette.open} rightSection={<Kbd size="xs">{PALETTE_SHORTCUT}</Kbd>} aria-label="Command palette">
            Commands
          </Button>
        </Tooltip>
        </Group>
      </Group>
      {WORKSPACE_PAGES.map((page) => (
        <Tabs.Panel key={page.id} value={page.id} style={{ flex: 1, minHeight: 0 }}>
          <Suspense fallback={<PageLoading label={page.label} />}>
            <page.component {...actions} />
          </Suspense>
        </Tabs.Panel>
      ))}
      <CreateLeadModal onCreated={onCreated} />
      <EditLeadModal onSaved={onSaved} />
      <CommandPalette commands={commands} pages={WORKSPACE_PAGES} />
    </Tabs>
  );
}

function PageLoading({ label }: { label: string }) {
  return (
    <Center py="xl">
      <Loader aria-label={`Loading ${label}`} />
    </Center>
  );
}
