// Light/dark switch; the choice is remembered (theme.ts), and until one is made the OS preference applies.
import { ActionIcon, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { MoonIcon, SunIcon } from '../../components/icons';

export function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true });
  const dark = computed === 'dark';
  const hint = dark ? 'Switch to light theme' : 'Switch to dark theme';
  return (
    <Tooltip label={hint}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label="Dark theme"
        aria-pressed={dark}
        title={hint}
        onClick={() => setColorScheme(dark ? 'light' : 'dark')}
      >
        {dark ? <SunIcon /> : <MoonIcon />}
      </ActionIcon>
    </Tooltip>
  );
}
