// Turns reply envelopes into values or ApiErrors so stores can use plain async/await.
import type { AppErrorData, Envelope } from '../../../shared/ipc/envelope';

export type { AppErrorData };

/** An error envelope, thrown inside the renderer only; it never crosses IPC. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly data: AppErrorData) {
    super(data.message);
  }
  get code(): AppErrorData['code'] {
    return this.data.code;
  }
}

/** Resolve to the envelope's value, or throw its error as an ApiError. */
export async function unwrap<T>(reply: Promise<Envelope<T>>): Promise<T> {
  const envelope = await reply;
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error);
}

/** Any caught value as error data the UI can show; a bug in the view becomes `internal`, not a blank screen. */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof ApiError) return error.data;
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Something went wrong in the window: ${message}`, retryable: false };
}
