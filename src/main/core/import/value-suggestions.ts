// Suggested replacements for values a column refuses: a country written in another language ("España" → Spain) or a
// time zone Kartra does not list ("Paris", "CET", "Europe/Berlin" → a Kartra zone with the same offset).
import { KARTRA_TIME_ZONES } from '../../../shared/domain/time-zones';
import { resolveCountry } from './countries';

/** Languages whose country names are recognised (CLDR names through Intl, the same source as the English table). */
const LOCALES = ['es', 'fr', 'de', 'it', 'pt', 'nl', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'ro', 'hu', 'tr', 'el', 'ru', 'uk', 'ja', 'zh', 'ko', 'ar'];

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

let foreign: Map<string, string> | undefined;

function foreignNames(): Map<string, string> {
  if (foreign) return foreign;
  foreign = new Map();
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (const locale of LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const local = names.of(code);
        const name = local ? resolveCountry(code) : null;
        if (!local || !name || english.of(code) === undefined) continue;
        if (!foreign.has(fold(local))) foreign.set(fold(local), name);
      }
    }
  }
  return foreign;
}

/** The English country name a refused country cell most likely means, or null. */
export function suggestCountry(value: string): string | null {
  const direct = resolveCountry(value);
  if (direct) return direct;
  const key = fold(value);
  if (key === '') return null;
  const english = resolveCountry(key);
  return english ?? foreignNames().get(key) ?? null;
}

const ABBREVIATIONS: Record<string, string> = {
  est: 'America/New_York',
  edt: 'America/New_York',
  et: 'America/New_York',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  mst: 'America/Boise',
  mdt: 'America/Boise',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  pt: 'America/Los_Angeles',
  gmt: 'Europe/London',
  utc: 'Europe/London',
  bst: 'Europe/London',
  wet: 'Europe/London',
  cet: 'Europe/Brussels',
  cest: 'Europe/Brussels',
  eet: 'Europe/Helsinki',
  eest: 'Europe/Helsinki',
  msk: 'Europe/Moscow',
  ist: 'Asia/Kolkata',
  jst: 'Asia/Tokyo',
  kst: 'Asia/Seoul',
  aest: 'Australia/Sydney',
  aedt: 'Australia/Sydney',
  awst: 'Australia/Perth',
  nzst: 'Pacific/Auckland',
};

function offsetNow(zone: string): string | null {
  try {
    const parts = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(Date.UTC(2025, 0, 15)));
    const summer = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(Date.UTC(2025, 6, 15)));
    return `${parts.find((p) => p.type === 'timeZoneName')?.value}|${summer.find((p) => p.type === 'timeZoneName')?.value}`;
  } catch {
    return null; // not an IANA zone
  }
}

/** The Kartra time zone a refused cell most likely means, or null. */
export function suggestTimeZone(value: string): string | null {
  const text = value.trim();
  const lower = text.toLowerCase();
  const exact = KARTRA_TIME_ZONES.find((z) => z.toLowerCase() === lower);
  if (exact) return exact;
  if (ABBREVIATIONS[lower]) return ABBREVIATIONS[lower];
  // "New York", "new_york", "Kolkata": the city part of a Kartra zone.
  const city = fold(text.split('/').pop() ?? text);
  const byCity = KARTRA_TIME_ZONES.find((z) => fold((z.split('/').pop() ?? '').replace(/_/g, ' ')) === city);
  if (byCity) return byCity;
  // Any IANA zone ("Europe/Berlin", or a city Intl knows on a continent): a Kartra zone with the same offsets all year.
  const candidates = text.includes('/') ? [text] : ['Europe', 'America', 'Asia', 'Africa', 'Australia', 'Pacific', 'Atlantic'].map((c) => `${c}/${text.replace(/\s+/g, '_')}`);
  for (const zone of candidates) {
    const offsets = offsetNow(zone);
    if (!offsets) continue;
    const region = zone.split('/')[0];
    const same = KARTRA_TIME_ZONES.filter((z) => offsetNow(z) === offsets);
    return same.find((z) => z.startsWith(`${region}/`)) ?? same[0] ?? null;
  }
  return null;
}
