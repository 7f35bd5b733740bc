// Everything the view needs around it: Mantine (theme, color scheme), notifications and the stores.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import type { AppStores } from './stores/app-stores';
import { StoresProvider } from './stores/stores-context';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme';

export interface AppProvidersProps {
  stores: AppStores;
  children: ReactNode;
  /** 'test' turns off Mantine's transitions and portals (component tests). */
  env?: 'default' | 'test';
}

export function AppProviders({ stores, children, env = 'default' }: AppProvidersProps) {
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto" env={env}>
      <Notifications store={stores.notifications} position="bottom-right" limit={4} />
      <StoresProvider stores={stores}>{children}</StoresProvider>
    </MantineProvider>
  );
}
