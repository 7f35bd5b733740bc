// The connect form's fields: their checks before sending, and which field an error from the core concerns.
import { hostToConfirm, isLoopbackHost } from '../../../../shared/domain/api-address';
import type { AppErrorData } from '../../api/unwrap';

export const KARTRA_API_URL_DEFAULT = 'https://app.kartra.com/api';

export interface ConnectValues {
  label: string;
  apiKey: string;
  apiPassword: string;
  appId: string;
  apiUrl: string;
}

export type ConnectField = keyof ConnectValues;

const FIELDS: readonly ConnectField[] = ['label', 'apiKey', 'apiPassword', 'appId', 'apiUrl'];

/** Kartra's auth error types (kartra-api.md §4) and the field the user has to fix; the rest are general. */
const KARTRA_TYPE_FIELD: Readonly<Record<string, ConnectField>> = {
  '201': 'apiUrl',
  '202': 'apiKey',
  '203': 'apiKey',
  '233': 'apiPassword',
  '238': 'appId',
  '239': 'appId',
  '240': 'appId',
};

/** The short note under a highlighted field; the alert above the form carries the full explanation. */
export const FIELD_HINTS: Readonly<Record<ConnectField, string>> = {
  label: 'Check the account name',
  apiKey: 'Check the API key',
  apiPassword: 'Check the API password',
  appId: 'Check the App ID',
  apiUrl: 'Check the API address',
};

/** Which field an error from accounts.connect is about, or null when it concerns the whole connection. */
export function fieldOfError(error: AppErrorData): ConnectField | null {
  const details = error.details;
  if (error.code === 'auth_failed') return details?.kartraType ? (KARTRA_TYPE_FIELD[details.kartraType] ?? null) : null;
  const field = details?.field;
  return field !== undefined && (FIELDS as readonly string[]).includes(field) ? (field as ConnectField) : null;
}

// The core's own rule (shared), so the user hears it before anything is sent.
export { hostToConfirm, isLoopbackHost };

export function checkApiUrl(value: string): string | null {
  const text = value.trim();
  if (text === '') return 'Enter the API address';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `Enter a full address, like ${KARTRA_API_URL_DEFAULT}`;
  }
  if (url.username || url.password) return 'The address must not contain a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    return isLoopbackHost(url.hostname) ? null : 'Use https:// — plain http is only for the sandbox or a test server on this computer';
  }
  return 'The address must start with https://';
}

const required = (what: string) => (value: string) => (value.trim() === '' ? `Enter the ${what}` : null);

/** Field-level rules for @mantine/form: nothing is sent while one of them fails. */
export const connectRules: { [K in ConnectField]: (value: string) => string | null } = {
  label: (value) => required('account name')(value) ?? (value.trim().length > 80 ? 'Keep the name under 80 characters' : null),
  apiKey: required('API key'),
  apiPassword: required('API password'),
  appId: required('App ID'),
  apiUrl: checkApiUrl,
};

/** Trimmed values as the core expects them (it trims too; trimming here keeps what is shown and sent equal). */
export function cleanValues(values: ConnectValues): ConnectValues {
  return {
    label: values.label.trim(),
    apiKey: values.apiKey.trim(),
    apiPassword: values.apiPassword.trim(),
    appId: values.appId.trim(),
    apiUrl: values.apiUrl.trim(),
  };
}
