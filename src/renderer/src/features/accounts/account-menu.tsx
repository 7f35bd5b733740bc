// Header account switcher: every known account (with its state), "Add account…", "Rename…" and "Forget…".
import { Badge, Button, Group, Menu, Text, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { KARTRA_API_URL, type AccountInfo } from '../../../../shared/domain/account';
import { CheckIcon, ChevronDownIcon } from '../../components/icons';
import { useNotify } from '../../components/use-notify';
import { useAccounts, useSession } from '../../stores/stores-context';
import { ForgetAccountModal } from './forget-account-modal';
import { RenameAccountModal } from './rename-account-modal';

/** The markers shown beside an account's name, also read out as its description. */
export function accountMarkers(account: AccountInfo): string[] {
  const markers: string[] = [];
  if (account.kind === 'sandbox') markers.push('Sandbox');
  if (account.credentials === 'missing') markers.push('needs credentials');
  if (account.credentials === 'session') markers.push('this session only');
  return markers;
}

/** "API: host/path" for an account whose API address is not Kartra's own, else null. */
export function nonDefaultAddress(account: AccountInfo): string | null {
  if (account.kind !== 'kartra' || account.apiUrl === KARTRA_API_URL) return null;
  try {
    const url = new URL(account.apiUrl);
    return `API: ${url.protocol === 'https:' ? '' : 'http://'}${url.host}${url.pathname === '/api' ? '' : url.pathname}`;
  } catch {
    return `API: ${account.apiUrl}`;
  }
}

export function AccountMenu() {
  const connected = useSession((state) => state.status?.account ?? null);
  const keychain = useSession((state) => state.status?.keychain ?? null);
  const accounts = useAccounts((state) => state.accounts);
  const currentId = useAccounts((state) => state.currentId);
  const loadError = useAccounts((state) => state.loadError);
  const load = useAccounts((state) => state.load);
  const openForm = useAccounts((state) => state.openForm);
  const switchTo = useAccounts((state) => state.switchTo);
  const notify = useNotify();
  const [dialog, setDialog] = useState<{ kind: 'rename' | 'forget'; account: AccountInfo } | null>(null);

  // Rename and Forget act on the connected account, else on the one marked current (e.g. needing credentials).
  const subject = connected ?? accounts.find((account) => account.id === currentId) ?? null;
  if (!connected && accounts.length === 0) return null;

  const choose = async (account: AccountInfo) => {
    if (account.id === connected?.id) return;
    if (account.credentials === 'missing') return openForm(account.id);
    const outcome = await switchTo(account.id);
    if (outcome.ok) return;
    notify('error', `Could not switch to ${account.label}`, outcome.error.message);
    if (outcome.error.code === 'not_connected') openForm(account.id);
  };

  return (
    <>
      <Menu position="bottom-end" width={320} onOpen={() => void load()}>
        <Menu.Target>
          <Button variant="subtle" color="gray" aria-label="Accounts" rightSection={<ChevronDownIcon size={14} />} maw={280}>
            <Text size="sm" fw={500} truncate="end" title={connected?.label}>
              {connected?.label ?? 'Accounts'}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown aria-label="Accounts">
          <Menu.Label>Accounts</Menu.Label>
          {accounts.map((account) => (
            <AccountItem key={account.id} account={account} current={account.id === connected?.id} onChoose={choose} />
          ))}
          {loadError && (
            <Text size="xs" c="red" px="sm" py={4}>
              Could not refresh the list: {loadError.message}
            </Text>
          )}
          {keychain && !keychain.available && (
            <Text size="xs" c="dimmed" px="sm" py={4} role="note">
              No system keychain: credentials are kept for this session only on this computer
              {keychain.problem ? ` (${keychain.problem})` : ''}.
            </Text>
          )}
          <Menu.Divider />
          <Menu.Item onClick={() => openForm(null)}>Add account…</Menu.Item>
          {subject && (
            <>
              <Menu.Item onClick={() => setDialog({ kind: 'rename', account: subject })}>Rename…</Menu.Item>
              <Menu.Item color="red" onClick={() => setDialog({ kind: 'forget', account: subject })}>
                Forget…
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <RenameAccountModal account={dialog?.kind === 'rename' ? dialog.account : null} onClose={() => setDialog(null)} />
      <ForgetAccountModal account={dialog?.kind === 'forget' ? dialog.account : null} onClose={() => setDialog(null)} />
    </>
  );
}

interface AccountItemProps {
  account: AccountInfo;
  current: boolean;
  onChoose: (account: AccountInfo) => Promise<void> | void;
}

function AccountItem({ account, current, onChoose }: AccountItemProps) {
  const markers = accountMarkers(account);
  const address = nonDefaultAddress(account);
  const describedBy = useId();
  return (
    <Menu.Item
      // The item's name is the account's label; its markers are its description.
      aria-label={account.label}
      aria-current={current ? 'true' : undefined}
      {...(markers.length > 0 || current || address ? { 'aria-describedby': `${describedBy}${address ? ` ${describedBy}-address` : ''}` } : {})}
      data-account-id={account.id}
      leftSection={current ? <CheckIcon size={14} /> : <span style={{ display: 'inline-block', width: 14 }} />}
      onClick={() => void onChoose(account)}
    >
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Text size="sm" truncate="end" fw={current ? 600 : undefined}>
          {account.label}
        </Text>
        <Group gap={4} wrap="nowrap" id={describedBy}>
          {current && <VisuallyHidden>current</VisuallyHidden>}
          {markers.map((marker) => (
            <Badge key={marker} size="xs" variant="light" color={marker === 'Sandbox' ? 'grape' : marker === 'needs credentials' ? 'red' : 'gray'}>
              {marker}
            </Badge>
          ))}
        </Group>
      </Group>
      {address && (
        // Not Kartra's own address: always in sight, so a redirected account cannot go unnoticed.
        <Text id={`${describedBy}-address`} size="xs" c="orange.8" truncate="end" title={account.apiUrl}>
          {address}
        </Text>
      )}
    </Menu.Item>
  );
}
