// The connected workspace: pages (leads, account, outbox), the lead forms, the command palette and the
// keyboard shortcuts, over stores created for this account (see workspace-stores.ts).
import { Button, Group, Kbd, Tabs, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { WriteReceipt } from '../../../../shared/ipc/contract';
import { useStores } from '../../stores/stores-context';
import { AccountBrowser } from '../account-browser/account-browser';
import { CreateLeadModal } from '../lead-editor/create-lead-modal';
import { ImportDropZone } from '../import/drop-zone';
import { BulkProvider } from '../import/import-context';
import { HistoryPage } from '../history/history-page';
import { ImportPage } from '../import/import-page';
import { RunningJobsIndicator } from '../import/running-jobs-indicator';
import { EditLeadModal } from '../lead-editor/edit-lead-modal';
import { OutboxBadge, OutboxPage } from '../outbox-status/outbox-page';
import { CommandPalette, type PaletteCommands } from '../palette/command-palette';
import { useWorkspaceHotkeys } from '../palette/use-workspace-hotkeys';
import { RecipesPage } from '../recipes/recipes-page';
import { PALETTE_SHORTCUT } from './format';
import { LeadsPage } from './leads-page';
import { WorkspaceProvider, useWorkspace, useWorkspaceUi } from './workspace-context';
import { createWorkspaceStores } from './workspace-stores';
import { WORKSPACE_TABS, type WorkspaceTab } from './workspace-ui-store';

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

const TAB_LABELS: Record<WorkspaceTab, string> = { leads: 'Leads', account: 'Account', outbox: 'Outbox', history: 'History', import: 'Import', recipes: 'Recipes' };

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
  useWorkspaceHotkeys(commands);

  const onSaved = (receipt: WriteReceipt) => profile.getState().takeReceipt(receipt);
  const onCreated = (leadId: string | null) => {
    if (leadId === null) return;
    ui.getState().setTab('leads');
    void profile.getState().open(leadId);
  };
  const openLead = (id: string) => {
    ui.getState().setTab('leads');
    void profile.getState().open(id);
  };

  return (
    <Tabs
      value={tab}
      onChange={(value) => value && ui.getState().setTab(value as WorkspaceTab)}
      keepMounted={false}
      variant="pills"
      h={FULL_HEIGHT}
      style={{ display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-sm)', minHeight: 360 }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Tabs.List aria-label="Workspace pages">
          {WORKSPACE_TABS.map((t) => (
            <Tabs.Tab key={t} value={t} rightSection={t === 'outbox' ? <OutboxBadge /> : undefined}>
              {TAB_LABELS[t]}
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
      <Tabs.Panel value="leads" style={{ flex: 1, minHeight: 0 }}>
        <LeadsPage onNewLead={commands.newLead} onEdit={commands.editLead} onCloseProfile={() => profile.getState().close()} />
      </Tabs.Panel>
      <Tabs.Panel value="account" style={{ flex: 1, minHeight: 0 }}>
        <AccountBrowser />
      </Tabs.Panel>
      <Tabs.Panel value="outbox" style={{ flex: 1, minHeight: 0 }}>
        <OutboxPage onOpenLead={openLead} />
      </Tabs.Panel>
      <Tabs.Panel value="history" style={{ flex: 1, minHeight: 0 }}>
        <HistoryPage onOpenLead={openLead} />
      </Tabs.Panel>
      <Tabs.Panel value="import" style={{ flex: 1, minHeight: 0 }}>
        <ImportPage />
      </Tabs.Panel>
      <Tabs.Panel value="recipes" style={{ flex: 1, minHeight: 0 }}>
        <RecipesPage />
      </Tabs.Panel>
      <CreateLeadModal onCreated={onCreated} />
      <EditLeadModal onSaved={onSaved} />
      <CommandPalette commands={commands} />
    </Tabs>
  );
}
