// "Add to my local leads": the rows of an analyzed lead file (a Kartra export or any lead CSV/xlsx) become cached
// leads marked "from a file", dated as of the file — no request to Kartra. Refresh from Kartra reads them later.
import type { ColumnMapping } from '../../../shared/domain/import';
import { blankLead, type LocalLeadsResult } from '../../../shared/domain/local-leads';
import { LEAD_TEXT_FIELDS, type Lead, type LeadTextField } from '../../../shared/domain/lead';
import { AppError } from '../errors';
import type { JobRecord } from '../jobs/job-repo';
import type { Pages } from '../jobs/pages';
import { FILE_ID_PREFIX, type LeadCacheRepo } from '../store/lead-cache-repo';
import { normalise } from './aliases';
import { EMAIL_PATTERN } from './cell-rules';
import { splitList } from './list-cells';

/** Columns a Kartra export (and most CRMs) name the lead's id by; digits only are taken as a Kartra id. */
const ID_HEADERS = new Set(['id', 'leadid', 'kartraid', 'kartraleadid']);
/** Columns that say when the row was last true; a parsable date there dates that row instead of the file. */
const DATE_HEADERS = new Set(['lastupdated', 'updated', 'updatedat', 'datemodified', 'lastmodified', 'modified', 'lastactivity', 'lastseen']);
/** Columns kept on the cached lead beside the mapped ones (a Kartra export carries them). */
const SCORE_HEADERS = new Set(['score', 'leadscore', 'points']);
const BATCH = 1_000;


/** Every row of the job's file with a valid email, mapped by `mapping`, into the account's lead cache. */
export function addFileToCache(cache: Pick<LeadCacheRepo, 'putMany'>, pages: Pick<Pages, 'cells'>, job: JobRecord, mapping: ColumnMapping, asOf: number): LocalLeadsResult {
  const headers = job.headers ?? [];
  const at = (pred: (key: string) => boolean) => headers.findIndex((h) => pred(normalise(h)));
  const emailIndex = headers.findIndex((h) => mapping[h] === 'email');
  if (emailIndex < 0) {
    throw new AppError('invalid_input', 'Map the column that holds the email addresses: the cache knows leads by their email.', { details: { field: 'mapping' } });
  }
  const fields = headers.flatMap((h, i) => ((LEAD_TEXT_FIELDS as readonly string[]).includes(mapping[h] ?? '') ? [[i, mapping[h] as LeadTextField] as const] : []));
  const tagColumns = headers.flatMap((h, i) => (mapping[h] === 'tags' ? [i] : []));
  const idIndex = at((k) => ID_HEADERS.has(k));
  const dateIndex = at((k) => DATE_HEADERS.has(k));
  const scoreIndex = at((k) => SCORE_HEADERS.has(k));

  const result: LocalLeadsResult = { added: 0, updated: 0, kept: 0, skipped: 0, asOf };
  const seen = new Set<string>();
  let batch: { lead: Lead; seenAt: number }[] = [];
  const flush = () => {
    const counts = cache.putMany(job.accountId, batch);
    result.added += counts.added;
    result.updated += counts.updated;
    result.kept += counts.kept;
    batch = [];
  };
  for (let row = 1; row <= job.total; row++) {
    const cells = pages.cells(job.id, row) ?? [];
    const email = (cells[emailIndex] ?? '').trim().toLowerCase();
    if (!EMAIL_PATTERN.test(email) || seen.has(email)) {
      result.skipped++;
      continue;
    }
    seen.add(email);
    const id = (cells[idIndex] ?? '').trim();
    const lead = blankLead(/^\d+$/.test(id) ? id : `${FILE_ID_PREFIX}${email}`, email);
    for (const [i, field] of fields) lead[field] = (cells[i] ?? '').trim();
    lead.tags = tagColumns.flatMap((i) => splitList(cells[i] ?? ''));
    const score = Number((cells[scoreIndex] ?? '').trim());
    if (Number.isInteger(score) && score >= 0) lead.score = score;
    const dated = Date.parse((cells[dateIndex] ?? '').trim());
    // A row's own date counts only when it is not in the future of the file itself.
    batch.push({ lead, seenAt: Number.isFinite(dated) && dated <= asOf ? dated : asOf });
    if (batch.length >= BATCH) flush();
  }
  flush();
  return result;
}
