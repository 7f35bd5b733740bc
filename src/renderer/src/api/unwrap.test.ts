import { describe, expect, it } from 'vitest';
import { ApiError, toErrorData, unwrap } from './unwrap';

describe('unwrap', () => {
  it('resolves to the value of an ok envelope', async () => {
    await expect(unwrap(Promise.resolve({ ok: true as const, value: 3 }))).resolves.toBe(3);
  });

  it('throws the error envelope as an ApiError carrying its data', async () => {
    const error = { code: 'not_found' as const, message: 'No such lead', retryable: false };
    const thrown = await unwrap(Promise.resolve({ ok: false as const, error })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).code).toBe('not_found');
    expect(toErrorData(thrown)).toBe(error);
  });

  it('turns any other failure into an internal error with its message', () => {
    expect(toErrorData(new TypeError('x is undefined'))).toEqual({
      code: 'internal',
      message: 'Something went wrong in the window: x is undefined',
      retryable: false,
    });
  });
});
