// What the CLI prints: exactly one JSON document on stdout per command, failures as {ok:false,error}, secrets scrubbed.
import { toAppError } from '../main/core/api/to-app-error';
import { AppError } from '../main/core/errors';
import type { Logger } from '../main/core/log';
import { redactCredentialFields, scrubSecrets as scrubCoreSecrets } from '../main/core/secret-text';
import { UsageError } from './args';

export type Doc = Record<string, unknown>;

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * A command that did part of its work before failing (a lead created, then a tag refused): the error
 * is reported with what was done, so nothing is lost.
 */
export class PartialFailure extends Error {
  override readonly name = 'PartialFailure';
  constructor(
    readonly error: unknown,
    readonly extra: Doc,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}

/** Replaces every occurrence of the given secrets (4+ characters) in `text`. */
/** The core's scrubber: every plain or encoded form of the secrets, and any value after api_key= / api_password=. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return redactCredentialFields(scrubCoreSecrets(text, secrets));
}

/** The document and exit code for a failure: 2 for input refused before anything was sent, 1 otherwise. */
export function failureDoc(error: unknown, log: Logger): { doc: Doc; exitCode: number } {
  const cause = error instanceof PartialFailure ? error.error : error;
  const extra = error instanceof PartialFailure ? error.extra : {};
  if (cause instanceof UsageError) {
    return { doc: { ok: false, error: { code: 'usage', message: cause.message, ...(cause.flag ? { flag: cause.flag } : {}) } }, exitCode: EXIT_USAGE };
  }
  const appError = toAppError(cause);
  if (appError.code === 'internal') log.error('unexpected failure', { error: cause });
  // The core checks its input before sending anything; a refusal there is the user's input too.
  const exitCode = appError instanceof AppError && appError.code === 'invalid_input' && !(error instanceof PartialFailure) ? EXIT_USAGE : EXIT_FAILED;
  return { doc: { ok: false, error: appError.toData(), ...extra }, exitCode };
}

export interface Printer {
  /** Prints one document as a single JSON line, scrubbing the registered secrets. */
  print(doc: Doc): void;
  /** Secrets that must never appear in output (the account's api key and password). */
  addSecrets(...secrets: string[]): void;
}

export function createPrinter(write: (text: string) => void): Printer {
  const secrets = new Set<string>();
  return {
    print(doc) {
      write(`${scrubSecrets(JSON.stringify(doc), [...secrets])}\n`);
    },
    addSecrets(...values) {
      // Inside JSON a secret with quotes or backslashes appears escaped: scrub that form too.
      for (const v of values) secrets.add(v).add(JSON.stringify(v).slice(1, -1));
    },
  };
}
