// Settings → Data and logs: where the database and the logs live; "Open folder" in the desktop app, the path
// to copy in browser mode (a web page cannot open the file manager).
import { Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import type { Folder } from '../../../../shared/ipc/contract/settings';
import { unwrap } from '../../api/unwrap';
import { useWorkspace } from '../leads/workspace-context';
import type { SettingsData } from './use-settings';

export function FoldersSection({ data }: { data: SettingsData }) {
  const { api } = useWorkspace();
  const view = data.view;
  if (!view) return null;
  const open = (folder: Folder) => void data.run(() => unwrap(api.settings.openFolder({ folder })));
  return (
    <Stack gap="xs" component="section" aria-labelledby="settings-folders">
      <Title order={3} size="h4" id="settings-folders">
        Data and logs
      </Title>
      <FolderRow label="Data folder" path={view.folders.data} canOpen={view.canOpenFolders} onOpen={() => open('data')} />
      {view.folders.logs ? (
        <FolderRow label="Logs" path={view.folders.logs} canOpen={view.canOpenFolders} onOpen={() => open('logs')} />
      ) : (
        <Text size="sm">
          <b>Logs</b> are written to the terminal that started Lead Desk in browser mode.
        </Text>
      )}
      {!view.canOpenFolders && (
        <Text size="xs" c="dimmed">
          In browser mode the page cannot open your file manager: copy a path into it.
        </Text>
      )}
    </Stack>
  );
}

function FolderRow({ label, path, canOpen, onOpen }: { label: string; path: string; canOpen: boolean; onOpen(): void }) {
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <Text size="sm" fw={600} w={100} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Code style={{ overflowWrap: 'anywhere', flex: 1 }} aria-label={`${label} path`}>
        {path}
      </Code>
      {canOpen && (
        <Button size="xs" variant="default" onClick={onOpen} aria-label={`Open the ${label.toLowerCase()} folder`}>
          Open folder
        </Button>
      )}
    </Group>
  );
}
