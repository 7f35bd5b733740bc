// First screen when no account is connected: what Lead Desk is, and a one-click sandbox to try it.
import { Button, Container, List, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert';
import { useSession } from '../../stores/stores-context';

export function WelcomeScreen() {
  const connecting = useSession((state) => state.connecting);
  const connectError = useSession((state) => state.connectError);
  const connectSandbox = useSession((state) => state.connectSandbox);

  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <Title order={1}>Welcome to Lead Desk</Title>
        <Text size="lg">
          Lead Desk manages the leads of a Kartra account from your desktop: find a lead by email or id, see its tags
          and lists, and change them.
        </Text>
        <List spacing="xs">
          <List.Item>Changes are saved on this computer first, so nothing is lost when the network drops.</List.Item>
          <List.Item>Requests respect Kartra’s rate limit; the status bar shows it live.</List.Item>
          <List.Item>Your API credentials stay in the system keychain.</List.Item>
        </List>
        <Text c="dimmed">
          Not ready to connect your account? The sandbox is a local, Kartra-compatible server with demo leads — nothing
          leaves this computer.
        </Text>
        <div>
          <Button size="lg" loading={connecting} onClick={() => void connectSandbox()}>
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
    </Container>
  );
}
