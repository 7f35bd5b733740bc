import { describe, expect, it } from 'vitest';
import { phpBuildQuery, phpUrlencode } from './php-encode';

describe('phpBuildQuery', () => {
  it('reproduces the worked example body of kartra-api.md §2.4 byte for byte', () => {
    const body = phpBuildQuery({
      app_id: 'AbCdE12345',
      api_key: 'FgHiJ67890',
      api_password: 'kLmNoPqRsT',
      lead: {
        email: 'joe.smith@example.com',
        first_name: 'Joe',
        last_name: 'Smith',
        custom_fields: [
          { field_identifier: 'text1', field_value: 'text message' },
          { field_identifier: 'dropdown1', field_value: '612' },
          { field_identifier: 'checkbox1', field_value: ['620', '621'] },
        ],
      },
      actions: [
        { cmd: 'create_lead' },
        { cmd: 'assign_tag', tag_name: 'My customer' },
        { cmd: 'subscribe_lead_to_list', list_name: 'Newsletter' },
      ],
    });
    const expected = [
      'app_id=AbCdE12345&api_key=FgHiJ67890&api_password=kLmNoPqRsT',
      '&lead%5Bemail%5D=joe.smith%40example.com&lead%5Bfirst_name%5D=Joe&lead%5Blast_name%5D=Smith',
      '&lead%5Bcustom_fields%5D%5B0%5D%5Bfield_identifier%5D=text1',
      '&lead%5Bcustom_fields%5D%5B0%5D%5Bfield_value%5D=text+message',
      '&lead%5Bcustom_fields%5D%5B1%5D%5Bfield_identifier%5D=dropdown1',
      '&lead%5Bcustom_fields%5D%5B1%5D%5Bfield_value%5D=612',
      '&lead%5Bcustom_fields%5D%5B2%5D%5Bfield_identifier%5D=checkbox1',
      '&lead%5Bcustom_fields%5D%5B2%5D%5Bfield_value%5D%5B0%5D=620',
      '&lead%5Bcustom_fields%5D%5B2%5D%5Bfield_value%5D%5B1%5D=621',
      '&actions%5B0%5D%5Bcmd%5D=create_lead&actions%5B1%5D%5Bcmd%5D=assign_tag',
      '&actions%5B1%5D%5Btag_name%5D=My+customer&actions%5B2%5D%5Bcmd%5D=subscribe_lead_to_list',
      '&actions%5B2%5D%5Blist_name%5D=Newsletter',
    ].join('');
    expect(body).toBe(expected);
  });

  it('encodes special characters as PHP urlencode does (only A-Za-z0-9_.- stay literal)', () => {
    expect(phpUrlencode("~*'@&=+ ")).toBe('%7E%2A%27%40%26%3D%2B+');
    expect(phpUrlencode('a-b_c.d')).toBe('a-b_c.d');
    expect(phpUrlencode('!#$%()/:;?[]{}|\\^`"<>,')).toBe(
      '%21%23%24%25%28%29%2F%3A%3B%3F%5B%5D%7B%7D%7C%5C%5E%60%22%3C%3E%2C',
    );
    expect(phpUrlencode('line\r\nbreak\ttab')).toBe('line%0D%0Abreak%09tab');
    expect(phpBuildQuery({ 'odd key': 'x~y' })).toBe('odd+key=x%7Ey');
  });

  it('encodes unicode as UTF-8 bytes with uppercase hex', () => {
    expect(phpUrlencode('José Müller')).toBe('Jos%C3%A9+M%C3%BCller');
    expect(phpUrlencode('東京')).toBe('%E6%9D%B1%E4%BA%AC');
    expect(phpUrlencode('😀')).toBe('%F0%9F%98%80');
    expect(() => phpUrlencode('bad \uD800 half')).toThrow(/lone surrogate/);
  });

  it('writes explicit indices for nested arrays and keeps key order', () => {
    expect(phpBuildQuery({ z: '1', a: [['x', 'y'], { k: 'v' }], m: { b: '2', a: '3' } })).toBe(
      'z=1&a%5B0%5D%5B0%5D=x&a%5B0%5D%5B1%5D=y&a%5B1%5D%5Bk%5D=v&m%5Bb%5D=2&m%5Ba%5D=3',
    );
    const ordered = new Map<string | number, string>([
      ['b', '1'],
      [0, '2'],
    ]);
    expect(phpBuildQuery({ m: ordered })).toBe('m%5Bb%5D=1&m%5B0%5D=2');
  });

  it('omits empty arrays and objects, as PHP does', () => {
    expect(phpBuildQuery({ a: [], b: {}, c: 'x', d: { e: [] } })).toBe('c=x');
    expect(phpBuildQuery({})).toBe('');
  });

  it('skips null and undefined but keeps empty strings (Kartra clears a field with "")', () => {
    expect(phpBuildQuery({ a: null, b: undefined, c: '', d: [null, 'x'] })).toBe('c=&d%5B1%5D=x');
  });

  it('writes booleans as 1/0 and numbers in their plain form', () => {
    expect(phpBuildQuery({ t: true, f: false, i: 42, neg: -5, fl: 19.95, big: 12345678901234567890n })).toBe(
      't=1&f=0&i=42&neg=-5&fl=19.95&big=12345678901234567890',
    );
    expect(() => phpBuildQuery({ n: Number.NaN })).toThrow(/n is not a finite number/);
    expect(() => phpBuildQuery({ a: { b: Infinity } })).toThrow(/a\[b\] is not a finite number/);
  });
});
