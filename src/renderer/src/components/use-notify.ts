// Toasts through the app's own notifications store (see app-stores.ts).
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useStores } from '../stores/stores-context';

export type NotifyKind = 'success' | 'error' | 'info';

const COLORS: Record<NotifyKind, string> = { success: 'teal', error: 'red', info: 'indigo' };

export function useNotify() {
  const store = useStores().notifications;
  return useCallback(
    (kind: NotifyKind, title: string, message: string) => {
      notifications.show(
        {
          title,
          message,
          color: COLORS[kind],
          autoClose: kind === 'error' ? 8000 : 4000,
          // A polite status, not role="alert": the inline Alert near the control already is the alert,
          // and one alert per failure keeps screen readers (and getByRole('alert')) unambiguous.
          role: 'status',
          'data-notify-kind': kind,
        },
        store,
      );
    },
    [store],
  );
}
