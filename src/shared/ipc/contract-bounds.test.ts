// Every command input is bounded (issue 15.6): each string and array has a maximum length and each record
// a maximum number of entries (declared with boundedRecord), so no payload can make the core hold or
// store more than the contract allows. Walks the zod schemas themselves, so a new field without a bound
// fails here.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands, COMMAND_NAMES } from './contract';

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const hasMax = (def: Def) =>
  ((def.checks as { _zod: { def: { check: string } } }[] | undefined) ?? []).some((c) => ['max_length', 'length_equals'].includes(c._zod.def.check));

/** Paths (inside one command's input) of strings, arrays and records without an upper bound. */
export function unboundedPaths(schema: z.ZodType, path = '(input)', seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const walk = (child: unknown, at: string) => unboundedPaths(child as z.ZodType, at, seen);
  switch (def.type) {
    case 'string':
      return hasMax(def) ? [] : [path];
    case 'array':
      return [...(hasMax(def) ? [] : [path]), ...walk(def.element, `${path}[]`)];
    case 'record': {
      const bounded = typeof z.globalRegistry.get(schema)?.maxEntries === 'number';
      return [...(bounded ? [] : [path]), ...walk(def.keyType, `${path}{key}`), ...walk(def.valueType, `${path}{value}`)];
    }
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const catchall = def.catchall ? walk(def.catchall, `${path}.*`) : [];
      return [...Object.entries(shape).flatMap(([key, value]) => walk(value, `${path}.${key}`)), ...catchall];
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return walk(def.innerType, path);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option, i) => walk(option, `${path}|${i}`));
    case 'intersection':
      return [...walk(def.left, path), ...walk(def.right, path)];
    case 'tuple':
      return (def.items as z.ZodType[]).flatMap((item, i) => walk(item, `${path}[${i}]`));
    case 'pipe':
      return walk(def.in, path);
    case 'lazy':
      return walk((def.getter as () => z.ZodType)(), path);
    case 'any':
    case 'unknown':
      return [`${path} (${def.type})`];
    default:
      return []; // numbers, booleans, enums, literals, never: fixed size
  }
}

describe('contract input bounds', () => {
  it.each(COMMAND_NAMES.map((name) => [name]))('%s bounds every string, array and record', (name) => {
    expect(unboundedPaths(commands[name].input as z.ZodType)).toEqual([]);
  });
});
