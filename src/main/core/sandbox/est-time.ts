// Kartra time: timestamps are printed and read as US Eastern wall-clock time without an offset (kartra-api.md §3.2).
// [U] The docs say "EST"; the sandbox uses America/New_York (so EDT in summer), which is what a US-hosted PHP
// server with that default time zone prints.

const ZONE = 'America/New_York';
export const ZERO_DATE = '0000-00-00 00:00:00';

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number): WallClock {
  const out: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 0,
    day: out.day ?? 0,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD HH:MM:SS` in Eastern time. */
export function formatEst(ms: number): string {
  const w = wallClock(ms);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** The Eastern-time offset (ms, negative) in force at instant `ms`. */
function offsetAt(ms: number): number {
  const w = wallClock(ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which Eastern wall-clock time reads the given values, or null when the values do not form a
 * real calendar date/time (31 Feb, 25:00).
 */
export function estToMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const first = local - offsetAt(local);
  return local - offsetAt(first);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Parses calendar_subscribe's `DD Mmm YYYY` (e.g. `16 Jan 2019`); returns [year, month, day] or null. */
export function parseDayMonthYear(text: string): [number, number, number] | null {
  const m = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/.exec(text);
  if (!m) return null;
  const month = MONTHS.findIndex((name) => name.toLowerCase() === m[2]!.toLowerCase()) + 1;
  if (month === 0) return null;
  return [Number(m[3]), month, Number(m[1])];
}

/** Parses `HH:MM`; returns [hour, minute] or null. */
export function parseHourMinute(text: string): [number, number] | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour <= 23 && minute <= 59 ? [hour, minute] : null;
}

/** Parses edit_subscription's `yyyy-mm-dd hh:mm` (seconds optional) as Eastern time; null if malformed. */
export function parseEstDateTime(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return null;
  return estToMs(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

/** The sandbox's notion of "now": wall time plus an offset that tests can advance (point expiry, past dates). */
export interface Clock {
  now(): number;
  advance(ms: number): void;
}

export function createClock(): Clock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      offset += ms;
    },
  };
}

export const DAY_MS = 86_400_000;
