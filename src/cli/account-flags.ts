// The Kartra account a command talks to: from --api-url/--app-id/--api-key/--api-password or KARTRA_* variables (flags
// win). Secrets belong in the environment or on stdin (`--api-password -`): a value on the command line is visible to
// every user of the machine in the process list, so it still works but earns a warning.
import { AppError } from '../main/core/errors';
import { checkApiUrl } from '../main/core/kartra/http';
import type { KartraCredentials } from '../main/core/kartra/types';
import { str, UsageError, type FlagValues, type OptionSpec } from './args';
import type { CliContext } from './context';

export const ACCOUNT_OPTIONS = {
  'api-url': { type: 'string' },
  'app-id': { type: 'string' },
  'api-key': { type: 'string' },
  'api-password': { type: 'string' },
} as const satisfies OptionSpec;

const SOURCES: { key: keyof KartraCredentials; flag: string; env: string }[] = [
  { key: 'apiUrl', flag: '--api-url', env: 'KARTRA_API_URL' },
  { key: 'appId', flag: '--app-id', env: 'KARTRA_APP_ID' },
  { key: 'apiKey', flag: '--api-key', env: 'KARTRA_API_KEY' },
  { key: 'apiPassword', flag: '--api-password', env: 'KARTRA_API_PASSWORD' },
];

/**
 * The credentials, flags first, then the environment (unless `useEnv` is false). Every missing one is named
 * in a single usage error; the values themselves never appear in a message.
 */
export function resolveAccount(
  values: FlagValues,
  env: NodeJS.ProcessEnv,
  options: { useEnv?: boolean; urlFlag?: string } = {},
): KartraCredentials {
  const useEnv = options.useEnv ?? true;
  const found: Partial<KartraCredentials> = {};
  const missing: string[] = [];
  for (const source of SOURCES) {
    const flag = source.key === 'apiUrl' ? (options.urlFlag ?? source.flag) : source.flag;
    const value = str(values, flag.slice(2)) ?? (useEnv ? env[source.env] : undefined);
    if (value === undefined || value.trim() === '') missing.push(useEnv ? `${flag} (or ${source.env})` : flag);
    else found[source.key] = value.trim();
  }
  if (missing.length > 0) {
    throw new UsageError(`missing Kartra account setting${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`, missing[0]?.split(' ')[0]);
  }
  const credentials = found as KartraCredentials;
  const urlFlag = options.urlFlag ?? '--api-url';
  try {
    checkApiUrl(credentials.apiUrl);
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(`${urlFlag}: ${error.message}`, urlFlag);
    throw error;
  }
  return credentials;
}

const SECRET_FLAGS = [
  { flag: 'api-key', env: 'KARTRA_API_KEY' },
  { flag: 'api-password', env: 'KARTRA_API_PASSWORD' },
] as const;

/** The flag names whose value "-" means "read it from stdin" (key first, then password, one per line). */
export const STDIN_VALUE = '-';

/**
 * Replaces `--api-key -` / `--api-password -` with lines read from stdin (in that order when both are "-") and warns
 * on stderr about a secret given as a literal flag value. Returns new flag values; the input is not changed.
 */
export async function readSecretFlags(values: FlagValues, ctx: CliContext): Promise<FlagValues> {
  const fromStdin = SECRET_FLAGS.filter(({ flag }) => values[flag] === STDIN_VALUE);
  for (const { flag, env } of SECRET_FLAGS) {
    const value = values[flag];
    if (typeof value === 'string' && value !== STDIN_VALUE) {
      ctx.warn(`--${flag} with a value is visible to other users of this machine (process list, shell history): set ${env}, or pass --${flag} - and give it on stdin`);
    }
  }
  if (fromStdin.length === 0) return values;
  const lines = (await ctx.readStdin()).split(/\r?\n/);
  const out: FlagValues = { ...values };
  fromStdin.forEach(({ flag }, i) => {
    const line = lines[i]?.trim() ?? '';
    if (line === '') {
      const which = fromStdin.length > 1 ? ` (line ${i + 1} of stdin: the key first, then the password)` : '';
      throw new UsageError(`--${flag} -: nothing was read from stdin${which}`, `--${flag}`);
    }
    out[flag] = line;
  });
  return out;
}

/** The account of the flags, the environment and stdin, its secrets registered for scrubbing. */
export async function readAccount(values: FlagValues, ctx: CliContext, options: { useEnv?: boolean; urlFlag?: string } = {}): Promise<KartraCredentials> {
  const credentials = resolveAccount(await readSecretFlags(values, ctx), ctx.env, options);
  ctx.printer.addSecrets(credentials.apiKey, credentials.apiPassword);
  return credentials;
}
