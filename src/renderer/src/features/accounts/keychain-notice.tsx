// A discreet warning that this computer has no usable system keychain, so credentials last one session only.
import { Group, Text } from '@mantine/core';
import type { KeychainStatus } from '../../../../shared/domain/account';
import { KeyIcon } from '../../components/icons';

export function KeychainNotice({ keychain }: { keychain: KeychainStatus | null | undefined }) {
  if (!keychain || keychain.available) return null;
  return (
    // A note, not an alert: nothing failed yet, and role="alert" stays reserved for real failures.
    <Group gap={6} wrap="nowrap" align="flex-start" role="note" aria-label="Keychain" data-testid="keychain-notice">
      <Text c="orange" component="span" lh={1} mt={2}>
        <KeyIcon size={14} />
      </Text>
      <Text size="xs" c="dimmed">
        No system keychain on this computer: credentials can be kept for this session only
        {keychain.problem ? ` (${keychain.problem})` : ''}.
      </Text>
    </Group>
  );
}
