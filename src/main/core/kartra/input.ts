// Validates command inputs with zod and turns the first problem into a clear invalid_input AppError.
import { z } from 'zod';
import { AppError } from '../errors';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '';
  const message = `Invalid ${what}${field ? `: ${field}` : ''} — ${issue?.message ?? 'not valid'}`;
  return throwInvalid(message, field || what);
}

function throwInvalid(message: string, field: string): never {
  throw new AppError('invalid_input', message, { details: { field } });
}

/** Kartra ids are integers that travel as strings; accept either, send digits. */
export const KartraId = z
  .union([z.string().trim().regex(/^\d+$/, 'must be a number of digits'), z.number().int().nonnegative()])
  .transform((value) => String(value));

/** A money amount sent with two decimals (PHP parses "19.95" as a float). */
export const Amount = z
  .number()
  .finite()
  .positive('must be more than 0')
  .max(1_000_000, 'is unrealistically large')
  .transform((value) => value.toFixed(2));
