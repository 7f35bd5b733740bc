// Tags, Lists and Sequences columns: a cell names several values, each becomes one action in the row's single call.
import type { LeadAction } from '../../../shared/domain/actions';
import type { ImportActionTarget } from '../../../shared/domain/import';
import { importActions } from '../writes/row-chain';

/** Delimiters tried in this order: the first one a cell contains splits it, so "A, B; C" keeps "A, B" whole. */
export const LIST_DELIMITERS = [';', '|', ','] as const;
/** Values of one row's Tags/Lists/Sequences columns together; the import's own actions come on top. */
export const MAX_ROW_VALUES = 40;
const MAX_NAME = 200;
/** Kartra sequences are started at a step; a column of sequence names starts each lead at the first one. */
export const SEQUENCE_START_STEP = '1';

/** The cell's delimiter: the first of ";", "|", "," it contains (none for a single value). */
export function cellDelimiter(cell: string): string | null {
  for (const d of LIST_DELIMITERS) if (cell.includes(d)) return d;
  return null;
}

/** The distinct names of a cell, trimmed, in order (case-insensitive duplicates dropped). */
export function splitList(cell: string): string[] {
  const d = cellDelimiter(cell);
  const parts = d === null ? [cell] : cell.split(d);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of parts) {
    const name = raw.replace(/\s+/g, ' ').trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/** The problem of a list cell's values, or null. */
export function listProblem(names: readonly string[]): string | null {
  const long = names.find((n) => n.length > MAX_NAME);
  if (long) return `"${long.slice(0, 40)}…" is longer than ${MAX_NAME} characters; Kartra names are shorter`;
  return null;
}

export function actionFor(kind: ImportActionTarget, name: string): LeadAction {
  if (kind === 'tags') return { cmd: 'assign_tag', tag_name: name };
  if (kind === 'lists') return { cmd: 'subscribe_lead_to_list', list_name: name };
  return { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: name, step: SEQUENCE_START_STEP };
}

const key = (a: LeadAction) =>
  'tag_name' in a ? `t:${a.tag_name.toLowerCase()}` : 'list_name' in a ? `l:${a.list_name.toLowerCase()}` : 'sequence_name' in a ? `s:${a.sequence_name.toLowerCase()}` : a.cmd;

/**
 * One row's chain: the import's options (points, tags, lists, sequence) merged with the row's own column values,
 * each name once, ordered as `importActions` orders them — points first, tags, lists, sequences last — so the
 * last action stays a checkable one (row-recovery's proof of delivery).
 */
export function rowChain(options: readonly LeadAction[], row: readonly LeadAction[]): LeadAction[] {
  if (row.length === 0) return [...options];
  const rank = (a: LeadAction) =>
    a.cmd === 'give_points_to_lead' ? 0 : a.cmd === 'assign_tag' ? 1 : a.cmd === 'subscribe_lead_to_list' ? 2 : a.cmd === 'subscribe_lead_to_sequence_at_step' ? 3 : 0;
  const seen = new Set<string>();
  const all: LeadAction[] = [];
  for (const a of [...options, ...row]) {
    const k = key(a);
    if (seen.has(k)) continue;
    seen.add(k);
    all.push(a);
  }
  // A stable sort keeps each group in the order the options and then the cells gave it.
  return all.map((a, i) => [a, i] as const).sort((x, y) => rank(x[0]) - rank(y[0]) || x[1] - y[1]).map(([a]) => a);
}

export { importActions };
