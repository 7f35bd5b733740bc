// Minimal RFC 4180 CSV writing: fields with a quote, comma, line break or edge spaces are quoted, quotes doubled, CRLF lines.

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
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
