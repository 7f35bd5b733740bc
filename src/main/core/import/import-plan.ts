// The plan before sending: every row of a validated import as New, Existing (the local lead cache knows its email),
// Invalid, Duplicate-in-file or Excluded — read from the journal and the job's emails file, nothing sent.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ImportPlan } from '../../../shared/domain/import';
import type { JobRecord } from '../jobs/job-repo';
import type { RowRepo } from '../jobs/row-repo';
import type { LeadCacheRepo } from '../store/lead-cache-repo';
import { emailsFile, isDuplicateMessage } from './validate-job';

const EXAMPLES = 5;
const BATCH = 2_000;

export async function planImport(repo: RowRepo, cache: Pick<LeadCacheRepo, 'knownEmails'>, job: JobRecord, workDir: string): Promise<ImportPlan> {
  const plan: ImportPlan = { new: 0, existing: 0, invalid: 0, duplicate: 0, excluded: 0, unchecked: 0, examples: { new: [], existing: [], invalid: [], duplicate: [] } };
  const example = (kind: keyof ImportPlan['examples'], row: number) => plan.examples[kind].length < EXAMPLES && plan.examples[kind].push(row);
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
      const kind = known.has(email) ? 'existing' : 'new';
      plan[kind]++;
      example(kind, row);
    }
    pending = [];
  };
  let row = -1; // line 0 is the file's leading newline
  const lines = createInterface({ input: createReadStream(emailsFile(workDir)), crlfDelay: Infinity });
  for await (const line of lines) {
    row++;
    if (row === 0 || row > job.total) continue;
    const rec = journal.get(row);
    if (rec?.status === 'excluded') plan.excluded++;
    else if (rec?.status === 'invalid') {
      const kind = rec.duplicate ? 'duplicate' : 'invalid';
      plan[kind]++;
      example(kind, row);
    } else {
      pending.push([row, rec?.email ?? line]);
      if (pending.length >= BATCH) flush();
    }
  }
  flush();
  plan.unchecked = plan.new;
  return plan;
}
