// First screen when no account is connected: what Lead Desk is, the connect form, and a one-click sandbox.
import { Button, Container, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert';
import { useAccounts, useSession } from '../../stores/stores-context';
import { ConnectPanel } from '../accounts/connect-panel';

export function WelcomeScreen() {
  const connecting = useSession((state) => state.connecting);
  const connectError = useSession((state) => state.connectError);
  const connectSandbox = useSession((state) => state.connectSandbox);
  // After a restart, the last account may be known but without credentials (kept for one session only):
  // the form then asks for that account's credentials instead of adding a new one.
  const reconnect = useAccounts((state) => {
    const current = state.accounts.find((account) => account.id === state.currentId);
    return current?.kind === 'kartra' && current.credentials === 'missing' ? current : null;
  });

  return (
    // Compact: the connect form's button must be in sight without scrolling, down to a 1024×700 window.
    <Container size="lg" py="md">
      <Stack gap="md">
        <Title order={1} size="h2">
          Welcome to Lead Desk
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Paper withBorder p="md" radius="md">
            <ConnectPanel target={reconnect} />
          </Paper>
          <Stack gap="md">
            <Text>
              Lead Desk manages the leads of a Kartra account from your desktop: find a lead by email or id, see its tags
              and lists, and change them.
            </Text>
            <List spacing="xs">
              <List.Item>Changes are saved on this computer first, so nothing is lost when the network drops.</List.Item>
              <List.Item>Requests respect Kartra’s rate limit; the status bar shows it live.</List.Item>
              <List.Item>Your API credentials stay in the system keychain.</List.Item>
            </List>
            <Text c="dimmed">
              Not ready to connect your account? The sandbox is a local, Kartra-compatible server with demo leads —
              nothing leaves this computer.
            </Text>
            <div>
              <Button size="lg" variant="light" loading={connecting} onClick={() => void connectSandbox()}>
                Try the sandbox
              </Button>
            </div>
            {connecting && (
              <Text size="sm" c="dimmed" role="status">
                Starting the sandbox…
              </Text>
            )}
            {connectError && <ErrorAlert error={connectError} title="Could not start the sandbox" />}
          </Stack>
        </SimpleGrid>
      </Stack>
    </Container>
  );
}
