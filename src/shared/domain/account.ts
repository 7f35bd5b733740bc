// Account-level shapes: connected accounts and the cached lists of the Kartra account.
import { z } from 'zod';
import { CustomFieldOption, CustomFieldType } from './lead';

export const AccountKind = z.enum(['kartra', 'sandbox']);

/** What the renderer may know of an account: never a secret. */
export const AccountInfo = z.object({
  id: z.string(),
  label: z.string(),
  kind: AccountKind,
  appId: z.string(),
  apiUrl: z.string(),
  testMode: z.boolean(),
});
export type AccountInfo = z.infer<typeof AccountInfo>;

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
