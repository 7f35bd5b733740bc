// The Kartra account a command talks to: from --api-url/--app-id/--api-key/--api-password or KARTRA_* variables (flags win).
import { AppError } from '../main/core/errors';
import { KartraClient } from '../main/core/kartra/client';
import { checkApiUrl } from '../main/core/kartra/http';
import { RateLimiter } from '../main/core/kartra/rate-limiter';
import type { KartraCredentials } from '../main/core/kartra/types';
import type { Logger } from '../main/core/log';
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

export interface OpenedClient {
  client: KartraClient;
  limiter: RateLimiter;
  /** Rejects whatever is still queued and closes pooled connections, so the process can exit. */
  close(): Promise<void>;
}

/** A real client behind a real per-App rate limiter, as the app builds it. */
export function openClient(credentials: KartraCredentials, log: Logger): OpenedClient {
  const limiter = new RateLimiter({ appId: credentials.appId, log });
  const client = new KartraClient({ credentials, scheduler: limiter, log });
  return {
    client,
    limiter,
    async close() {
      limiter.close();
      await client.close();
    },
  };
}

/** Opens a client for the account of the flags/environment, runs `fn`, and always closes it. */
export async function withClient<T>(values: FlagValues, ctx: CliContext, fn: (client: KartraClient) => Promise<T>): Promise<T> {
  const credentials = resolveAccount(values, ctx.env);
  ctx.printer.addSecrets(credentials.apiKey, credentials.apiPassword);
  const opened = openClient(credentials, ctx.log);
  try {
    return await fn(opened.client);
  } finally {
    await opened.close();
  }
}
