// The app frame: header (name, account, theme), the screen for the current state, and the status bar.
import { AppShell, Button, Center, Container, Group, Loader, Stack, Title } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { ErrorAlert } from './components/error-alert';
import { ConnectScreen } from './features/accounts/connect-screen';
import { AccountSummary } from './features/session/account-summary';
import { WelcomeScreen } from './features/session/welcome-screen';
import { StatusBar } from './features/status-bar/status-bar';
import { ThemeToggle } from './features/theme/theme-toggle';
import { useAccounts, useSession, useStores } from './stores/stores-context';

// The workspace (and every page in it) loads after the first screen: the welcome / connect screens stay small.
const Workspace = lazy(async () => ({ default: (await import('./workspace/workspace')).Workspace }));

export function App() {
  const stores = useStores();
  useEffect(() => stores.start(), [stores]);

  return (
    <AppShell header={{ height: 56 }} footer={{ height: 32 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={1} size="h3">
            Lead Desk
          </Title>
          <Group gap="md" wrap="nowrap">
            <AccountSummary />
            <ThemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <CurrentScreen />
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar />
      </AppShell.Footer>
    </AppShell>
  );
}

function CurrentScreen() {
  const phase = useSession((state) => state.phase);
  const accountId = useSession((state) => state.status?.account?.id ?? null);
  const connectFormOpen = useAccounts((state) => state.form !== null);
  const loadError = useSession((state) => state.loadError);
  const refresh = useSession((state) => state.refresh);

  if (phase === 'loading') {
    return (
      <Center py="xl">
        <Loader aria-label="Loading Lead Desk" />
      </Center>
    );
  }
  if (phase === 'failed' && loadError) {
    return (
      <Container size="sm" py="xl">
        <Stack>
          <ErrorAlert error={loadError} title="Lead Desk could not read its state" />
          <div>
            <Button variant="default" onClick={() => void refresh()}>
              Retry
            </Button>
          </div>
        </Stack>
      </Container>
    );
  }
  if (connectFormOpen) return <ConnectScreen />;
  // Keyed by account: nothing typed or shown for one account survives a switch to another.
  if (accountId === null) return <WelcomeScreen />;
  return (
    <Suspense fallback={<Center py="xl"><Loader aria-label="Loading the workspace" /></Center>}>
      <Workspace key={accountId} accountId={accountId} />
    </Suspense>
  );
}
