// What every command handler receives and returns, plus small helpers for reading form parameters.
import { say, type MessageKey, type Said } from '../messages';
import type { AccountRow } from '../store/catalog-store';
import type { LeadRow } from '../store/lead-store';
import type { SandboxState } from '../store/state';

export interface CommandContext {
  state: SandboxState;
  account: AccountRow;
  legacy: boolean;
  /** What a text area over 365 characters gets (kartra-api.md §0.4 E9). */
  textArea: 'cut' | 'refuse';
  testMode: boolean;
  /** The request's `lead[...]` block (profile fields, custom fields, id/email), or {} when absent. */
  leadBlock: Record<string, unknown>;
  /** The lead the chain acts on: resolved by actions[0] (create/edit/search) or from `lead[id|email]`. */
  lead: LeadRow | null;
}

export type Outcome =
  | { ok: true; entry: Record<string, unknown>; lead?: LeadRow }
  | { ok: false; said: Said };

/**
 * - `anchor`: create_lead / edit_lead / search_lead — must be actions[0]; resolves the chain's lead.
 * - `lead`: acts on the chain's lead (243/245 when there is none).
 * - `account`: account-scoped; a `lead` block is tolerated and ignored.
 * `single` is the body shape when the command is the only action: `flat` = the entry itself at top level
 * (`{"status":"Success","message":…,"type":…}`), `envelope` = `{"status":"Success","actions":[{cmd: entry}]}`.
 */
export interface CommandSpec {
  scope: 'anchor' | 'lead' | 'account';
  single: 'flat' | 'envelope';
  run(ctx: CommandContext, action: Record<string, unknown>): Outcome;
}

export function succeed(ctx: CommandContext, key: MessageKey, vars?: Record<string, string>): Outcome {
  const { type, message } = say(key, ctx.legacy, vars);
  return { ok: true, entry: type ? { status: 'Success', message, type } : { status: 'Success', message } };
}

export function fail(ctx: CommandContext, key: MessageKey, vars?: Record<string, string>): Outcome {
  return { ok: false, said: say(key, ctx.legacy, vars) };
}

/** A scalar form value as a string; arrays/objects/absent read as '' (PHP would see no usable text). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A PHP-array-like form value as a list: a qs array, or an object whose keys are all integers (qs turns very
 * sparse or very large indices into objects). Anything else is not a list.
 */
export function asList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return null;
  const keys = Object.keys(value);
  if (!keys.every((k) => /^\d+$/.test(k))) return null;
  return keys.sort((a, b) => Number(a) - Number(b)).map((k) => value[k]);
}

export const isDigits = (s: string) => /^\d+$/.test(s);
