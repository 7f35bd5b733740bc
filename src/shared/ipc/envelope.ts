// The reply envelope every command answers with: success data or a typed error, never a throw across IPC.
import { z } from 'zod';

/** The closed set of error codes the renderer may see. */
export const ERROR_CODES = [
  'invalid_input',
  'not_connected',
  'auth_failed',
  'rate_limited',
  'offline',
  'not_found',
  'already_exists',
  'kartra_error',
  'conflict',
  'keychain_unavailable',
  /** Another Lead Desk process (desktop app, browser mode or CLI) holds this data folder. */
  'data_dir_in_use',
  /** Kartra's edge firewall refused the request (an HTTP 403 HTML page), not Kartra's API. */
  'blocked_by_kartra',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const AppErrorData = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  retryable: z.boolean(),
  details: z
    .object({
      /** Kartra's numeric `type`, as a string, when the error came from Kartra. */
      kartraType: z.string().optional(),
      kartraMessage: z.string().optional(),
      /** Dotted path of the offending input field for invalid_input. */
      field: z.string().optional(),
    })
    .optional(),
});
export type AppErrorData = z.infer<typeof AppErrorData>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const EnvelopeShape = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorData }),
]);

export function okEnvelope<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function errorEnvelope(error: AppErrorData): Envelope<never> {
  return { ok: false, error };
}
