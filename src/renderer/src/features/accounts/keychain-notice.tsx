// A discreet note that this computer has no usable system keychain, so credentials last one session only: one plain
// sentence with what to do (the technical reason stays in the log).
import { Group, Text } from '@mantine/core';
import type { KeychainStatus } from '../../../../shared/domain/account';
import { KeyIcon } from '../../components/icons';

export const NO_KEYCHAIN_SENTENCE =
  'No system keychain on this computer: Lead Desk can keep your API key and password only until it quits. To keep them, install or unlock a keychain (GNOME Keyring or KWallet on Linux) and restart Lead Desk.';

export function KeychainNotice({ keychain }: { keychain: KeychainStatus | null | undefined }) {
  if (!keychain || keychain.available) return null;
  return (
    // A note, not an alert: nothing failed yet, and role="alert" stays reserved for real failures.
    <Group gap={6} wrap="nowrap" align="flex-start" role="note" aria-label="Keychain" data-testid="keychain-notice">
      <Text c="orange" component="span" lh={1} mt={2}>
        <KeyIcon size={14} />
      </Text>
      <Text size="xs" c="dimmed">
        {NO_KEYCHAIN_SENTENCE}
      </Text>
    </Group>
  );
}
