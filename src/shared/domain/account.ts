// Account-level shapes: connected accounts and the cached lists of the Kartra account.
import { z } from 'zod';
import { CustomFieldOption, CustomFieldType } from './lead';

export const AccountKind = z.enum(['kartra', 'sandbox']);

/** Kartra's one API endpoint (kartra-api.md §1). */
export const KARTRA_API_URL = 'https://app.kartra.com/api';

/**
 * Where an account's API key and password are kept: the OS keychain, this session's memory only
 * (no Secret Service), the built-in sandbox's own demo credentials, or nowhere (must be entered again).
 */
export const CredentialStorage = z.enum(['keychain', 'session', 'builtin', 'missing']);
export type CredentialStorage = z.infer<typeof CredentialStorage>;

/** What the renderer may know of an account: never a secret. */
export const AccountInfo = z.object({
  id: z.string(),
  label: z.string(),
  kind: AccountKind,
  appId: z.string(),
  apiUrl: z.string(),
  testMode: z.boolean(),
  credentials: CredentialStorage,
});
export type AccountInfo = z.infer<typeof AccountInfo>;

export const KeychainStatus = z.object({ available: z.boolean(), problem: z.string().nullable() });
export type KeychainStatus = z.infer<typeof KeychainStatus>;

export const AccountLabel = z.string().trim().min(1, 'give the account a name').max(80, 'keep the name under 80 characters');

export const AccountCustomField = z.object({
  field_id: z.string(),
  field_identifier: z.string(),
  field_type: CustomFieldType,
  options: z.array(CustomFieldOption),
});
export type AccountCustomField = z.infer<typeof AccountCustomField>;

/** A cached account list with the time (ms since epoch) it was fetched from Kartra. */
export const cachedList = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), fetchedAt: z.number(), stale: z.boolean() });

/**
 * A sequence of the account, by name only: Kartra's retrieve_account_sequences lists names, and steps cannot be
 * listed through the API (kartra-api.md §0.4 E6) — the user types the step (the box number in the sequence builder).
 */
export const AccountSequence = z.object({ name: z.string() });
export type AccountSequence = z.infer<typeof AccountSequence>;
export const AccountPage = z.object({ id: z.string(), name: z.string(), url: z.string() });
export type AccountPage = z.infer<typeof AccountPage>;

/** Everything the account browser and the pickers show, each list with the time it was fetched. */
export const ACCOUNT_LIST_KINDS = ['tags', 'lists', 'sequences', 'pages', 'custom_fields'] as const;
export const AccountListKind = z.enum(ACCOUNT_LIST_KINDS);
export type AccountListKind = z.infer<typeof AccountListKind>;
