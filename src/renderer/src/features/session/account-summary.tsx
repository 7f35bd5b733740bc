// Header part naming the connected account, with badges saying it is the sandbox or in test mode.
import { Badge, Group, Text } from '@mantine/core';
import { useSession } from '../../stores/stores-context';

export function AccountSummary() {
  const account = useSession((state) => state.status?.account ?? null);
  if (!account) return null;
  return (
    <Group gap="xs" wrap="nowrap" aria-label="Connected account" role="group">
      <Text size="sm" fw={500} truncate="end" maw={260} title={account.label}>
        {account.label}
      </Text>
      {account.kind === 'sandbox' && (
        <Badge color="grape" variant="light">
          Sandbox
        </Badge>
      )}
      {account.testMode && (
        <Badge color="orange" variant="light">
          Test Mode
        </Badge>
      )}
    </Group>
  );
}
