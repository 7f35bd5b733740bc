// Typed failures of a Kartra call: Kartra said "Error", Kartra said "too many requests", or the network failed.

/** Kartra answered with status "Error" and a numeric `type` (HTTP 200, kartra-api.md §4, §5). */
export class KartraApiError extends Error {
  override readonly name = 'KartraApiError';
  constructor(
    /** Kartra's `type` code as a string, e.g. "212"; "" when the answer carried none. */
    readonly type: string,
    /** Kartra's own message, as sent. */
    readonly kartraMessage: string,
    /** The cmd that failed, when known (chained calls). */
    readonly cmd?: string,
    /** The failing action's parameters, when known: lets the message name the step and sequence of a 230. */
    readonly action?: Readonly<Record<string, unknown>>,
  ) {
    super(`Kartra error ${type || '?'}${cmd ? ` on ${cmd}` : ''}: ${kartraMessage}`);
  }
}

/** HTTP 429 or a "Too many requests" body (kartra-api.md §6). Always safe to retry after >= 1 s. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor() {
    super('Kartra answered 429 Too many requests');
  }
}

/**
 * The request did not get a usable answer.
 * `sent: false` means nothing reached Kartra (connection refused, DNS) and a retry cannot harm;
 * `sent: true` means the request may have been processed (timeout or reset after sending, 5xx):
 * a write must be verified by reading the lead before it is sent again.
 */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    message: string,
    readonly sent: boolean,
    readonly kind: 'refused' | 'dns' | 'timeout' | 'reset' | 'http' | 'bad_response',
    readonly status?: number,
  ) {
    super(message);
  }
}
