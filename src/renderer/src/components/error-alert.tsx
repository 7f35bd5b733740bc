// Shows an error envelope plainly: its message, with a short title per error code.
import { Alert } from '@mantine/core';
import type { AppErrorData } from '../api/unwrap';
import { AlertIcon } from './icons';

const TITLES: Record<AppErrorData['code'], string> = {
  invalid_input: 'Check the input',
  not_connected: 'No account connected',
  auth_failed: 'Kartra refused the credentials',
  rate_limited: 'Kartra is limiting requests',
  offline: 'Offline',
  not_found: 'Not found',
  already_exists: 'Already exists',
  kartra_error: 'Kartra reported an error',
  conflict: 'Changed elsewhere',
  keychain_unavailable: 'Keychain unavailable',
  data_dir_in_use: 'Lead Desk is already open',
  blocked_by_kartra: "Kartra's firewall refused the request",
  internal: 'Something went wrong',
};

export function errorTitle(error: AppErrorData): string {
  return TITLES[error.code];
}

export interface ErrorAlertProps {
  error: AppErrorData;
  /** Overrides the per-code title, e.g. to say which action failed. */
  title?: string;
  onClose?: () => void;
}

export function ErrorAlert({ error, title, onClose }: ErrorAlertProps) {
  return (
    <Alert
      role="alert"
      color={error.code === 'offline' ? 'yellow' : 'red'}
      variant="light"
      title={title ?? errorTitle(error)}
      icon={<AlertIcon />}
      data-error-code={error.code}
      {...(onClose ? { withCloseButton: true, onClose, closeButtonLabel: 'Dismiss error' } : {})}
    >
      {error.message}
    </Alert>
  );
}
