// The sandbox's apps and accounts, and the credential checks every /api call passes first (kartra-api.md §1, §4).
import { say, type MessageKey, type Said } from './messages';
import type { AccountRow, CatalogStore } from './store/catalog-store';
import type { SandboxAccountCredentials } from './types';

export const SANDBOX_APP_ID = 'LDSANDBOX01';

/** Apps that reach the app-level error codes: 240, 242 and 262 (any other app_id → 239, none → 238). */
export const SANDBOX_APPS = {
  /** Active, every command allowed. */
  active: SANDBOX_APP_ID,
  /** The developer's account is inactive → 240. */
  inactive: 'LDSANDBOXOFF',
  /** IP allow-list excludes 127.0.0.1 → 242. */
  ipRestricted: 'LDSANDBOXIP',
  /** Only read commands allowed → 262 on any write. */
  readOnly: 'LDSANDBOXRO',
} as const;

interface SandboxApp {
  appId: string;
  developerActive: boolean;
  /** null = any IP. */
  allowedIps: string[] | null;
  readOnly: boolean;
}

const APPS: SandboxApp[] = [
  { appId: SANDBOX_APPS.active, developerActive: true, allowedIps: null, readOnly: false },
  { appId: SANDBOX_APPS.inactive, developerActive: false, allowedIps: null, readOnly: false },
  // 203.0.113.0/24 is a documentation range: the sandbox binds loopback only, so calls never come from it.
  { appId: SANDBOX_APPS.ipRestricted, developerActive: true, allowedIps: ['203.0.113.7'], readOnly: false },
  { appId: SANDBOX_APPS.readOnly, developerActive: true, allowedIps: null, readOnly: true },
];

export const DEMO_ACCOUNT: SandboxAccountCredentials = {
  label: 'Demo Store',
  appId: SANDBOX_APP_ID,
  apiKey: 'sandbox-demo-key',
  apiPassword: 'sandbox-demo-password',
};
export const AGENCY_ACCOUNT: SandboxAccountCredentials = {
  label: 'Agency Client',
  appId: SANDBOX_APP_ID,
  apiKey: 'sandbox-agency-key',
  apiPassword: 'sandbox-agency-password',
};
/** An App user whose Kartra account is inactive → 204. */
export const INACTIVE_ACCOUNT: SandboxAccountCredentials = {
  label: 'Closed Account',
  appId: SANDBOX_APP_ID,
  apiKey: 'sandbox-inactive-key',
  apiPassword: 'sandbox-inactive-password',
};

export const ACCOUNT_IDS = { demo: 1, agency: 2, inactive: 3 } as const;

/** The rows the accounts table always holds (re-asserted on every start, so credentials cannot drift). */
export const ACCOUNT_ROWS: AccountRow[] = [
  { id: ACCOUNT_IDS.demo, label: DEMO_ACCOUNT.label, api_key: DEMO_ACCOUNT.apiKey, api_password: DEMO_ACCOUNT.apiPassword, active: 1, gdpr_enabled: 1, page_host: 'demostore.kartra.com' },
  { id: ACCOUNT_IDS.agency, label: AGENCY_ACCOUNT.label, api_key: AGENCY_ACCOUNT.apiKey, api_password: AGENCY_ACCOUNT.apiPassword, active: 1, gdpr_enabled: 0, page_host: 'agencyclient.kartra.com' },
  { id: ACCOUNT_IDS.inactive, label: INACTIVE_ACCOUNT.label, api_key: INACTIVE_ACCOUNT.apiKey, api_password: INACTIVE_ACCOUNT.apiPassword, active: 0, gdpr_enabled: 0, page_host: 'closed.kartra.com' },
];

/** Commands an app allowed only to read may run (everything else is a write → 262 for LDSANDBOXRO). */
export const READ_COMMANDS = new Set([
  'search_lead',
  'retrieve_account_tags',
  'retrieve_account_lists',
  'retrieve_account_sequences',
  'retrieve_account_pages',
  'retrieve_custom_fields',
  'search_transaction',
  'get_transaction_details',
  'retrieve_transactions_from_lead',
  'retrieve_subscriptions_from_lead',
  'search_subscription',
  'get_subscription_details',
]);

export interface Caller {
  appReadOnly: boolean;
  account: AccountRow;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * 238/239/240 (app) → 202/203/233/204 (account) → 242 (IP): the order kartra-api.md §4 suggests; the first
 * failing check answers.
 */
export function checkCredentials(
  params: Record<string, unknown>,
  remoteIp: string,
  catalog: CatalogStore,
  legacy: boolean,
): Caller | Said {
  const fail = (key: MessageKey) => say(key, legacy);
  const appId = str(params.app_id);
  if (appId === '') return fail('appIdEmpty');
  const app = APPS.find((a) => a.appId === appId);
  if (!app) return fail('appIdInvalid');
  if (!app.developerActive) return fail('appInactive');

  const apiKey = str(params.api_key);
  if (apiKey === '') return fail('apiKeyEmpty');
  const account = catalog.accountByKey(apiKey);
  if (!account) return fail('apiKeyInvalid');
  if (account.api_password !== str(params.api_password)) return fail('apiPasswordInvalid');
  if (!account.active) return fail('accountInactive');

  if (app.allowedIps && !app.allowedIps.includes(normaliseIp(remoteIp))) return fail('ipNotAllowed');
  return { appReadOnly: app.readOnly, account };
}

function normaliseIp(ip: string): string {
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

export const isSaid = (v: unknown): v is Said =>
  typeof v === 'object' && v !== null && 'type' in v && 'message' in v && !('account' in v);
