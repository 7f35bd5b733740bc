import { describe, expect, it } from 'vitest';
import { makeLead } from '../../test/fixtures';
import { assignableTags, leadDisplayName, leadPlaceLine } from './lead-format';

describe('lead-format', () => {
  it('joins the name parts that are set', () => {
    expect(leadDisplayName(makeLead({ first_name: ' Ada ', middle_name: 'King', last_name: 'Lovelace', last_name2: '' }))).toBe(
      'Ada King Lovelace',
    );
  });

  it('falls back to the email, then to the id', () => {
    expect(leadDisplayName(makeLead({ first_name: '', last_name: ' ', email: 'x@example.com' }))).toBe('x@example.com');
    expect(leadDisplayName(makeLead({ first_name: '', last_name: '', email: '', id: '77' }))).toBe('Lead 77');
  });

  it('leaves empty parts out of the place line', () => {
    expect(leadPlaceLine({ company: '', city: 'Paris', country: 'FR' })).toBe('Paris · FR');
    expect(leadPlaceLine({ company: ' ', city: '', country: '' })).toBe('');
  });

  it('offers only tags the lead has not got and is not being given, by exact name', () => {
    expect(assignableTags(['a', 'B', 'c', 'b'], ['a'], 'c')).toEqual(['B', 'b']);
    expect(assignableTags(['a'], [], null)).toEqual(['a']);
  });
});
