// Decodes Kartra's HTTP answers (every response shape of kartra-api.md §3) into one normalised form.
import { AppError } from '../errors';
import { KartraApiError, RateLimitedError, TransportError } from './errors';
import { normaliseKartraType } from './error-codes';

export type KartraStatus = 'success' | 'error' | 'none';

/** One command's own answer: an `actions[i]` element or a per-cmd wrapper (`{"refund_transaction":{…}}`). */
export interface ActionEntry {
  cmd: string;
  status: KartraStatus;
  message: string;
  /** Kartra's `type` as a string ("" when absent); numbers are converted. */
  type: string;
  /** The entry's whole object (lead_details, transaction_list, …). */
  data: Record<string, unknown>;
}

export interface DecodedResponse {
  /** Top-level status; 'none' when the body had no recognisable status. */
  status: KartraStatus;
  message: string;
  type: string;
  /** Per-command entries in the order Kartra listed them. */
  entries: ActionEntry[];
  /** The whole top-level object (account_tags, lead_details, … live here). */
  data: Record<string, unknown>;
}

const TOO_MANY = /too many requests/i;
const TOP_LEVEL_FIELDS = new Set(['status', 'message', 'type', 'actions']);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Decode one HTTP answer by its content, whatever its Content-Type (Kartra serves JSON as text/html, §0.4 E10):
 * rate limit and server failures become typed errors, the rest a DecodedResponse.
 */
export function decodeHttpResponse(httpStatus: number, text: string): DecodedResponse {
  if (httpStatus === 429) throw new RateLimitedError();
  if (httpStatus === 403 && !isJsonObject(text)) {
    // Kartra's edge firewall answers some clients with a 403 page before the API sees the call (§0.4 E11).
    // Nothing was processed, and sending again would only be refused again: no retry, a named error.
    throw new AppError(
      'blocked_by_kartra',
      `Kartra's firewall refused the request (HTTP 403${pageTitle(text)}) before it reached the API, so nothing was changed. ` +
        'Try again later; if it keeps happening, ask Kartra support whether your network or IP address is blocked.',
      { retryable: false },
    );
  }
  if (httpStatus >= 500) {
    const what = isJsonObject(text) ? '' : ` and sent an error page${pageTitle(text)} instead of an answer`;
    throw new TransportError(`Kartra's server failed (HTTP ${httpStatus})${what}; the request may have been processed`, true, 'http', httpStatus);
  }
  if (httpStatus < 200 || httpStatus >= 300) {
    // Kartra's API answers 200 to everything but the rate limit (§1), so a 3xx/4xx comes from
    // something in front of it (wrong address, proxy, firewall) and the API did not process it.
    throw new TransportError(`The server answered HTTP ${httpStatus} instead of Kartra's API; check the API address`, false, 'http', httpStatus);
  }
  return decodeBody(text);
}

function isJsonObject(text: string): boolean {
  return isRecord(parseJsonTolerantly(text));
}

/** `: "<title>"` of an HTML page (so the user can tell a Cloudflare page from a gateway's), or ''. */
function pageTitle(text: string): string {
  const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(text)?.[1]?.replace(/\s+/g, ' ').trim();
  return title ? `: "${title}"` : '';
}

/** Decode a 200 body. Throws RateLimitedError for a "Too many requests" body, TransportError('bad_response') when unreadable. */
export function decodeBody(text: string): DecodedResponse {
  const parsed = parseJsonTolerantly(text);
  if (parsed === undefined) {
    if (TOO_MANY.test(text) && text.length < 500) throw new RateLimitedError();
    throw badResponse(`Kartra's answer was not valid JSON (${text.length} bytes)`);
  }
  if (!isRecord(parsed)) throw badResponse('Kartra answered with JSON that is not an object');
  const decoded = decodeObject(parsed);
  if (isRateLimited(decoded)) throw new RateLimitedError();
  return decoded;
}

export function badResponse(message: string): TransportError {
  return new TransportError(message, true, 'bad_response');
}

/**
 * JSON.parse, then a second chance for a body that a PHP notice or BOM was printed in front of
 * (`<br /><b>Notice</b>…{"status":…}`), a classic failure of PHP back ends.
 */
function parseJsonTolerantly(text: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  try {
    return JSON.parse(trimmed);
  } catch {
    const start = trimmed.indexOf('{');
    const end = trimmed.lastIndexOf('}');
    if (start <= 0 || end <= start) return undefined;
    try {
      return JSON.parse(trimmed.slice(start, end + 1));
    } catch {
      return undefined;
    }
  }
}

