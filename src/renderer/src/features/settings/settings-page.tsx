// The Settings page: import default, local cache, theme, keyboard shortcuts, and the data and logs folders.
import { Divider, ScrollArea, Stack, Title } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert';
import { useWorkspace } from '../leads/workspace-context';
import { CacheSection } from './cache-section';
import { FoldersSection } from './folders-section';
import { ImportDefaultSection, ThemeSection } from './preferences-section';
import { ShortcutsSection, type ShortcutEntry } from './shortcuts-section';
import { useSettings } from './use-settings';

export function SettingsPage({ shortcuts }: { shortcuts: readonly ShortcutEntry[] }) {
  const { api } = useWorkspace();
  const data = useSettings(api);
  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars>
      <Stack gap="lg" pb="md" maw={880}>
        <Title order={2} size="h3">
          Settings
        </Title>
        {data.error && <ErrorAlert error={data.error} />}
        <ImportDefaultSection data={data} />
        <Divider />
        <CacheSection data={data} />
        <Divider />
        <ThemeSection />
        <Divider />
        <ShortcutsSection shortcuts={shortcuts} />
        <Divider />
        <FoldersSection data={data} />
      </Stack>
    </ScrollArea>
  );
}
