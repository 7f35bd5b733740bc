// Walks every output and event schema of the contract: no field that could carry a secret may exist.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands, events } from './contract';

const SECRET_NAME = /(api_?key|api_?password|password|secret|token)/i;

/** Every object key reachable in a zod schema, with its path. */
function keysOf(schema: z.ZodType, path: string, out: string[], seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      for (const [key, child] of Object.entries(shape)) {
        out.push(`${path}.${key}`);
        keysOf(child, `${path}.${key}`, out, seen);
      }
      break;
    }
    case 'array':
      keysOf(def.element as z.ZodType, `${path}[]`, out, seen);
      break;
    case 'union':
      (def.options as z.ZodType[]).forEach((o, i) => keysOf(o, `${path}|${i}`, out, seen));
      break;
    case 'record':
      keysOf(def.valueType as z.ZodType, `${path}{}`, out, seen);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
      keysOf(def.innerType as z.ZodType, path, out, seen);
      break;
    case 'pipe':
      keysOf(def.in as z.ZodType, path, out, seen);
      keysOf(def.out as z.ZodType, path, out, seen);
      break;
    case 'lazy':
      keysOf((def.getter as () => z.ZodType)(), path, out, seen);
      break;
    default:
      break;
  }
  return out;
}

describe('the IPC contract', () => {
  it('has no output or event field that could carry a secret', () => {
    const keys = [
      ...Object.entries(commands).flatMap(([name, spec]) => keysOf(spec.output, name, [])),
      ...Object.entries(events).flatMap(([name, schema]) => keysOf(schema, `event:${name}`, [])),
    ];
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.filter((k) => SECRET_NAME.test(k.split('.').pop() ?? ''))).toEqual([]);
  });

  it('the walker does find a secret-looking field when one is there', () => {
    const leaky = z.object({ account: z.object({ label: z.string(), apiPassword: z.string() }).nullable() });
    expect(keysOf(leaky, 'x', []).filter((k) => SECRET_NAME.test(k.split('.').pop() ?? ''))).toEqual(['x.account.apiPassword']);
  });

  it('only accounts.connect takes a secret as input, and it never answers one', () => {
    const withSecretInput = Object.entries(commands)
      .filter(([, spec]) => keysOf(spec.input, '', []).some((k) => SECRET_NAME.test(k.split('.').pop() ?? '')))
      .map(([name]) => name);
    expect(withSecretInput).toEqual(['accounts.connect']);
  });
});
