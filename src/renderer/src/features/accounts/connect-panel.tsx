// The connect screen's content: what to enter and where Kartra shows it, keychain and GDPR notes, and the form.
import { Stack, Text, Title } from '@mantine/core';
import type { AccountInfo } from '../../../../shared/domain/account';
import { useAccounts, useSession } from '../../stores/stores-context';
import { ConnectForm } from './connect-form';
import { GdprNotice } from './gdpr-notice';
import { KeychainNotice } from './keychain-notice';

export interface ConnectPanelProps {
  /** An existing account whose credentials must be entered again; null = a new account. */
  target: AccountInfo | null;
  onCancel?: () => void;
  /** Heading level: 2 inside the welcome screen, 1 when the panel is the whole screen. */
  order?: 1 | 2;
}

export function ConnectPanel({ target, onCancel, order = 2 }: ConnectPanelProps) {
  const defaultAppId = useSession((state) => state.status?.defaultAppId ?? null);
  const keychain = useSession((state) => state.status?.keychain ?? null);
  // Once the form's own "No system keychain" offer shows, the note would say the same thing a second time.
  const offerShown = useAccounts((state) => state.connectError?.code === 'keychain_unavailable');

  return (
    <Stack gap="sm">
      <Title order={order} size="h3">
        {target ? `Reconnect “${target.label}”` : 'Connect your Kartra account'}
      </Title>
      {target && (
        <Text size="sm">
          Lead Desk no longer has the API key and password of this account (they were kept for one session only, or
          removed from the keychain). Enter them again to reconnect it.
        </Text>
      )}
      <Text size="sm" c="dimmed">
        Your API key and password are in Kartra under <b>My Integrations → API</b>. Lead Desk checks them with one call
        and keeps them in the system keychain — never in a file.
      </Text>
      {/* A new key per target: a form for one account must not carry another's typed values. */}
      <ConnectForm key={target?.id ?? 'new'} target={target} defaultAppId={defaultAppId} {...(onCancel ? { onCancel } : {})} />
      {/* Below the form, so its Connect button stays in sight in a small window. */}
      {!offerShown && <KeychainNotice keychain={keychain} />}
      <GdprNotice variant="inline" />
    </Stack>
  );
}
