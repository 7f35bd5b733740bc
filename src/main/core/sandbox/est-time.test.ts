import { describe, expect, it } from 'vitest';
import { estToMs, formatEst, parseDayMonthYear, parseEstDateTime, parseHourMinute } from './est-time';

describe('Kartra (US Eastern) time', () => {
  it('formats instants as Eastern wall-clock time, winter and summer', () => {
    expect(formatEst(Date.UTC(2024, 0, 15, 17, 4, 5))).toBe('2024-01-15 12:04:05');
    expect(formatEst(Date.UTC(2024, 6, 15, 17, 4, 5))).toBe('2024-07-15 13:04:05');
  });

  it('turns Eastern wall-clock values back into the same instant', () => {
    expect(estToMs(2024, 1, 15, 12, 4, 5)).toBe(Date.UTC(2024, 0, 15, 17, 4, 5));
    expect(estToMs(2024, 7, 15, 13, 4, 5)).toBe(Date.UTC(2024, 6, 15, 17, 4, 5));
    expect(estToMs(2023, 2, 29)).toBeNull();
    expect(estToMs(2024, 13, 1)).toBeNull();
  });

  it('parses the calendar and subscription formats strictly', () => {
    expect(parseDayMonthYear('16 Jan 2019')).toEqual([2019, 1, 16]);
    expect(parseDayMonthYear('2019-01-16')).toBeNull();
    expect(parseDayMonthYear('16 Foo 2019')).toBeNull();
    expect(parseHourMinute('15:00')).toEqual([15, 0]);
    expect(parseHourMinute('3pm')).toBeNull();
    expect(parseHourMinute('24:00')).toBeNull();
    expect(parseEstDateTime('2021-01-18 05:46:00')).toBe(Date.UTC(2021, 0, 18, 10, 46, 0));
    expect(parseEstDateTime('2021-01-18 05:46')).toBe(Date.UTC(2021, 0, 18, 10, 46, 0));
    expect(parseEstDateTime('18/01/2021')).toBeNull();
  });
});
