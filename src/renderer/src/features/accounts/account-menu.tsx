// Header account switcher: every known account with its colour, state and pending changes, a search field for
// agencies with many clients, "Add account…", "Update API key and password…", "Rename…" and "Forget…".
import { Badge, Button, ColorSwatch, Group, Menu, Text, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { KARTRA_API_URL, type AccountInfo } from '../../../../shared/domain/account';
import { CheckIcon, ChevronDownIcon, SearchIcon } from '../../components/icons';
import { useAccounts, useSession } from '../../stores/stores-context';
import { accountColor } from './account-color';
import { ForgetAccountModal } from './forget-account-modal';
import { RenameAccountModal } from './rename-account-modal';
import { useSwitchAccount } from './use-switch-account';

/** Above this many accounts the menu offers a search field. */
export const SEARCH_FROM = 3;

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

/** Every word typed must start a word of the account's name (or its App ID). */
export function matchesAccount(account: AccountInfo, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = `${account.label} ${account.appId}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function AccountMenu() {
  const connected = useSession((state) => state.status?.account ?? null);
  const online = useSession((state) => state.status?.online ?? true);
  const accounts = useAccounts((state) => state.accounts);
  const pending = useAccounts((state) => state.pending);
  const currentId = useAccounts((state) => state.currentId);
  const loadError = useAccounts((state) => state.loadError);
  const load = useAccounts((state) => state.load);
  const openForm = useAccounts((state) => state.openForm);
  const choose = useSwitchAccount();
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<{ kind: 'rename' | 'forget'; account: AccountInfo } | null>(null);

  // Rename and Forget act on the connected account, else on the one marked current (e.g. needing credentials).
  const subject = connected ?? accounts.find((account) => account.id === currentId) ?? null;
  if (!connected && accounts.length === 0) return null;
  const shown = accounts.filter((account) => matchesAccount(account, query));
  const searchable = accounts.length > SEARCH_FROM;

  return (
    <>
      <Menu
        position="bottom-end"
        width={400}
        onOpen={() => void load()}
        onClose={() => setQuery('')}
        // Its focus placeholder is a role="presentation" child, which a role="menu" may not hold (axe).
        withInitialFocusPlaceholder={false}
      >
        <Menu.Target>
          <Button
            variant="subtle"
            color="gray"
            aria-label="Accounts"
            leftSection={connected ? <ColorSwatch size={12} color={`var(--mantine-color-${accountColor(connected.label)}-6)`} withShadow={false} aria-hidden /> : undefined}
            rightSection={<ChevronDownIcon size={14} />}
            maw={420}
          >
            {/* The full name on hover: a long agency client's name is never lost to the ellipsis. */}
            <Text size="sm" fw={500} truncate="end" title={connected?.label}>
              {connected?.label ?? 'Accounts'}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown aria-label="Accounts">
          {searchable && (
            // Mantine's menu search: typing filters, arrow keys still move through the accounts.
            <Menu.Search
              placeholder="Find an account"
              aria-label="Find an account"
              leftSection={<SearchIcon size={14} />}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
            />
          )}
          <Menu.Label>Accounts</Menu.Label>
          <div style={{ maxHeight: 360, overflowY: 'auto' }}>
            {shown.map((account) => (
              <AccountItem
                key={account.id}
                account={account}
                current={account.id === connected?.id}
                online={online}
                pending={pending[account.id] ?? 0}
                onChoose={choose}
              />
            ))}
          </div>
          {shown.length === 0 && (
            <Text size="sm" c="dimmed" px="sm" py={4}>
              No account matches “{query}”.
            </Text>
          )}
          {loadError && (
            <Text size="xs" c="red" px="sm" py={4}>
              Could not refresh the list: {loadError.message}
            </Text>
          )}
          <Menu.Divider />
          <Menu.Item onClick={() => openForm(null)}>Add account…</Menu.Item>
          {subject && (
            <>
              {subject.kind === 'kartra' && <Menu.Item onClick={() => openForm(subject.id)}>Update API key and password…</Menu.Item>}
              <Menu.Item onClick={() => setDialog({ kind: 'rename', account: subject })}>Rename…</Menu.Item>
              {/* Not red: red menu text misses WCAG AA contrast; the dialog says what Forget does. */}
              <Menu.Item onClick={() => setDialog({ kind: 'forget', account: subject })}>
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
  online: boolean;
  pending: number;
  onChoose: (account: AccountInfo) => Promise<void> | void;
}

function AccountItem({ account, current, online, pending, onChoose }: AccountItemProps) {
  const markers = accountMarkers(account);
  const address = nonDefaultAddress(account);
  const describedBy = useId();
  const color = accountColor(account.label);
  const state = current ? (online ? 'connected' : 'offline') : null;
  const described = markers.length > 0 || current || pending > 0 || address !== null;
  return (
    <Menu.Item
      // The item's name is the account's label; its state and markers are its description.
      aria-label={account.label}
      aria-current={current ? 'true' : undefined}
      {...(described ? { 'aria-describedby': `${describedBy}${address ? ` ${describedBy}-address` : ''}` } : {})}
      data-account-id={account.id}
      leftSection={
        <Group gap={6} wrap="nowrap">
          {current ? <CheckIcon size={14} /> : <span style={{ display: 'inline-block', width: 14 }} />}
          <ColorSwatch size={12} color={`var(--mantine-color-${color}-6)`} withShadow={false} aria-hidden />
        </Group>
      }
      onClick={() => void onChoose(account)}
    >
      <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
        {/* Wrapped, never cut: agency clients often differ only at the end of a long name. */}
        <Text size="sm" fw={current ? 600 : undefined} style={{ overflowWrap: 'anywhere' }}>
          {account.label}
        </Text>
        <Group gap={4} wrap="nowrap" id={describedBy} style={{ flexShrink: 0 }}>
          {current && <VisuallyHidden>current</VisuallyHidden>}
          {state && (
            <Badge size="xs" variant="dot" color={online ? 'teal' : 'gray'}>
              {state}
            </Badge>
          )}
          {pending > 0 && (
            <Badge size="xs" variant="light" color="orange" title={`${pending} change${pending === 1 ? '' : 's'} not yet confirmed by Kartra`}>
              {pending} pending
            </Badge>
          )}
          {markers.map((marker) => (
            <Badge key={marker} size="xs" variant="light" color={marker === 'Sandbox' ? 'grape' : marker === 'needs credentials' ? 'red' : 'gray'}>
              {marker}
            </Badge>
          ))}
        </Group>
      </Group>
      {address && (
        // Not Kartra's own address: always in sight, so a redirected account cannot go unnoticed.
        <Text id={`${describedBy}-address`} size="xs" c="orange.8" style={{ overflowWrap: 'anywhere' }} title={account.apiUrl}>
          {address}
        </Text>
      )}
    </Menu.Item>
  );
}
