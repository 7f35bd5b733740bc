// Decodes a Kartra request body the way PHP's $_POST would: urlencoded, PHP-style nested keys, brackets literal
// or percent-encoded, last duplicate wins, and `[]` appending a new element.
import qs from 'qs';

/**
 * Parses a request body into Kartra's parameter tree. Anything that is not a form body (JSON, multipart, XML) is
 * not Kartra's format and yields `{}`, so the call fails the way missing fields would (238).
 * [U] A PHP backend would also parse multipart/form-data; no source uses it, so the sandbox does not.
 */
export function parseKartraBody(body: string, contentType: string | undefined): Record<string, unknown> {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== '' && type !== 'application/x-www-form-urlencoded') return {};
  if (type === '' && /^\s*[[{]/.test(body)) return {};
  const parsed = qs.parse(phpAppendIndices(body), {
    depth: 10,
    arrayLimit: 10000,
    parameterLimit: 100000,
    // PHP keeps the last of repeated scalar keys; qs would combine them into an array.
    duplicates: 'last',
  });
  return parsed as Record<string, unknown>;
}

/**
 * Rewrites every empty `[]` in a key to an explicit index, as PHP does: each `[]` appends a new element to the
 * array named by the key's prefix (`actions[][cmd]=a&actions[][tag_name]=b` → two separate elements, which
 * breaks an action — kartra-api.md §2.1). qs alone would merge them into one element.
 */
export function phpAppendIndices(body: string): string {
  if (!body.includes('[]') && !/%5B%5D/i.test(body)) return body;
  const next = new Map<string, number>();
  const bump = (prefix: string, index: number) => next.set(prefix, Math.max(next.get(prefix) ?? 0, index + 1));
  return body
    .split('&')
    .map((pair) => {
      if (pair === '') return pair;
      const eq = pair.indexOf('=');
      const rawKey = eq === -1 ? pair : pair.slice(0, eq);
      const rest = eq === -1 ? '' : pair.slice(eq);
      let key: string;
      try {
        key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      } catch {
        return pair;
      }
      let changed = false;
      let out = '';
      let i = 0;
      while (i < key.length) {
        const open = key.indexOf('[', i);
        if (open === -1) {
          out += key.slice(i);
          break;
        }
        const close = key.indexOf(']', open);
        if (close === -1) {
          out += key.slice(i);
          break;
        }
        out += key.slice(i, open);
        const inner = key.slice(open + 1, close);
        const prefix = out;
        if (inner === '') {
          const index = next.get(prefix) ?? 0;
          bump(prefix, index);
          out += `[${index}]`;
          changed = true;
        } else {
          if (/^\d+$/.test(inner)) bump(prefix, Number(inner));
          out += `[${inner}]`;
        }
        i = close + 1;
      }
      return changed ? encodeURIComponent(out) + rest : pair;
    })
    .join('&');
}
