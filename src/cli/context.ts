// What every CLI command receives: environment, stderr logging and the stdout printer.
import type { Logger } from '../main/core/log';
import type { Doc, Printer } from './output';

export interface CliContext {
  env: NodeJS.ProcessEnv;
  /** Structured, redacted log lines on stderr. */
  log: Logger;
  /** Human progress lines on stderr. */
  progress(message: string): void;
  /** A warning line on stderr ("warning: …"). */
  warn(message: string): void;
  /** Everything on stdin (for `--api-password -`); read once. */
  readStdin(): Promise<string>;
  /** The one stdout channel (JSON only). */
  printer: Printer;
  /** Resolves when SIGINT or SIGTERM arrives (long-running commands wait on it). */
  stopSignal(): Promise<NodeJS.Signals>;
}

/**
 * A command: parses its own flags (after the command words) and resolves with the document to print
 * (`ok: true` is added), or with undefined when it printed for itself (the sandbox's startup line).
 */
export type Command = (argv: string[], ctx: CliContext) => Promise<Doc | undefined>;
