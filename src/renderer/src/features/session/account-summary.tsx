// Header part: the account switcher on the connected account's name, with Sandbox and Test Mode badges.
import { Badge, Group } from '@mantine/core';
import { useSession } from '../../stores/stores-context';
import { AccountMenu } from '../accounts/account-menu';
import { TestModeBadge } from '../accounts/test-mode-badge';

export function AccountSummary() {
  const account = useSession((state) => state.status?.account ?? null);
  // Not connected: the switcher alone (it hides itself when no account is known yet).
  if (!account) return <AccountMenu />;
  return (
    <Group gap="xs" wrap="nowrap" aria-label="Connected account" role="group">
      <AccountMenu />
      {account.kind === 'sandbox' && (
        <Badge color="grape" variant="light">
          Sandbox
        </Badge>
      )}
      {account.credentials === 'session' && (
        <Badge color="gray" variant="light" title="No system keychain: Lead Desk forgets the credentials when it quits">
          this session only
        </Badge>
      )}
      {account.testMode && <TestModeBadge />}
    </Group>
  );
}
