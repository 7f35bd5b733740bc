// Maps any failure (Kartra error, rate limit, network, bug) to an AppError with a user-facing message.
import { AppError } from '../errors';
import { KartraApiError, RateLimitedError, TransportError } from '../kartra/errors';
import { describeKartraError } from '../kartra/error-codes';

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof KartraApiError) {
    const described = describeKartraError(error.type, error.kartraMessage);
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
    return new AppError('offline', `Could not reach Kartra: ${error.message}`, { retryable: true, cause: error });
  }
  return new AppError('internal', 'Something went wrong inside Lead Desk. The details were written to the log.', { cause: error });
}