export function readStatus(value: unknown): KartraStatus {
  if (typeof value === 'boolean') return value ? 'success' : 'error';
  if (typeof value !== 'string') return 'none';
  const s = value.trim().toLowerCase();
  if (s === 'success' || s === 'ok') return 'success';
  if (s === 'error' || s === 'failed' || s === 'failure' || s === 'fail') return 'error';
  return 'none';
}

function readText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function entryFrom(cmd: string, obj: Record<string, unknown>): ActionEntry {
  return { cmd, status: readStatus(obj.status), message: readText(obj.message), type: normaliseKartraType(obj.type), data: obj };
}

function decodeObject(obj: Record<string, unknown>): DecodedResponse {
  const entries: ActionEntry[] = [];
  // `actions` is a JSON array, or an object keyed "0","1",… when PHP's array was not a list.
  const actions = Array.isArray(obj.actions) ? obj.actions : isRecord(obj.actions) ? Object.values(obj.actions) : [];
  for (const element of actions) {
    if (!isRecord(element)) continue;
    if (typeof element.cmd === 'string') {
      entries.push(entryFrom(element.cmd, element));
      continue;
    }
    for (const [cmd, value] of Object.entries(element)) if (isRecord(value)) entries.push(entryFrom(cmd, value));
  }
  // Per-cmd wrappers printed at top level: {"cancel_transaction":{"status":"Success",…}}.
  for (const [key, value] of Object.entries(obj)) {
    if (!TOP_LEVEL_FIELDS.has(key) && isRecord(value) && 'status' in value) entries.push(entryFrom(key, value));
  }
  return { status: readStatus(obj.status), message: readText(obj.message), type: normaliseKartraType(obj.type), entries, data: obj };
}

function isRateLimited(decoded: DecodedResponse): boolean {
  if (decoded.status !== 'success' && (TOO_MANY.test(decoded.message) || decoded.type === '429')) return true;
  // Without a top-level status a lone wrapper may carry the message.
  return decoded.status === 'none' && decoded.entries.length === 1 && TOO_MANY.test(decoded.entries[0]?.message ?? '');
}

/**
 * The answer of a one-command call. Kartra prints it flat, inside `actions`, or as a wrapper;
 * an error anywhere wins (a top-level Error with a successful-looking entry is still an error).
 */
export function outcomeOf(decoded: DecodedResponse, cmd: string): ActionEntry {
  const entry = decoded.entries.find((e) => e.cmd === cmd);
  if (decoded.status === 'error' && entry?.status !== 'error') {
    return { cmd, status: 'error', message: decoded.message, type: decoded.type, data: decoded.data };
  }
  if (entry) return entry.status === 'none' && decoded.status === 'success' ? { ...entry, status: 'success' } : entry;
  const other = decoded.entries.find((e) => e.status === 'error');
  if (other) return { ...other, cmd };
  return { cmd, status: decoded.status, message: decoded.message, type: decoded.type, data: decoded.data };
}

/**
 * Expect success for `cmd`: throws KartraApiError on an error answer. With `dataKey`, a body
 * without a status still counts when it carries that key; otherwise a status is required.
 */
export function expectSuccess(decoded: DecodedResponse, cmd: string, dataKey?: string): ActionEntry {
  const outcome = outcomeOf(decoded, cmd);
  if (outcome.status === 'error') throw new KartraApiError(outcome.type, outcome.message || 'Kartra reported an error without a message', cmd);
  if (outcome.status === 'none' && (dataKey === undefined || findData(decoded, cmd, dataKey) === undefined)) {
    throw badResponse(`Kartra's answer to ${cmd} carried no status`);
  }
  return outcome;
}

/** A data key of `cmd`'s answer, looked up in its entry first, then at top level. */
export function findData(decoded: DecodedResponse, cmd: string, key: string): unknown {
  const entry = decoded.entries.find((e) => e.cmd === cmd);
  if (entry && entry.data[key] !== undefined) return entry.data[key];
  return decoded.data[key];
}

/** The lead id reported by create_lead / edit_lead / search_lead (`lead_details.id`), wherever it sits. */
export function leadIdFrom(decoded: DecodedResponse): string | null {
  const candidates = [
    ...decoded.entries.filter((e) => ['create_lead', 'edit_lead', 'search_lead'].includes(e.cmd)).map((e) => e.data.lead_details),
    decoded.data.lead_details,
  ];
  for (const details of candidates) {
    const lead = Array.isArray(details) ? details[0] : details;
    if (!isRecord(lead)) continue;
    const id = lead.id ?? lead.lead_id;
    if ((typeof id === 'string' && id.trim() !== '') || (typeof id === 'number' && Number.isFinite(id))) return String(id).trim();
  }
  return null;
}
