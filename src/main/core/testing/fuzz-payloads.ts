// Test support for the contract fuzz tests: hostile payloads for one command, built from the field names
// of its input schema — random values, every field with a wrong type, and every field oversized.
import fc from 'fast-check';
import type { z } from 'zod';
import { EnvelopeShape } from '../../../shared/ipc/envelope';

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** The top-level field names of an input schema (through defaults, pipes and refinements). */
export function inputKeys(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'pipe') return inputKeys(def.in as z.ZodType);
  if ('innerType' in def) return inputKeys(def.innerType as z.ZodType);
  if (def.type === 'union') return [...new Set((def.options as z.ZodType[]).flatMap(inputKeys))];
  return [];
}

const HUGE = 40_000;
/** Values far over any bound: a long string, a long array, a wide record, deep nesting. */
export const oversized: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant('x'.repeat(HUGE * 5)),
  fc.constant(Array.from({ length: HUGE }, (_, i) => i)),
  fc.constant(Array.from({ length: HUGE }, () => 'pending')),
  fc.constant(Object.fromEntries(Array.from({ length: HUGE }, (_, i) => [`k${i}`, 'v']))),
  fc.constant(JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`) as unknown),
);

const wrongTyped: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 40 }),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 5 }),
  fc.constantFrom('__proto__', 'constructor', '\u0000', '../../etc/passwd', "'; DROP TABLE outbox; --", '=cmd|/c calc'),
);

/** Random, wrong-typed and oversized payloads for a command whose input has these keys. */
export function payloads(keys: readonly string[]): fc.Arbitrary<unknown> {
  const field = (values: fc.Arbitrary<unknown>) =>
    keys.length === 0 ? fc.dictionary(fc.string({ maxLength: 10 }), values, { maxKeys: 3 }) : fc.record(Object.fromEntries(keys.map((k) => [k, values])), { requiredKeys: [] });
  return fc.oneof(
    fc.anything({ maxDepth: 3, maxKeys: 6 }),
    field(wrongTyped),
    field(oversized),
    field(fc.oneof(wrongTyped, oversized)),
  );
}

/** A reply is clean when it is an envelope and, when an error, one the user can be shown (never internal). */
export function cleanReplyProblem(reply: unknown): string | null {
  const parsed = EnvelopeShape.safeParse(reply);
  if (!parsed.success) return `not an envelope: ${JSON.stringify(reply).slice(0, 200)}`;
  if (!parsed.data.ok && parsed.data.error.code === 'internal') return `internal: ${parsed.data.error.message}`;
  return null;
}
