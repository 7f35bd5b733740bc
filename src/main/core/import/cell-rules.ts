// The checks one CSV cell must pass before it is sent to Kartra, each with a message that says what to fix.
import { z } from 'zod';
import type { AccountCustomField } from '../../../shared/domain/account';
import { textAreaProblem } from '../../../shared/domain/lead';
import { KARTRA_TIME_ZONES } from '../../../shared/domain/time-zones';
import { resolveCountry } from './countries';

/** The same email pattern the lead schemas use (zod), so a row that passes here also passes there. */
export const EMAIL_PATTERN: RegExp = z.regexes.email;
export const MAX_EMAIL = 320;
export const MAX_TEXT = 2000;

// Tab and line breaks are legitimate inside a quoted cell; other control characters are corruption.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A cell that cannot be sent; anything else a check returns is the value to send. */
export class Problem {
  constructor(readonly message: string) {}
}

/** The value to send (canonical text, an option id, option ids) or the problem. */
export type Checked = string | string[] | Problem;

const quote = (value: string) => `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;

export function controlCharProblem(value: string): string | null {
  if (!CONTROL.test(value)) return null;
  const match = CONTROL.exec(value);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  return code === 0
    ? 'contains a NUL character (the file may be damaged); retype the value'
    : `contains an invisible control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}); retype the value`;
}

export function checkEmail(value: string): Checked {
  if (value === '') return new Problem('is empty: every lead needs an email address');
  if (value.length > MAX_EMAIL) return new Problem(`is longer than ${MAX_EMAIL} characters`);
  if (!EMAIL_PATTERN.test(value)) return new Problem(`${quote(value)} is not a valid email address`);
  return value;
}

export function checkText(value: string): Checked {
  if (value.length > MAX_TEXT) return new Problem(`is longer than ${MAX_TEXT} characters (${value.length}); Kartra cannot store it`);
  return value;
}

const ZONES = new Map(KARTRA_TIME_ZONES.map((tz) => [tz.toLowerCase(), tz]));
const EXACT_ZONES = new Set<string>(KARTRA_TIME_ZONES);

export function checkTimeZone(value: string): Checked {
  if (EXACT_ZONES.has(value)) return value;
  return ZONES.get(value.toLowerCase()) ?? new Problem(`${quote(value)} is not one of the ${KARTRA_TIME_ZONES.length} time zones Kartra accepts (e.g. Europe/London, America/New_York)`);
}

// Country cells repeat a lot: remember recent answers (bounded, so a file of random text cannot grow it).
const countryCache = new Map<string, string | null>();

export function checkCountry(value: string): Checked {
  let name = countryCache.get(value);
  if (name === undefined) {
    name = resolveCountry(value);
    if (countryCache.size > 5_000) countryCache.clear();
    countryCache.set(value, name);
  }
  return name ?? new Problem(`${quote(value)} is not a country name or a two-letter ISO country code (e.g. DE or Germany)`);
}

/**
 * The check of one custom field: text for input/text area; a drop-down or radio cell names one option
 * (its label in any case, or its id); a checkbox cell may name several, separated by ";", "|" or ",".
 */
export function customCheck(field: AccountCustomField): (value: string) => Checked {
  if (field.field_type === 'input_field') return checkText;
  if (field.field_type === 'text_area') {
    return (value) => {
      const problem = textAreaProblem(field.field_identifier, value);
      return problem === null ? checkText(value) : new Problem(problem);
    };
  }
  const exact = new Map(field.options.map((o) => [o.option_value, o.option_id]));
  const byLabel = new Map(field.options.map((o) => [o.option_value.trim().toLowerCase(), o.option_id]));
  const ids = new Set(field.options.map((o) => o.option_id));
  const find = (part: string) => {
    const same = exact.get(part);
    if (same !== undefined) return same;
    const trimmed = part.trim();
    return byLabel.get(trimmed.toLowerCase()) ?? (ids.has(trimmed) ? trimmed : undefined);
  };
  const options = optionList(field);
  if (field.field_type !== 'checkbox') {
    return (value) => find(value) ?? new Problem(`${quote(value)} is not one of the options of ${field.field_identifier} (${options})`);
  }
  return (value) => {
    const whole = find(value);
    if (whole) return [whole];
    const found: string[] = [];
    const unknown: string[] = [];
    for (const part of value.split(/[;|,]/)) {
      if (part.trim() === '') continue;
      const id = find(part);
      if (id === undefined) unknown.push(part.trim());
      else if (!found.includes(id)) found.push(id);
    }
    if (unknown.length === 0 && found.length > 0) return found;
    return new Problem(
      `${unknown.map(quote).join(', ') || quote(value)} ${unknown.length > 1 ? 'are' : 'is'} not among the options of ${field.field_identifier} (${options}); separate several with ";"`,
    );
  };
}

function optionList(field: AccountCustomField): string {
  const labels = field.options.map((o) => o.option_value);
  return labels.length > 8 ? `${labels.slice(0, 8).join(', ')}, …` : labels.join(', ');
}
