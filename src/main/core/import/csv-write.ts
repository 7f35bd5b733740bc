// The app's one CSV writer (RFC 4180, CRLF lines), safe to open in a spreadsheet: formula-like cells are
// neutralised (formula-guard.ts), and fields holding any character a spreadsheet might split on are quoted.
import { neutralizeFormula } from './formula-guard';

// Besides RFC 4180's quote, comma and line breaks, a semicolon or tab is quoted too: Excel in many locales
// splits CSV on ";", and an unquoted "a;=cmd()" would start a new cell with a formula (OWASP's caveat).
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;

export function csvField(value: string): string {
  const text = neutralizeFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** A whole document; the BOM makes Excel read it as UTF-8 (this app's importer accepts it too). */
export function csvDocument(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const parts = ['\uFEFF', csvLine(header)];
  for (const row of rows) parts.push(csvLine(row));
  return parts.join('');
}
