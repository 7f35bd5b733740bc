// AppError: the one error type services throw; the router turns it into an envelope error.
import type { AppErrorData, ErrorCode } from '../../shared/ipc/envelope';
import { dropCredentialText } from './secret-text';

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { retryable?: boolean; details?: AppErrorData['details']; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }

  /** The envelope's error: every text in it that names a credential field (api_key=…) is dropped. */
  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: dropCredentialText(this.message), retryable: this.options.retryable ?? false };
    if (this.options.details) {
      data.details = Object.fromEntries(
        Object.entries(this.options.details).map(([key, value]) => [key, typeof value === 'string' ? dropCredentialText(value) : value]),
      ) as AppErrorData['details'];
    }
    return data;
  }
}
