// Turns Kartra's numeric `type` codes into the app's closed error codes and plain-language messages.
import type { ErrorCode } from '../../../shared/ipc/envelope';
import { KARTRA_CODES, type KartraCodeInfo } from './error-code-table';

export { KARTRA_CODES, type KartraCodeInfo } from './error-code-table';

/** Normalise Kartra's `type` (string, number, padded) to the table's key. */
export function normaliseKartraType(type: unknown): string {
  if (typeof type === 'number' && Number.isFinite(type)) return String(Math.trunc(type));
  if (typeof type === 'string') return type.trim();
  return '';
}

/** The table row for a code, or — when Kartra sent no/an unknown type — for a known message. */
export function lookupKartraCode(type: string, kartraMessage = ''): KartraCodeInfo | undefined {
  const byType = KARTRA_CODES[normaliseKartraType(type)];
  if (byType) return byType;
  if (normaliseKartraType(type) !== '') return undefined;
  // Without a type (e.g. get_lead's "No lead found" in WP Fusion's handling) fall back to the wording.
  const wanted = kartraMessage.trim().toLowerCase();
  if (!wanted) return undefined;
  return Object.values(KARTRA_CODES).find((row) => row.code !== null && row.kartraMessage.toLowerCase() === wanted);
}

/** True when this code belongs to checks that apply to the whole call (auth, structure, rate limit). */
export function isGlobalKartraCode(type: string): boolean {
  return KARTRA_CODES[normaliseKartraType(type)]?.cmds === 'global';
}

/** The cmds that can fail with this code ([] when the code is unknown or global). */
export function cmdsForKartraCode(type: string): readonly string[] {
  const cmds = KARTRA_CODES[normaliseKartraType(type)]?.cmds;
  return cmds && cmds !== 'global' ? cmds : [];
}

/**
 * Map a Kartra error to the app's error code and a message for the user; with the failing action, the message
 * names what it was about where the table has an `actionMessage` (230: the step and the sequence).
 * Unknown codes keep Kartra's own message so nothing Kartra said is lost.
 */
export function describeKartraError(
  type: string,
  kartraMessage: string,
  action?: Readonly<Record<string, unknown>>,
): { code: ErrorCode; message: string } {
  const row = lookupKartraCode(type, kartraMessage);
  if (row && row.code !== null) return { code: row.code, message: (action && fill(row.actionMessage, action)) || row.message };
  const normalised = normaliseKartraType(type);
  const said = kartraMessage.trim() || 'no explanation was given';
  const codePart = normalised ? ` (code ${normalised})` : '';
  return { code: 'kartra_error', message: `Kartra reported a problem${codePart}: ${said}` };
}

/** Kartra has no lead under that id or email (234 from get_lead, 243 from everything else): one set for every caller. */
export function isLeadNotFound(type: string): boolean {
  return KARTRA_CODES[normaliseKartraType(type)]?.code === 'not_found';
}

/** The lead was deleted in Kartra; its address stays reserved (245). */
export function isLeadDeleted(type: string): boolean {
  return normaliseKartraType(type) === '245';
}

/** `template` with `{param}` replaced by the action's values; null when a value is missing or not text. */
function fill(template: string | undefined, action: Readonly<Record<string, unknown>>): string | null {
  if (!template) return null;
  let complete = true;
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = action[name];
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value);
    complete = false;
    return '';
  });
  return complete ? text : null;
}
