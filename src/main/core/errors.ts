// AppError: the one error type services throw; the router turns it into an envelope error.
import type { AppErrorData, ErrorCode } from '../../shared/ipc/envelope';

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { retryable?: boolean; details?: AppErrorData['details']; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }

  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message, retryable: this.options.retryable ?? false };
    if (this.options.details) data.details = this.options.details;
    return data;
  }
}
