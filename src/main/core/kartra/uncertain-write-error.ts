// UncertainWriteError: a write may or may not have reached Kartra, and reading the lead back could not settle it.
import { AppError } from '../errors';
import { TransportError } from './errors';

export type WriteVerdict = 'applied' | 'not_applied' | 'unknown';

export interface PartVerdict {
  /** The cmd (or "edit_lead new_email", …) this verdict is about. */
  part: string;
  verdict: WriteVerdict;
}

/**
 * Thrown instead of replaying a write blindly: the request was (possibly) sent, the answer was
 * lost, and the client could not tell from the lead's state whether Kartra applied it (points
 * cannot be attributed; a verification read failed; the single resend failed the same way).
 * It is an AppError with code 'conflict' so the router shows its message as is: the user has to
 * look at the lead in Kartra before deciding to send it again.
 */
export class UncertainWriteError extends AppError {
  constructor(
    /** What was being written, for the user ("create_lead for joe@example.com"). */
    readonly what: string,
    /** Why it cannot be settled, in plain words. */
    readonly reason: string,
    /** Per-part verdicts as far as they are known. */
    readonly verdicts: readonly PartVerdict[] = [],
    cause?: unknown,
  ) {
    const unsure = verdicts.filter((v) => v.verdict === 'unknown').map((v) => v.part);
    const scope = unsure.length > 0 ? ` (unsure: ${unsure.join(', ')})` : '';
    super(
      'conflict',
      `Lead Desk cannot tell whether Kartra applied ${what}${scope}: no usable answer came back after the request was sent, and ${reason}. Check the lead in Kartra before sending it again.`,
      { retryable: false, cause },
    );
    // AppError types `name` as the literal 'AppError'; the instance still reports its own class.
    Object.defineProperty(this, 'name', { value: 'UncertainWriteError' });
  }
}

/** The request may have reached Kartra but no answer came: a write must be verified, not replayed. */
export function isUncertain(error: unknown): error is TransportError {
  return error instanceof TransportError && error.sent;
}

/** The one resend allowed after verification showed the write was not applied. */
export async function resendOnce<T>(send: () => Promise<T>, what: string, parts: readonly PartVerdict[] = []): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (isUncertain(error)) throw new UncertainWriteError(what, 'sending it once more failed the same way', parts, error);
    throw error;
  }
}
