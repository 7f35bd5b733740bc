// Command-line parsing on node:util parseArgs, turning every mistake into a UsageError that names the flag.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The user typed something the CLI cannot run; nothing was sent anywhere. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The offending flag (e.g. "--faults"), when there is one. */
    readonly flag?: string,
  ) {
    super(message);
  }
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type FlagValues = Record<string, string | boolean | string[] | undefined>;

/**
 * Parses the flags of one command (the command words already removed). Unknown flags, missing values,
 * stray arguments and a single-valued flag given twice are usage errors naming the flag.
 */
export function parseFlags(argv: readonly string[], options: OptionSpec, command: string): FlagValues {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    throw toUsageError(error, command);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (options[token.name]?.multiple) continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} was given more than once for "${command}"`, `--${token.name}`);
    seen.add(token.name);
  }
  return parsed.values as FlagValues;
}

function toUsageError(error: unknown, command: string): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const flag = /'(--?[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown flag ${flag ?? message} for "${command}"`, flag);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /'([^']*)'/.exec(message)?.[1] ?? '';
    return new UsageError(`unexpected argument "${word}" for "${command}" (values belong to a flag, e.g. --email joe@example.com)`);
  }
  return new UsageError(`${flag ? `${flag}: ` : ''}${message}`, flag);
}

/** The single value of a string flag, or undefined. */
export function str(values: FlagValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Every value of a `multiple` string flag (empty when absent). */
export function list(values: FlagValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function bool(values: FlagValues, name: string): boolean {
  return values[name] === true;
}

/** A required, non-blank string flag. */
export function required(values: FlagValues, name: string, command: string): string {
  const v = str(values, name);
  if (v === undefined) throw new UsageError(`"${command}" needs --${name}`, `--${name}`);
  if (v.trim() === '') throw new UsageError(`--${name} cannot be empty`, `--${name}`);
  return v;
}

/** A whole number in [min, max] written in plain digits (no sign, exponent or fraction). */
export function int(raw: string, flag: string, min: number, max: number): number {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} must be a whole number, got "${raw}"`, flag);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be between ${min} and ${max}, got ${text}`, flag);
  }
  return value;
}

/** An optional whole-number flag. */
export function optionalInt(values: FlagValues, name: string, min: number, max: number): number | undefined {
  const raw = str(values, name);
  return raw === undefined ? undefined : int(raw, `--${name}`, min, max);
}

/** Splits "name=value" (the value may itself contain "="). */
export function keyValue(raw: string, flag: string): [string, string] {
  const at = raw.indexOf('=');
  if (at <= 0) throw new UsageError(`${flag} takes name=value, got "${raw}"`, flag);
  return [raw.slice(0, at).trim(), raw.slice(at + 1)];
}

/** A share between 0 and 1 in plain decimal notation ("0.05", "1", ".5"). */
export function share(raw: string, flag: string, what: string): number {
  const text = raw.trim();
  const value = /^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`${flag}: ${what} must be a number between 0 and 1, got "${raw}"`, flag);
  }
  return value;
}
