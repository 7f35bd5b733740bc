// Test support: a secret written every way a hostile endpoint could echo it, for the scrubbing tests of
// the core (error envelopes), the CLI output and the logs.

/** Secrets with characters every encoding changes: space, +, /, =, &, quotes, <, ~, non-ASCII. */
export const ODD_KEY = 'K3y+with/odd=chars&é ü~';
export const ODD_PASSWORD = `p@ss w0rd"\\<>'?#`;

const pct = (b: number) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`;

export const ENCODINGS: Readonly<Record<string, (s: string) => string>> = {
  plain: (s) => s,
  percent: (s) => encodeURIComponent(s),
  'percent, lower-case hex': (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  'percent, every byte': (s) => [...Buffer.from(s, 'utf8')].map(pct).join(''),
  'double percent': (s) => encodeURIComponent(encodeURIComponent(s)),
  'form (plus for space)': (s) => new URLSearchParams({ v: s }).toString().slice(2),
  'PHP urlencode': (s) => encodeURIComponent(s).replace(/[!'()*~]/g, (c) => pct(c.charCodeAt(0))).replace(/%20/g, '+'),
  JSON: (s) => JSON.stringify(s).slice(1, -1),
  'JSON \\u escapes': (s) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
  'HTML entities': (s) => [...s].map((c) => (/[a-z0-9]/i.test(c) ? c : `&#${c.codePointAt(0)};`)).join(''),
  'HTML hex entities': (s) => [...s].map((c) => (/[a-z0-9]/i.test(c) ? c : `&#x${c.codePointAt(0)!.toString(16)};`)).join(''),
  base64: (s) => Buffer.from(s, 'utf8').toString('base64'),
  base64url: (s) => Buffer.from(s, 'utf8').toString('base64url'),
};

/** Every encoded form of every secret, to assert none is left in a text. */
export function allForms(...secrets: string[]): string[] {
  return secrets.flatMap((secret) => Object.values(ENCODINGS).map((encode) => encode(secret)));
}
