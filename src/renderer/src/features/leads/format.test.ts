import { describe, expect, it } from 'vitest';
import { formatAge, formatLeadCount, isLookupQuery } from './format';

describe('workspace format helpers', () => {
  it('counts leads and matches, with the core’s cap shown as 2,000+', () => {
    expect(formatLeadCount(1, '')).toBe('1 lead');
    expect(formatLeadCount(1234, '  ')).toBe('1,234 leads');
    expect(formatLeadCount(0, 'ada')).toBe('No matches');
    expect(formatLeadCount(1, 'ada')).toBe('1 match');
    expect(formatLeadCount(1_999, 'a')).toBe('1,999 matches');
    expect(formatLeadCount(2_000, 'a')).toBe('2,000+ matches');
  });

  it('tells ages coarsely', () => {
    const now = 1_700_000_000_000;
    expect(formatAge(now - 10_000, now)).toBe('just now');
    expect(formatAge(now - 3 * 60_000, now)).toBe('3 min ago');
    expect(formatAge(now - 2 * 3_600_000, now)).toBe('2 h ago');
    expect(formatAge(now - 26 * 3_600_000, now)).toBe('1 day ago');
    expect(formatAge(now - 5 * 86_400_000, now)).toBe('5 days ago');
    expect(formatAge(now + 60_000, now)).toBe('just now');
  });

  it('recognises what Kartra can look up', () => {
    expect(isLookupQuery(' 39001 ')).toBe(true);
    expect(isLookupQuery('ada@example.com')).toBe(true);
    expect(isLookupQuery('ada lovelace')).toBe(false);
    expect(isLookupQuery('ada@')).toBe(false);
  });
});
