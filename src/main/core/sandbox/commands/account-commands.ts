// Account-scoped commands: the retrieve_* lists (kartra-api.md §11) and create_custom_field (§10.11).
import { hasOptions, FIELD_TYPES, type FieldType } from '../store/catalog-store';
import { PROFILE_FIELDS } from '../types';
import { asList, fail, isRecord, succeed, text, type CommandContext, type CommandSpec } from './context';

const retrieve = (key: string, read: (ctx: CommandContext) => unknown): CommandSpec => ({
  scope: 'account',
  single: 'flat',
  run: (ctx) => ({ ok: true, entry: { status: 'Success', [key]: read(ctx) } }),
});

/** Identifiers a custom field may not take: Kartra's own lead fields ("already exists or not allowed"). */
const RESERVED = new Set<string>([...PROFILE_FIELDS, 'id', 'email', 'new_email', 'custom_fields', 'score', 'source', 'notes']);

/**
 * Checks: 265 (empty) → 263 (characters) → 264 (exists/reserved) → 269 (type) → 270 (options not a list)
 * → 272 (an option without a name) → 273 (fewer than two). 265 comes first because an empty name would
 * otherwise fail the character rule; the rest follow the documented table order.
 */
const createCustomField: CommandSpec = {
  scope: 'account',
  single: 'flat',
  run(ctx, a) {
    const identifier = text(a.custom_field_identifier);
    if (identifier === '') return fail(ctx, 'fieldEmpty');
    if (!/^[A-Za-z0-9_-]+$/.test(identifier)) return fail(ctx, 'fieldName');
    if (RESERVED.has(identifier.toLowerCase()) || ctx.state.catalog.fieldByIdentifier(ctx.account.id, identifier)) {
      return fail(ctx, 'fieldExists');
    }
    const type = text(a.custom_field_type) as FieldType;
    if (!FIELD_TYPES.includes(type)) return fail(ctx, 'fieldType');
    let optionNames: string[] = [];
    if (hasOptions(type)) {
      const options = asList(a.custom_field_options);
      if (options === null) return fail(ctx, 'optionsNotArray');
      for (const o of options) {
        const name = isRecord(o) ? text(o.option_name) : '';
        if (name.trim() === '') return fail(ctx, 'optionEmpty');
        optionNames.push(name);
      }
      if (optionNames.length < 2) return fail(ctx, 'optionsTooFew');
    } else {
      optionNames = [];
    }
    ctx.state.catalog.insertField(ctx.account.id, identifier, type, optionNames);
    return succeed(ctx, 'fieldCreated');
  },
};

export const ACCOUNT_COMMANDS: Record<string, CommandSpec> = {
  retrieve_account_tags: retrieve('account_tags', (ctx) => ctx.state.catalog.tags(ctx.account.id).map((t) => t.name)),
  retrieve_account_lists: retrieve('account_lists', (ctx) => ctx.state.catalog.lists(ctx.account.id).map((l) => l.name)),
  // Names only (kartra-api.md §0.4 E6): steps cannot be listed through the API; the sandbox keeps them to answer 230.
  retrieve_account_sequences: retrieve('account_sequences', (ctx) => ctx.state.catalog.sequences(ctx.account.id).map((s) => s.name)),
  // [U] Response key and element shape are undocumented (kartra-api.md §14.6).
  retrieve_account_pages: retrieve('account_pages', (ctx) =>
    ctx.state.catalog.pages(ctx.account.id).map((p) => ({ page_id: String(p.id), page_name: p.name, page_url: p.url })),
  ),
  // Options fields list all their choices; input/text_area entries carry no field_value (§11).
  retrieve_custom_fields: retrieve('custom_fields', (ctx) =>
    ctx.state.catalog.fields(ctx.account.id).map((f) => {
      const base = { field_id: String(f.id), field_identifier: f.identifier, field_type: f.type };
      if (!hasOptions(f.type)) return base;
      return { ...base, field_value: f.options.map((o) => ({ option_id: String(o.id), option_value: o.value })) };
    }),
  ),
  create_custom_field: createCustomField,
};
