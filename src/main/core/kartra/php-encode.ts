// PHP http_build_query() form encoder, hand-written on purpose: no npm library (qs, URLSearchParams) reproduces PHP's urlencode byte for byte.
//
// PHP's urlencode() (RFC 1738 flavour, the one http_build_query uses by default) keeps only
// A-Z a-z 0-9 _ . - as they are, turns a space into "+", and percent-encodes every other UTF-8
// byte with uppercase hex — including `~` and `*`, which URLSearchParams and qs leave alone.
// Nested values get bracketed keys with explicit indices (`a%5B0%5D%5Bb%5D=…`), nulls are
// skipped and empty arrays vanish, exactly as PHP does (kartra-api.md §2.1, §2.4).

export type PhpScalar = string | number | bigint | boolean | null | undefined;
export type PhpValue = PhpScalar | readonly PhpValue[] | PhpObject | ReadonlyMap<string | number, PhpValue>;
export interface PhpObject {
  readonly [key: string]: PhpValue;
}

const SAFE_BYTE = new Uint8Array(256);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-') SAFE_BYTE[ch.charCodeAt(0)] = 1;
const HEX = '0123456789ABCDEF';
const utf8 = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** PHP urlencode(): what http_build_query applies to every key segment and value. */
export function phpUrlencode(text: string): string {
  if (LONE_SURROGATE.test(text)) {
    throw new TypeError('Text contains a broken Unicode character (a lone surrogate) and cannot be sent to Kartra');
  }
  let out = '';
  for (const byte of utf8.encode(text)) {
    if (SAFE_BYTE[byte]) out += String.fromCharCode(byte);
    else if (byte === 0x20) out += '+';
    else out += '%' + HEX[byte >> 4] + HEX[byte & 15];
  }
  return out;
}

/**
 * Encode `data` as PHP's http_build_query($data) would. Key order is the object's own order
 * (note: plain JS objects list integer-like keys first — use a Map or an array for any order).
 */
export function phpBuildQuery(data: PhpObject | ReadonlyMap<string | number, PhpValue>): string {
  const pairs: string[] = [];
  for (const [key, value] of entriesOf(data)) appendValue(pairs, phpUrlencode(String(key)), value, String(key));
  return pairs.join('&');
}

function appendValue(pairs: string[], encodedKey: string, value: PhpValue, path: string): void {
  if (value === null || value === undefined) return; // PHP drops null members entirely
  if (isComposite(value)) {
    for (const [childKey, child] of entriesOf(value)) {
      appendValue(pairs, `${encodedKey}%5B${phpUrlencode(String(childKey))}%5D`, child, `${path}[${String(childKey)}]`);
    }
    return;
  }
  pairs.push(`${encodedKey}=${phpUrlencode(scalarToString(value, path))}`);
}

function scalarToString(value: Exclude<PhpScalar, null | undefined>, path: string): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
      return value ? '1' : '0'; // http_build_query writes true as 1 and false as 0
    case 'bigint':
      return value.toString();
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path} is not a finite number and cannot be sent to Kartra`);
      // JS's shortest round-trip form equals PHP 8's (serialize_precision = -1) for every value
      // this app sends (ids, points, amounts); only exponent notation (>= 1e21) would differ.
      return String(value);
    default:
      throw new TypeError(`${path} has an unsupported type (${typeof value}) for a Kartra request`);
  }
}

type Composite = readonly PhpValue[] | PhpObject | ReadonlyMap<string | number, PhpValue>;

function isComposite(value: PhpValue): value is Composite {
  return typeof value === 'object' && value !== null;
}

function entriesOf(value: Composite): Iterable<readonly [string | number, PhpValue]> {
  if (Array.isArray(value)) return (value as readonly PhpValue[]).map((item, index) => [index, item] as const);
  if (value instanceof Map) return value.entries();
  return Object.entries(value as PhpObject);
}
