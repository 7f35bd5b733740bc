// Contract slice: the account's catalog — tags, lists, sequences, pages and custom fields, cached.
import { z } from 'zod';
import { AccountCustomField, AccountListKind, AccountPage, AccountSequence } from '../../domain/account';
import { CUSTOM_FIELD_TYPES } from '../../domain/lead';

const cached = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), fetchedAt: z.number().nullable() });
export const AccountLists = z.object({
  tags: cached(z.string()),
  lists: cached(z.string()),
  sequences: cached(AccountSequence),
  pages: cached(AccountPage),
  custom_fields: cached(AccountCustomField),
  /** True when a refresh failed because Kartra could not be reached. */
  stale: z.boolean(),
});
export type AccountLists = z.infer<typeof AccountLists>;

export const catalogCommands = {
  /** The account's tags, from the local cache unless refresh is asked or the cache is empty. */
  'account.tags': {
    input: z.object({ refresh: z.boolean().default(false) }).strict(),
    output: z.object({ items: z.array(z.string()), fetchedAt: z.number(), stale: z.boolean() }),
  },
  /** Every account list with its fetch time; refresh re-reads the named kinds (all when empty). */
  'account.lists': {
    input: z.object({ refresh: z.array(AccountListKind).max(AccountListKind.options.length).default([]) }).strict(),
    output: AccountLists,
  },
  /**
   * Steps used before for a sequence in the current account, most recent first: Kartra cannot list a
   * sequence's steps (kartra-api.md §0.4 E6), so the step boxes suggest these.
   */
  'account.sequenceSteps': {
    input: z.object({ sequence: z.string().trim().min(1, 'name the sequence').max(200) }).strict(),
    output: z.object({ steps: z.array(z.string()) }),
  },
  'account.createCustomField': {
    input: z
      .object({
        identifier: z.string().trim().regex(/^[A-Za-z0-9_-]+$/, 'use only letters, numbers, dashes and underscores').max(100),
        type: z.enum(CUSTOM_FIELD_TYPES),
        options: z.array(z.string().trim().min(1, 'an option cannot be empty').max(200)).max(200).default([]),
      })
      .strict()
      .refine((v) => v.type === 'input_field' || v.type === 'text_area' || v.options.length >= 2, {
        message: 'give at least two options for a drop-down, radio or checkbox field',
        path: ['options'],
      }),
    output: AccountLists,
  },
} as const;
