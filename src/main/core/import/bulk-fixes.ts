// The review's bulk fixes as cell transforms: each turns a row's cells into fixed cells (or null when the row is
// unchanged); the worker applies one to every row of the file and journals the rows it changed as fixed rows.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { BulkFix } from '../../../shared/domain/import';
import { AppError } from '../errors';
import { splitList } from './list-cells';
import { Problem } from './cell-rules';
import type { CompiledMapping } from './validate-row';

export type CellTransform = (cells: readonly string[]) => string[] | null;

const invalid = (message: string, field: string) => new AppError('invalid_input', message, { details: { field } });

/** One column's value → its new value, or null to leave it. */
type ValueFix = (value: string) => string | null;

export function compileFix(fix: BulkFix, cm: CompiledMapping): CellTransform {
  const index = cm.headers.indexOf(fix.column);
  if (index < 0) throw invalid(`This file has no column "${fix.column}".`, 'fix.column');
  const one = valueFix(fix, cm, index);
  const width = cm.headers.length;
  return (cells) => {
    // A ragged row stays as it is: its values may be in the wrong columns, so a fix could land in the wrong field.
    if (cells.length < width || cells.slice(width).some((c) => c.trim() !== '')) return null;
    const next = one(cells[index] ?? '');
    if (next === null || next === cells[index]) return null;
    const out = cells.slice(0, width);
    out[index] = next;
    return out;
  };
}

function valueFix(fix: BulkFix, cm: CompiledMapping, index: number): ValueFix {
  switch (fix.kind) {
    case 'replace': {
      // Compared trimmed and case-insensitively: "españa " is the same refused value as "España".
      const pairs = new Map(fix.pairs.map((p) => [p.from.trim().toLowerCase(), p.to]));
      return (value) => pairs.get(value.trim().toLowerCase()) ?? null;
    }
    case 'clearInvalid': {
      if (index === cm.emailIndex) throw invalid('Every lead needs its email address: exclude the rows with a bad email instead of importing them without it.', 'fix.column');
      const column = cm.columns.find((c) => c.index === index);
      if (!column) throw invalid(`Column "${fix.column}" is not mapped to a lead field, so nothing in it is refused.`, 'fix.column');
      return (value) => (value.trim() !== '' && column.rule(value.trim()) instanceof Problem ? '' : null);
    }
    case 'email':
      return (value) => value.replace(/\s+/g, '').toLowerCase();
    case 'phone':
      return (value) => toE164(value, fix.defaultCountry as CountryCode);
    case 'date':
      return (value) => toIsoDate(value, fix.order);
    case 'dropValues': {
      const drop = new Set(fix.values.map((v) => v.trim().toLowerCase()));
      return (value) => {
        const names = splitList(value);
        const kept = names.filter((n) => !drop.has(n.toLowerCase()));
        return kept.length === names.length ? null : kept.join('; ');
      };
    }
  }
}

/** A phone number in E.164 ("+442079460000"), read with the default country when it has no "+"; null if unreadable. */
export function toE164(value: string, defaultCountry: CountryCode): string | null {
  if (value.trim() === '') return null;
  const parsed = parsePhoneNumberFromString(value.trim(), defaultCountry);
  return parsed && parsed.isValid() ? parsed.format('E.164') : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A date as YYYY-MM-DD from "31/12/2024", "12-31-24", "2024.12.31", "31 Dec 2024"…, read in the given order; null if not a date. */
export function toIsoDate(value: string, order: 'DMY' | 'MDY' | 'YMD'): string | null {
  const text = value.trim();
  if (text === '') return null;
  const parts = text.split(/[\s/.,-]+/).filter(Boolean);
  if (parts.length !== 3) return null;
  let d: number, m: number, y: number;
  const named = parts.findIndex((p) => /^[A-Za-z]{3,}$/.test(p));
  if (named >= 0) {
    m = MONTHS.indexOf(parts[named]!.slice(0, 3).toLowerCase()) + 1;
    const rest = parts.filter((_, i) => i !== named).map(Number);
    // "31 Dec 2024", "Dec 31 2024", "2024 Dec 31": the four-digit number is the year.
    const yearAt = rest.findIndex((n) => n > 31);
    if (m === 0 || yearAt < 0) return null;
    y = rest[yearAt]!;
    d = rest[1 - yearAt]!;
  } else {
    if (!parts.every((p) => /^\d{1,4}$/.test(p))) return null;
    const n = parts.map(Number);
    [y, m, d] = order === 'YMD' ? [n[0]!, n[1]!, n[2]!] : order === 'DMY' ? [n[2]!, n[1]!, n[0]!] : [n[2]!, n[0]!, n[1]!];
    if (parts[order === 'YMD' ? 0 : 2]!.length === 2) y += y < 70 ? 2000 : 1900;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!Number.isFinite(date.getTime()) || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1000) return null;
  return date.toISOString().slice(0, 10);
}
