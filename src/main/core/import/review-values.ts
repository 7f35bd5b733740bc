// What the review's bulk fixes offer: the distinct values a column refused (with a suggested replacement), and the
// Tags/Lists/Sequences names of the file that the Kartra account does not have (Kartra's API cannot create them).
import { readFileSync } from 'node:fs';
import type { RefusedValue } from '../../../shared/domain/import';
import type { AccountService } from '../account/account-service';
import { AppError } from '../errors';
import type { JobRecord } from '../jobs/job-repo';
import type { Pages } from '../jobs/pages';
import type { RowRepo } from '../jobs/row-repo';
import { actionValuesFile, isDuplicateMessage, type ActionValues } from './validate-job';
import { suggestCountry, suggestTimeZone } from './value-suggestions';

/** Invalid rows read for one column's refused values: enough to see every distinct mistake of a real file. */
const MAX_ROWS_SCANNED = 50_000;
const MAX_VALUES = 200;

export interface RefusedValues {
  values: RefusedValue[];
  /** Rows of the column that are refused (among those scanned). */
  rows: number;
  truncated: boolean;
}

export function refusedValues(repo: RowRepo, pages: Pages, job: JobRecord, column: string): RefusedValues {
  const headers = job.headers ?? [];
  const index = headers.indexOf(column);
  if (index < 0) throw new AppError('invalid_input', `This file has no column "${column}".`, { details: { field: 'column' } });
  const target = job.mapping?.[column] ?? 'ignore';
  const suggest = target === 'country' ? suggestCountry : target === 'lead_preferred_time_zone' ? suggestTimeZone : () => null;
  const byValue = new Map<string, { value: string; rows: number; message: string }>();
  let rows = 0;
  let scanned = 0;
  for (let offset = 0; scanned < MAX_ROWS_SCANNED; offset += 500) {
    const batch = repo.byStatus(job.id, ['invalid'], offset, 500);
    if (batch.length === 0) break;
    for (const rec of batch) {
      scanned++;
      // Duplicates are about other rows, not the value: the review offers exclusion for them.
      const error = rec.errors.find((e) => e.column === column && !isDuplicateMessage(e.message));
      if (!error) continue;
      const value = ((rec.fixed ?? pages.cells(job.id, rec.row) ?? [])[index] ?? '').trim();
      rows++;
      const key = value.toLowerCase();
      const seen = byValue.get(key);
      if (seen) seen.rows++;
      else byValue.set(key, { value, rows: 1, message: error.message });
    }
  }
  const values = [...byValue.values()]
    .sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value))
    .slice(0, MAX_VALUES)
    .map((v) => ({ ...v, suggestion: v.value === '' ? null : suggest(v.value) }));
  return { values, rows, truncated: scanned >= MAX_ROWS_SCANNED || byValue.size > MAX_VALUES };
}

export interface UnknownNames {
  tags: string[];
  lists: string[];
  sequences: string[];
}

/** The file's Tags/Lists/Sequences values (as the last validation found them) that the account does not have. */
export async function unknownNames(account: AccountService, workDir: string, refresh: boolean): Promise<UnknownNames> {
  let values: ActionValues;
  try {
    values = JSON.parse(readFileSync(actionValuesFile(workDir), 'utf8')) as ActionValues;
  } catch {
    return { tags: [], lists: [], sequences: [] }; // no Tags/Lists/Sequences column was validated
  }
  // Exact names, as assertNamesExist compares them: "vip" for a tag "VIP" is listed, and fixed with a replace.
  const missing = (have: Iterable<string>, wanted: string[]) => {
    const known = new Set(have);
    return wanted.filter((n) => !known.has(n));
  };
  const [tags, lists, sequences] = await Promise.all([
    values.tags.length > 0 ? account.list('tags', refresh) : null,
    values.lists.length > 0 ? account.list('lists', refresh) : null,
    values.sequences.length > 0 ? account.list('sequences', refresh) : null,
  ]);
  return {
    tags: tags ? missing(tags.items, values.tags) : [],
    lists: lists ? missing(lists.items, values.lists) : [],
    sequences: sequences ? missing(sequences.items.map((s) => s.name), values.sequences) : [],
  };
}

/** The sentence that stops a run while the file names tags, lists or sequences the account lacks; null when none. */
export function unknownNamesProblem(unknown: UnknownNames): string | null {
  const parts = (['tags', 'lists', 'sequences'] as const)
    .filter((kind) => unknown[kind].length > 0)
    .map((kind) => {
      const names = unknown[kind];
      const noun = names.length === 1 ? kind.slice(0, -1) : kind;
      return `${names.length} ${noun} ${names.length === 1 ? "doesn't" : "don't"} exist in Kartra (${names.slice(0, 5).map((n) => `"${n}"`).join(', ')}${names.length > 5 ? ', …' : ''})`;
    });
  if (parts.length === 0) return null;
  return `${parts.join('; ')}: create them there, then Refresh — or leave them out. Kartra's API cannot create tags, lists or sequences.`;
}
