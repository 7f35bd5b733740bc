// Spreadsheet formula injection (CWE-1236): every cell the app writes to a CSV or spreadsheet goes through
// neutralizeFormula, and every cell it reads back through restoreFormula, so the round trip is exact.
//
// OWASP's CSV Injection guidance and ASVS 5.0 (1.2.10): a cell whose first character is = + - @ tab, CR
// or NUL is prefixed with a single quote, which spreadsheets show as text. OWASP makes no exception for
// plain negative numbers, so "-2" is written as "'-2" too (a number-looking "-2+3" is the classic attack).
// Full-width ＝＋－＠ are included because some spreadsheet locales turn them into their ASCII forms.
//
// OWASP's caveat about separators: Excel in many locales splits a .csv on ";" whatever the quoting, so a
// cell "x;=cmd()" would start a new cell with a formula there. The same guard quote therefore also goes
// after every ";" (and any double quotes) that is followed by a trigger.
//
// A value that already has quotes before such a character ("'=x") gets one more quote, so that reading
// strips exactly the quote writing added and every value survives a round trip unchanged.

const TRIGGER = "[=+\\-@\\t\\r\\0\\uFF1D\\uFF0B\\uFF0D\\uFF20]";
const NEEDS_GUARD = new RegExp(`(^|;"*)('*${TRIGGER})`, 'g');
const GUARDED = new RegExp(`(^|;"*)'('*${TRIGGER})`, 'g');
const MAY_NEED = /[;=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cell as a spreadsheet must show it: as text, never evaluated. */
export function neutralizeFormula(value: string): string {
  return MAY_NEED.test(value) ? value.replace(NEEDS_GUARD, "$1'$2") : value;
}

/** Undoes neutralizeFormula for a cell read from a file (ours, or another app's that follows OWASP). */
export function restoreFormula(value: string): string {
  return value.includes("'") ? value.replace(GUARDED, '$1$2') : value;
}
