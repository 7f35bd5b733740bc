// Account-scoped commands: retrieve tags, lists, sequences, pages and custom fields; create a custom field (kartra-api.md §10.11, §11).
import { z } from 'zod';
import type { AccountCustomField, AccountSequence } from '../../../shared/domain/account';
import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../../../shared/domain/lead';
import type { Lane } from '../../../shared/domain/limiter';
import type { KartraCaller } from './caller';
import { badResponse, expectSuccess, findData, isRecord } from './decode';
import { parseInput } from './input';
import { isUncertain, resendOnce, UncertainWriteError } from './uncertain-write-error';
import { items, normaliseOptions, text } from './wire-lead';


export interface AccountPage {
  id: string;
  name: string;
  url: string;
}

async function retrieve(caller: KartraCaller, lane: Lane, cmd: string, key: string): Promise<unknown[]> {
  const decoded = await caller.call({ actions: [{ cmd }] }, { lane, mode: 'read' });
  expectSuccess(decoded, cmd, key);
  const value = findData(decoded, cmd, key);
  // "[] if none" — Kartra (PHP) may also send null, "" or false for an empty account.
  if (value === undefined || value === null || value === '' || value === false) return [];
  if (!Array.isArray(value) && !isRecord(value)) throw badResponse(`Kartra's answer to ${cmd} has an unreadable ${key}`);
  return items(value);
}

function names(list: unknown[], keys: readonly string[]): string[] {
  const out = list.map((item) => {
    if (!isRecord(item)) return text(item).trim();
    for (const key of keys) if (text(item[key]).trim()) return text(item[key]).trim();
    return '';
  });
  return [...new Set(out.filter((name) => name !== ''))];
}

export async function retrieveAccountTags(caller: KartraCaller, lane: Lane): Promise<string[]> {
  return names(await retrieve(caller, lane, 'retrieve_account_tags', 'account_tags'), ['tag_name', 'name']);
}

export async function retrieveAccountLists(caller: KartraCaller, lane: Lane): Promise<string[]> {
  return names(await retrieve(caller, lane, 'retrieve_account_lists', 'account_lists'), ['list_name', 'name']);
}

/**
 * `account_sequences`: names (kartra-api.md §0.4 E6). An object element is read for its name only: Kartra lists
 * no steps, so none are taken from an answer even if one carried them.
 */
export async function retrieveAccountSequences(caller: KartraCaller, lane: Lane): Promise<AccountSequence[]> {
  const list = await retrieve(caller, lane, 'retrieve_account_sequences', 'account_sequences');
  return names(list, ['sequence_name', 'name']).map((name) => ({ name }));
}

/** Response key guessed as `account_pages`; AE names the fields kartra_page_id / kartra_page_name. */
export async function retrieveAccountPages(caller: KartraCaller, lane: Lane): Promise<AccountPage[]> {
  const list = await retrieve(caller, lane, 'retrieve_account_pages', 'account_pages');
  return list.flatMap((item): AccountPage[] => {
    if (!isRecord(item)) return text(item).trim() ? [{ id: '', name: text(item).trim(), url: '' }] : [];
    const name = text(item.kartra_page_name ?? item.page_name ?? item.name ?? item.title).trim();
    const id = text(item.kartra_page_id ?? item.page_id ?? item.id);
    const url = text(item.kartra_page_url ?? item.page_url ?? item.url);
    return name || id ? [{ id, name: name || id, url }] : [];
  });
}

export async function retrieveCustomFields(caller: KartraCaller, lane: Lane): Promise<AccountCustomField[]> {
  const list = await retrieve(caller, lane, 'retrieve_custom_fields', 'custom_fields');
  return list.flatMap((item): AccountCustomField[] => {
    if (!isRecord(item)) return [];
    const type = text(item.field_type).trim().toLowerCase();
    const identifier = text(item.field_identifier).trim();
    // Kartra documents exactly five types; a field of another kind cannot be edited here, so it is left out.
    if (!identifier || !(CUSTOM_FIELD_TYPES as readonly string[]).includes(type)) return [];
    return [{ field_id: text(item.field_id), field_identifier: identifier, field_type: type as CustomFieldType, options: normaliseOptions(item.field_value ?? []) }];
  });
}

export const CreateCustomFieldInput = z
  .object({
    custom_field_identifier: z
      .string()
      .trim()
      .min(1, 'is empty')
      .max(100)
      .regex(/^[A-Za-z0-9_-]+$/, 'may only contain letters, digits, dashes and underscores'),
    custom_field_type: z.enum(CUSTOM_FIELD_TYPES),
    custom_field_options: z.array(z.string().trim().min(1, 'is an empty option')).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const needsOptions = value.custom_field_type !== 'input_field' && value.custom_field_type !== 'text_area';
    const count = value.custom_field_options?.length ?? 0;
    if (needsOptions && count < 2) ctx.addIssue({ code: 'custom', path: ['custom_field_options'], message: 'needs at least two options for this type' });
    if (!needsOptions && count > 0) ctx.addIssue({ code: 'custom', path: ['custom_field_options'], message: 'only drop-down, radio and checkbox fields take options' });
  });
export type CreateCustomFieldInput = z.input<typeof CreateCustomFieldInput>;

/** create_custom_field; an uncertain send is settled by looking for the identifier in retrieve_custom_fields. */
export async function createCustomField(caller: KartraCaller, lane: Lane, input: unknown): Promise<{ message: string }> {
  const data = parseInput(CreateCustomFieldInput, input, 'custom field');
  const action = {
    cmd: 'create_custom_field',
    custom_field_identifier: data.custom_field_identifier,
    custom_field_type: data.custom_field_type,
    custom_field_options: data.custom_field_options?.map((option_name) => ({ option_name })),
  };
  const send = async () => expectSuccess(await caller.call({ actions: [action] }, { lane, mode: 'write' }), 'create_custom_field');
  const what = `create_custom_field "${data.custom_field_identifier}"`;
  try {
    return { message: (await send()).message || 'Custom Field created' };
  } catch (error) {
    if (!isUncertain(error)) throw error;
    const exists = await retrieveCustomFields(caller, lane).then(
      (fields) => fields.some((f) => f.field_identifier.toLowerCase() === data.custom_field_identifier.toLowerCase()),
      (readError: unknown) => {
        throw new UncertainWriteError(what, 'reading the custom fields back to check failed too', [], readError);
      },
    );
    if (exists) return { message: 'Custom Field created (confirmed by reading the custom fields)' };
    return { message: (await resendOnce(send, what)).message || 'Custom Field created' };
  }
}
