// Settings → Imports and Theme: the import's default policy for leads Kartra already has (an import can still
// choose another), and light / dark / the system's choice.
import { Radio, SegmentedControl, Stack, Text, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { ExistingPolicy } from '../../../../shared/domain/import';
import type { SettingsData } from './use-settings';

const POLICY_LABELS: Record<ExistingPolicy, { label: string; description: string }> = {
  keep: { label: 'Keep', description: 'Leave existing leads’ details as they are; only tags, lists, sequences and points are added.' },
  fill: { label: 'Fill empty fields', description: 'Write the file’s values only where the lead has none (reads each existing lead once first).' },
  overwrite: { label: 'Overwrite', description: 'Write the file’s values over the lead’s details (each import asks you to confirm).' },
};

export function ImportDefaultSection({ data }: { data: SettingsData }) {
  const policy = data.view?.importPolicy;
  return (
    <Stack gap="xs" component="section" aria-labelledby="settings-import">
      <Title order={3} size="h4" id="settings-import">
        Imports
      </Title>
      <Radio.Group
        label="When a file’s lead already exists in Kartra"
        description="The default of every new import; the import’s Options step can still change it."
        value={policy ?? null}
        onChange={(value) => void data.save({ importPolicy: ExistingPolicy.parse(value) })}
      >
        <Stack gap={6} mt="xs">
          {ExistingPolicy.options.map((value) => (
            <Radio key={value} value={value} label={POLICY_LABELS[value].label} description={POLICY_LABELS[value].description} disabled={!policy} />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}

export function ThemeSection() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Stack gap="xs" component="section" aria-labelledby="settings-theme">
      <Title order={3} size="h4" id="settings-theme">
        Theme
      </Title>
      <SegmentedControl
        aria-labelledby="settings-theme"
        value={colorScheme}
        onChange={(value) => setColorScheme(value as MantineColorScheme)}
        data={[
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
          { value: 'auto', label: 'Same as the system' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <Text size="xs" c="dimmed">
        Remembered on this computer.
      </Text>
    </Stack>
  );
}
