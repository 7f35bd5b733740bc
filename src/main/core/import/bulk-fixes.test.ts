// The bulk fixes' value rules: E.164 phones with a default country, dates in a stated order, suggestions for refused values.
import { describe, expect, it } from 'vitest';
import { compileFix, toE164, toIsoDate } from './bulk-fixes';
import { compileMapping } from './validate-row';
import { suggestCountry, suggestTimeZone } from './value-suggestions';

describe('toE164', () => {
  it('reads national numbers with the default country and keeps international ones', () => {
    expect(toE164('020 7946 0000', 'GB')).toBe('+442079460000');
    expect(toE164('(212) 555-0100', 'US')).toBe('+12125550100');
    expect(toE164('+49 30 901820', 'US')).toBe('+4930901820');
    expect(toE164('12', 'US')).toBeNull();
    expect(toE164('call me', 'US')).toBeNull();
  });
});

describe('toIsoDate', () => {
  it('reads the stated order, two-digit years and month names, and refuses impossible dates', () => {
    expect(toIsoDate('31/12/2024', 'DMY')).toBe('2024-12-31');
    expect(toIsoDate('12-31-24', 'MDY')).toBe('2024-12-31');
    expect(toIsoDate('2024.02.29', 'YMD')).toBe('2024-02-29');
    expect(toIsoDate('31 Dec 2024', 'MDY')).toBe('2024-12-31');
    expect(toIsoDate('Dec 31, 2024', 'DMY')).toBe('2024-12-31');
    expect(toIsoDate('31/02/2024', 'DMY')).toBeNull();
    expect(toIsoDate('13/13/2024', 'MDY')).toBeNull();
    expect(toIsoDate('soon', 'DMY')).toBeNull();
  });
});

describe('compileFix', () => {
  const cm = compileMapping(['Email', 'Country'], { Email: 'email', Country: 'country' }, []);
  it('changes only the named column and leaves ragged rows alone', () => {
    const fix = compileFix({ kind: 'replace', column: 'Country', pairs: [{ from: 'españa', to: 'Spain' }] }, cm);
    expect(fix(['a@x.io', ' España '])).toEqual(['a@x.io', 'Spain']);
    expect(fix(['a@x.io', 'Spain'])).toBeNull();
    expect(fix(['a@x.io'])).toBeNull();
    expect(fix(['a@x.io', 'España', 'shifted'])).toBeNull();
    expect(() => compileFix({ kind: 'email', column: 'Nope' }, cm)).toThrow('no column "Nope"');
  });
});

describe('suggestions', () => {
  it('name countries written in other languages and time zones Kartra does not list', () => {
    expect(['España', 'Deutschland', 'Allemagne', 'Brasil', 'Nowhere'].map(suggestCountry)).toEqual(['Spain', 'Germany', 'Germany', 'Brazil', null]);
    expect(['new york', 'CET', 'Europe/Berlin', 'America/Denver', 'Mars'].map(suggestTimeZone)).toEqual([
      'America/New_York',
      'Europe/Brussels',
      'Europe/Brussels',
      'America/Boise',
      null,
    ]);
  });
});
