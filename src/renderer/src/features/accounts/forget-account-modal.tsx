// "Forget…": removes an account's API key and password from this computer, optionally with its local data.
import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { AccountInfo } from '../../../../shared/domain/account';
import type { AppErrorData } from '../../api/unwrap';
import { ErrorAlert } from '../../components/error-alert';
import { useNotify } from '../../components/use-notify';
import { useAccounts } from '../../stores/stores-context';

export const DELETE_LOCAL_DATA_LABEL = 'Also delete this account’s local data (cached leads, queued changes, imports)';

export function ForgetAccountModal({ account, onClose }: { account: AccountInfo | null; onClose: () => void }) {
  return (
    <Modal opened={account !== null} onClose={onClose} title="Forget account" centered>
      {account && <ForgetForm key={account.id} account={account} onClose={onClose} />}
    </Modal>
  );
}

function ForgetForm({ account, onClose }: { account: AccountInfo; onClose: () => void }) {
  const forget = useAccounts((state) => state.forget);
  const notify = useNotify();
  const [deleteLocalData, setDeleteLocalData] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const sandbox = account.kind === 'sandbox';

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const outcome = await forget(account.id, sandbox || deleteLocalData);
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    notify('success', 'Account forgotten', `Lead Desk forgot “${account.label}”.`);
    onClose();
  };

  return (
    <Stack gap="sm">
      {sandbox ? (
        <Text size="sm">
          “{account.label}” is removed from the list. The sandbox’s demo data stays on this computer; “Try the sandbox”
          brings the account back.
        </Text>
      ) : (
        <>
          <Text size="sm">
            Lead Desk removes the API key and password of “{account.label}” from the system keychain (and from this
            session’s memory) and disconnects it. To use the account again, you enter them again.
          </Text>
          <Text size="sm" c="dimmed">
            Nothing changes in Kartra: no lead is deleted there.
          </Text>
          <Checkbox
            label={DELETE_LOCAL_DATA_LABEL}
            checked={deleteLocalData}
            onChange={(event) => setDeleteLocalData(event.currentTarget.checked)}
          />
          {deleteLocalData && (
            <Text size="sm" c="orange">
              The account leaves the list too, and changes still waiting to reach Kartra are lost.
            </Text>
          )}
        </>
      )}
      {error && <ErrorAlert error={error} title="Could not forget the account" />}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button color="red" loading={busy} onClick={() => void confirm()}>
          Forget account
        </Button>
      </Group>
    </Stack>
  );
}
