// parseFlags and the value checks: every mistake becomes a UsageError that names the flag.
import { describe, expect, it } from 'vitest';
import { int, keyValue, parseFlags, share, UsageError } from './args';

const OPTIONS = { email: { type: 'string' }, tag: { type: 'string', multiple: true }, force: { type: 'boolean' } } as const;

const usage = (fn: () => unknown): UsageError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
};

describe('parseFlags', () => {
  it('parses strings, repeated flags and booleans', () => {
    expect(parseFlags(['--email', 'a@b.co', '--tag', 'A', '--tag=B', '--force'], OPTIONS, 'x')).toEqual({ email: 'a@b.co', tag: ['A', 'B'], force: true });
  });

  it('names unknown flags, missing values, stray words and repeated single flags', () => {
    expect(usage(() => parseFlags(['--emial', 'a'], OPTIONS, 'lead get'))).toMatchObject({ flag: '--emial', message: 'unknown flag --emial for "lead get"' });
    expect(usage(() => parseFlags(['--email'], OPTIONS, 'x')).flag).toBe('--email');
    expect(usage(() => parseFlags(['--force=yes'], OPTIONS, 'x')).flag).toBe('--force');
    expect(usage(() => parseFlags(['oops'], OPTIONS, 'x')).message).toContain('unexpected argument "oops"');
    expect(usage(() => parseFlags(['--email', 'a', '--email', 'b'], OPTIONS, 'x'))).toMatchObject({ flag: '--email' });
  });
});

describe('value checks', () => {
  it('int accepts plain digits within bounds only', () => {
    expect(int('42', '--give', 1, 100)).toBe(42);
    for (const bad of ['-1', '1e3', '4.5', '', '0x10', '101', '0']) expect(usage(() => int(bad, '--give', 1, 100)).flag).toBe('--give');
  });

  it('share accepts 0..1 in decimal notation', () => {
    expect(share('0.05', '--faults', 'x')).toBe(0.05);
    expect(share('1', '--faults', 'x')).toBe(1);
    expect(share('.5', '--faults', 'x')).toBe(0.5);
    for (const bad of ['1.01', '-0.1', 'NaN', 'lots', '', '1e-2']) expect(usage(() => share(bad, '--faults', 'x')).flag).toBe('--faults');
  });

  it('keyValue splits at the first "="', () => {
    expect(keyValue('note=a=b', '--field')).toEqual(['note', 'a=b']);
    expect(keyValue('city=', '--field')).toEqual(['city', '']);
    expect(usage(() => keyValue('=x', '--field')).flag).toBe('--field');
    expect(usage(() => keyValue('city', '--field')).flag).toBe('--field');
  });
});
