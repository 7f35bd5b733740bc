// Shape of one row of the error-code contract table, and what each row's trigger gets to work with.
import type { ErrorCode } from '../../../../../shared/ipc/envelope';
import type { ActionEntry } from '../../decode';
import type { PhpObject } from '../../php-encode';
import type { Connection, ContractCredentials, ContractTarget } from './contract-target';

export interface ErrorContext {
  target: ContractTarget;
  /** The client on the target's own credentials. */
  conn: Connection;
  /** A client on other credentials or another address (to reach the auth errors). */
  probe(over: Partial<ContractCredentials> & { url?: string }): Connection;
  /** A raw body through the client's request(): resolves on success, throws Kartra's KartraApiError. */
  raw(body: PhpObject, cmd: string): Promise<ActionEntry>;
  /** Two existing leads (no bookings, nothing special). */
  lead: { id: string; email: string };
  otherLead: { id: string; email: string };
  /** An address no lead has. */
  nobody: string;
}

export interface ErrorCase {
  /** Kartra's `type` the server must answer with. */
  code: string;
  /** The command the trigger runs (the KartraApiError names it). */
  cmd: string;
  /** What describeKartraError must map the code to. */
  app: ErrorCode;
  /** How the code is reached, for the test title. */
  how: string;
  /** Why this row cannot run against a target (a missing fixture or credential), or null. */
  requires?(target: ContractTarget): string | null;
  /** The call that must fail with KartraApiError `code` — through the client where it can express it. */
  run(c: ErrorContext): Promise<unknown>;
  /**
   * Where the client checks the input itself, the same mistake made through the client: it must fail
   * with invalid_input before anything is handed to the rate limiter.
   */
  refusal?(c: ErrorContext): Promise<unknown>;
  /** More assertions on the client's view of the same situation. */
  also?(c: ErrorContext): Promise<void>;
}

/** `requires` for a ContractAuth entry. */
export function needsAuth(key: keyof ContractTarget['auth']): (target: ContractTarget) => string | null {
  return (target) => (target.auth[key] ? null : `the target provides no ${key}`);
}

/** The lead-action body of a raw call on `c.lead`. */
export function onLead(c: ErrorContext, action: PhpObject): Promise<ActionEntry> {
  return c.raw({ lead: { id: c.lead.id }, actions: [action] }, String(action.cmd));
}

/** An account-scoped raw call with one action. */
export function onAccount(c: ErrorContext, action: PhpObject): Promise<ActionEntry> {
  return c.raw({ actions: [action] }, String(action.cmd));
}
