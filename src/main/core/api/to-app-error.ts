// Maps any failure (Kartra error, rate limit, network, bug) to an AppError with a user-facing message.
import { AppError } from '../errors';
import { KartraApiError, RateLimitedError, TransportError } from '../kartra/errors';
import { describeKartraError } from '../kartra/error-codes';

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof KartraApiError) {
    const described = describeKartraError(error.type, error.kartraMessage, error.action);
    return new AppError(described.code, described.message, {
      retryable: false,
      details: { kartraType: error.type, kartraMessage: error.kartraMessage },
      cause: error,
    });
  }
  if (error instanceof RateLimitedError) {
    return new AppError('rate_limited', 'Kartra is busy (too many requests). The call will be retried shortly.', { retryable: true });
  }
  if (error instanceof TransportError) {
    // A 3xx/4xx means something answered that is not Kartra's API (a wrong API address, a proxy):
    // calling it "offline" would send the user looking at their network instead of the address.
    if (error.kind === 'http' && error.status !== undefined && error.status < 500) {
      return new AppError('kartra_error', `The API address answered HTTP ${error.status}, which Kartra's API never does. Check the account's API address.`, { retryable: false, cause: error });
    }
    return new AppError('offline', `Could not reach Kartra: ${error.message}`, { retryable: true, cause: error });
  }
  return new AppError('internal', 'Something went wrong inside Lead Desk. The details were written to the log.', { cause: error });
}
