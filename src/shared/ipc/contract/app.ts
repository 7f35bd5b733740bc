// Contract slice: app status, the built-in sandbox and the Kartra accounts (connect, switch, rename, forget).
import { z } from 'zod';
import { AccountInfo, AccountLabel, KARTRA_API_URL, KeychainStatus } from '../../domain/account';
import { none } from './common';

export const AppStatus = z.object({
  version: z.string(),
  account: AccountInfo.nullable(),
  online: z.boolean(),
  /** The App ID this build ships with (prefilled on the connect form), if any. */
  defaultAppId: z.string().nullable(),
  keychain: KeychainStatus,
});

const AccountId = z.string().trim().min(1).max(100);
const secret = (what: string) => z.string().trim().min(1, `${what} is required`).max(200, `${what} is too long`);

export const ConnectInput = z
  .object({
    label: AccountLabel,
    appId: secret('App ID'),
    apiKey: secret('API key'),
    apiPassword: secret('API password'),
    apiUrl: z.string().trim().max(2048, 'API address is too long').url('API address must be a URL').default(KARTRA_API_URL),
    /**
     * The host the user confirmed sending the credentials to; required (and must match) when the API
     * address is neither Kartra's (app.kartra.com) nor this computer (shared/domain/api-address.ts).
     */
    confirmApiHost: z.string().trim().max(253).optional(),
    /** Keep the credentials in memory only (offered when no keychain is available). */
    sessionOnly: z.boolean().default(false),
    /** Re-enter the credentials of an existing account instead of adding a new one. */
    accountId: AccountId.optional(),
    /**
     * When this Kartra account (same API address, App ID and API key) is already known, use it instead of refusing
     * with already_exists (the CLI: each run on a data folder sees what earlier runs cached and queued). Credentials
     * identical to the ones it was connected with are not checked with Kartra again, so this works offline.
     */
    reuse: z.boolean().default(false),
  })
  .strict();

export const AccountsList = z.object({
  accounts: z.array(AccountInfo),
  currentId: z.string().nullable(),
  keychain: KeychainStatus,
  /** Per account id: its changes not yet confirmed by Kartra (waiting, failed or to check). */
  pending: z.record(z.string(), z.number()).default({}),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const appCommands = {
  'app.status': { input: none, output: AppStatus },
  /** Start the built-in Kartra sandbox (demo data) and connect to it. */
  'sandbox.connect': { input: none, output: AccountInfo },
  'accounts.list': { input: none, output: AccountsList },
  /** Validate the credentials with one cheap call, store them in the keychain and make the account current. */
  'accounts.connect': { input: ConnectInput, output: AccountInfo },
  'accounts.switch': { input: z.object({ id: AccountId }).strict(), output: AccountInfo },
  'accounts.rename': { input: z.object({ id: AccountId, label: AccountLabel }).strict(), output: AccountInfo },
  /** Remove the keychain entry; with deleteLocalData also the account and its local cache, outbox and imports. */
  'accounts.forget': { input: z.object({ id: AccountId, deleteLocalData: z.boolean() }).strict(), output: AccountsList },
} as const;
