// Switching to another account, as the account menu and the command palette do it: an account without its
// credentials opens the connect form for it; a refused switch says why.
import { useCallback } from 'react';
import type { AccountInfo } from '../../../../shared/domain/account';
import { useNotify } from '../../components/use-notify';
import { useAccounts, useSession } from '../../stores/stores-context';

export function useSwitchAccount(): (account: AccountInfo) => Promise<void> {
  const connectedId = useSession((state) => state.status?.account?.id ?? null);
  const openForm = useAccounts((state) => state.openForm);
  const switchTo = useAccounts((state) => state.switchTo);
  const notify = useNotify();
  return useCallback(
    async (account: AccountInfo) => {
      if (account.id === connectedId) return;
      if (account.credentials === 'missing') return openForm(account.id);
      const outcome = await switchTo(account.id);
      if (outcome.ok) return;
      notify('error', `Could not switch to ${account.label}`, outcome.error.message);
      if (outcome.error.code === 'not_connected') openForm(account.id);
    },
    [connectedId, openForm, switchTo, notify],
  );
}
