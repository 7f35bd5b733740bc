// "Rename…": a modal to give an account another name (only Lead Desk's name for it; Kartra is not changed).
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { AccountInfo } from '../../../../shared/domain/account';
import type { AppErrorData } from '../../api/unwrap';
import { ErrorAlert } from '../../components/error-alert';
import { useNotify } from '../../components/use-notify';
import { useAccounts } from '../../stores/stores-context';
import { connectRules } from './connect-fields';

export function RenameAccountModal({ account, onClose }: { account: AccountInfo | null; onClose: () => void }) {
  return (
    <Modal opened={account !== null} onClose={onClose} title="Rename account" centered>
      {/* Keyed by account: the field starts from that account's name each time. */}
      {account && <RenameForm key={account.id} account={account} onClose={onClose} />}
    </Modal>
  );
}

function RenameForm({ account, onClose }: { account: AccountInfo; onClose: () => void }) {
  const rename = useAccounts((state) => state.rename);
  const notify = useNotify();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { label: account.label }, validate: { label: connectRules.label } });

  const submit = form.onSubmit(async ({ label }) => {
    if (label.trim() === account.label) return onClose();
    setSaving(true);
    setError(null);
    const outcome = await rename(account.id, label);
    setSaving(false);
    if (!outcome.ok) return setError(outcome.error);
    notify('success', 'Account renamed', `“${account.label}” is now “${outcome.value.label}”.`);
    onClose();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Account name" data-autofocus withAsterisk autoComplete="off" {...form.getInputProps('label')} />
        {error && <ErrorAlert error={error} title="Could not rename the account" />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
