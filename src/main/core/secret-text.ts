// Keeping credentials out of text that leaves the core (error envelopes, CLI output, logs). A hostile or
// broken API endpoint may echo the key or password in any encoding, so a secret is matched character by
// character in every form it can take on the way (percent in any case, double percent, "+" for space,
// JSON and HTML escapes, mixed freely), and as base64. Text that names a credential field of a form body
// (api_key= / api_password=, encoded or not) is dropped whole: what follows the "=" could be anything.

export const REDACTED = '[redacted]';
export const DROPPED_TEXT = '[text removed: it contained credentials]';

/** Secrets shorter than this are not matched: they would redact ordinary words. */
export const MIN_SECRET_LENGTH = 4;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const hexClass = (hex: string) => [...hex].map((d) => (/[a-f]/i.test(d) ? `[${d.toLowerCase()}${d.toUpperCase()}]` : d)).join('');
const hex2 = (n: number) => n.toString(16).padStart(2, '0');

const HTML_NAMED: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&(?:#0*39|apos);' };
// JSON escapes, with any number of backslashes: a JSON text inside a JSON text escapes them again.
const JSON_SHORT: Readonly<Record<string, string>> = { '"': '\\\\+"', '\\': '\\\\{2,}', '/': '\\\\+/' };

/** Every way one character of a secret may appear in an echo, as a regex alternation. */
function charForms(char: string): string {
  const forms = [escapeRegex(char)];
  const bytes = [...Buffer.from(char, 'utf8')];
  forms.push(bytes.map((b) => `%(?:25)?${hexClass(hex2(b))}`).join('')); // %XX, %25XX (double-encoded)
  if (char === ' ') forms.push('\\+');
  const units = [...char].length === 1 ? Array.from({ length: char.length }, (_, i) => char.charCodeAt(i)) : [];
  forms.push(units.map((u) => `\\\\+u${hexClass(u.toString(16).padStart(4, '0'))}`).join('')); // JSON \uXXXX
  if (JSON_SHORT[char]) forms.push(JSON_SHORT[char]);
  const code = char.codePointAt(0)!;
  forms.push(`&#0*${code};`, `&#[xX]0*${hexClass(code.toString(16))};`);
  if (HTML_NAMED[char]) forms.push(HTML_NAMED[char]);
  return `(?:${forms.join('|')})`;
}

function base64Forms(secret: string): string[] {
  const std = Buffer.from(secret, 'utf8').toString('base64');
  const bare = std.replace(/=+$/, '');
  const url = bare.replace(/\+/g, '-').replace(/\//g, '_');
  return [...new Set([std, bare, url])].filter((form) => form.length >= MIN_SECRET_LENGTH).map(escapeRegex);
}

const patternCache = new Map<string, RegExp | null>();

/** One regex matching any of the secrets in any form; null when none is long enough to match. */
export function secretPattern(secrets: readonly string[]): RegExp | null {
  const usable = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
  const key = JSON.stringify(usable);
  if (patternCache.has(key)) return patternCache.get(key)!;
  const parts = usable.flatMap((secret) => [[...secret].map(charForms).join(''), ...base64Forms(secret)]);
  const pattern = parts.length > 0 ? new RegExp(parts.join('|'), 'g') : null;
  if (patternCache.size > 32) patternCache.clear(); // a handful of accounts per process; never grows unbounded
  patternCache.set(key, pattern);
  return pattern;
}

/** The text with every encoded or plain occurrence of the secrets replaced by [redacted]. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  const pattern = secretPattern(secrets);
  return pattern ? text.replace(pattern, REDACTED) : text;
}

// api_key= / api_password= with the underscore and "=" in any encoding, and any letter case.
const CREDENTIAL_FIELD = /api(?:_|%5f|%255f|\\u005f)(?:key|password)\s*(?:=|%3d|%253d|\\u003d)/i;

/** True when the text names a credential field of a Kartra form body (api_key=, api_password=). */
export function hasCredentialField(text: string): boolean {
  return CREDENTIAL_FIELD.test(text);
}

/** The text, or DROPPED_TEXT when it names a credential field. */
export function dropCredentialText(text: string): string {
  return hasCredentialField(text) ? DROPPED_TEXT : text;
}

const CREDENTIAL_VALUE = new RegExp(`(${CREDENTIAL_FIELD.source})[^&\\s"',;}\\]]*`, 'gi');

/** For text that cannot be dropped whole (a CLI document): the value after each credential field is redacted. */
export function redactCredentialFields(text: string): string {
  return text.replace(CREDENTIAL_VALUE, `$1${REDACTED}`);
}
