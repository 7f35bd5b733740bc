// RFC 4180 writing (read back by the same parser the import uses) and the fingerprint duplicate finder.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from './csv-write';
import { DuplicateFinder } from './duplicates';

describe('csv writing', () => {
  it('quotes only what needs it and survives a round trip', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    const rows = [['a,b', 'say "hi"', 'line\r\nbreak', ''], ['é€', ' x ', '"', ',']];
    const doc = csvDocument(['h1', 'h2', 'h3', 'error'], rows);
    expect(doc.startsWith('\uFEFFh1,h2,h3,error\r\n')).toBe(true);
    expect(parse(doc, { bom: true })).toEqual([['h1', 'h2', 'h3', 'error'], ...rows]);
  });
});

describe('DuplicateFinder', () => {
  it('returns the first row of a repeated email and nothing for new ones', () => {
    const finder = new DuplicateFinder();
    expect(finder.check('a@b.co', 1)).toBeNull();
    expect(finder.check('b@b.co', 2)).toBeNull();
    expect(finder.check('a@b.co', 7)).toBe(1);
    expect(finder.check('a@b.co', 9)).toBe(1);
  });

  it('keeps 200,000 distinct addresses apart', () => {
    const finder = new DuplicateFinder();
    let false_ = 0;
    for (let i = 1; i <= 200_000; i++) if (finder.check(`user${i}@example.com`, i) !== null) false_++;
    expect(false_).toBe(0);
    expect(finder.size).toBe(200_000);
    expect(finder.check('user123456@example.com', 300_000)).toBe(123_456);
  });
});
