// The plan before sending: every row of a validated import as New, Existing (the local lead cache knows its email,
// or a look-up found it in Kartra), Unknown (its look-up failed), Invalid, Duplicate-in-file or Excluded — read from
// the journal and the job's emails file, nothing sent. Also each row's class (for the review's filters) and the
// emails still to look up.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { PlanClass, type ImportPlan } from '../../../shared/domain/import';
import type { JobRecord } from '../jobs/job-repo';
import type { RowRepo } from '../jobs/row-repo';
import type { LeadCacheRepo } from '../store/lead-cache-repo';
import type { LookupResults } from './plan-lookups';
import { emailsFile, isDuplicateMessage } from './validate-job';

const EXAMPLES = 5;
const BATCH = 2_000;

/** Row classes as small numbers, one byte per row (index = row number; 0 is unused). */
export const CLASS_CODES = PlanClass.options;
const code = (kind: PlanClass) => CLASS_CODES.indexOf(kind) + 1;

export interface PlanPass {
  plan: ImportPlan;
  /** classes[row] = index in CLASS_CODES + 1. */
  classes: Uint8Array;
  /** Emails of the New rows not looked up yet and of the Unknown rows, once each. */
  toCheck: string[];
}

export function emptyPlan(): ImportPlan {
  return {
    new: 0,
    existing: 0,
    unknown: 0,
    invalid: 0,
    duplicate: 0,
    excluded: 0,
    unchecked: 0,
    unknownReason: null,
    examples: { new: [], existing: [], unknown: [], invalid: [], duplicate: [] },
  };
}

export async function planImport(
  repo: RowRepo,
  cache: Pick<LeadCacheRepo, 'knownEmails'>,
  job: JobRecord,
  workDir: string,
  lookups: LookupResults,
): Promise<PlanPass> {
  const plan = emptyPlan();
  const classes = new Uint8Array(job.total + 1);
  const toCheck: string[] = [];
  const put = (kind: PlanClass, row: number) => {
    plan[kind]++;
    classes[row] = code(kind);
    if (kind !== 'excluded' && plan.examples[kind].length < EXAMPLES) plan.examples[kind].push(row);
  };
  // The journal holds the rows that are not ready; a fixed row's email is its fix's.
  const journal = new Map<number, { status: string; duplicate: boolean; email: string | null }>();
  for (let offset = 0; ; offset += 500) {
    const batch = repo.byStatus(job.id, ['invalid', 'excluded', 'ready'], offset, 500);
    if (batch.length === 0) break;
    for (const r of batch) journal.set(r.row, { status: r.status, duplicate: r.errors.length > 0 && r.errors.every((e) => isDuplicateMessage(e.message)), email: r.email });
  }
  let pending: [number, string][] = [];
  const flush = () => {
    const known = cache.knownEmails(job.accountId, pending.map(([, e]) => e));
    for (const [row, email] of pending) {
      if (known.has(email) || lookups.found.has(email)) {
        put('existing', row);
        continue;
      }
      const failed = lookups.failed.get(email);
      if (failed !== undefined) {
        put('unknown', row);
        plan.unknownReason ??= failed;
        toCheck.push(email);
        continue;
      }
      put('new', row);
      if (!lookups.missing.has(email)) {
        plan.unchecked++;
        toCheck.push(email);
      }
    }
    pending = [];
  };
  let row = -1; // line 0 is the file's leading newline
  const lines = createInterface({ input: createReadStream(emailsFile(workDir)), crlfDelay: Infinity });
  for await (const line of lines) {
    row++;
    if (row === 0 || row > job.total) continue;
    const rec = journal.get(row);
    if (rec?.status === 'excluded') put('excluded', row);
    else if (rec?.status === 'invalid') put(rec.duplicate ? 'duplicate' : 'invalid', row);
    else {
      pending.push([row, rec?.email ?? line]);
      if (pending.length >= BATCH) flush();
    }
  }
  flush();
  return { plan, classes, toCheck };
}

/** The rows of one class, `offset` and `limit` within that class, and how many the class holds. */
export function rowsOfClass(classes: Uint8Array, kind: PlanClass, offset: number, limit: number): { rows: number[]; total: number } {
  const wanted = code(kind);
  const rows: number[] = [];
  let total = 0;
  for (let row = 1; row < classes.length; row++) {
    if (classes[row] !== wanted) continue;
    if (total >= offset && rows.length < limit) rows.push(row);
    total++;
  }
  return { rows, total };
}

export function classOf(classes: Uint8Array, row: number): PlanClass | undefined {
  const c = classes[row];
  return c ? CLASS_CODES[c - 1] : undefined;
}
