// The connect form as a whole screen, opened from the account menu ("Add account…", an account needing credentials).
import { Container, Paper } from '@mantine/core';
import { useAccounts } from '../../stores/stores-context';
import { ConnectPanel } from './connect-panel';

export function ConnectScreen() {
  const form = useAccounts((state) => state.form);
  const target = useAccounts((state) => state.accounts.find((account) => account.id === form?.accountId) ?? null);
  const closeForm = useAccounts((state) => state.closeForm);
  return (
    <Container size="sm" py="md">
      <Paper withBorder p="md" radius="md">
        <ConnectPanel target={target} onCancel={closeForm} order={1} />
      </Paper>
    </Container>
  );
}
