// Pages of a job's rows for the preview (import.rows): cells from the job's file, state from the journal, filtered by status.
import type { ImportRow, RowStatus } from '../../../shared/domain/import';
import type { JobRecord } from '../jobs/job-repo';
import { RECIPE_HEADERS } from '../jobs/row-plans';
import type { Pages } from '../jobs/pages';
import { PAGE_SIZE, type RowRecord, type RowRepo } from '../jobs/row-repo';

export function columnsOf(job: JobRecord): string[] {
  return job.kind === 'recipe' ? RECIPE_HEADERS : (job.headers ?? []);
}

export function toImportRow(headers: readonly string[], row: number, cells: readonly string[], rec: RowRecord | undefined): ImportRow {
  const values: Record<string, string> = {};
  headers.forEach((h, i) => (values[h] = cells[i] ?? ''));
  return { row, values, errors: rec?.errors ?? [], status: rec?.status ?? 'ready', outcome: rec?.outcome ?? null, leadId: rec?.leadId ?? null };
}

export function listRows(
  repo: RowRepo,
  pages: Pages,
  job: JobRecord,
  offset: number,
  limit: number,
  statuses: readonly RowStatus[],
): { rows: ImportRow[]; total: number } {
  const headers = columnsOf(job);
  const view = (row: number, rec: RowRecord | undefined) => toImportRow(headers, row, rec?.fixed ?? pages.cells(job.id, row) ?? [], rec);
  const wanted = [...new Set(statuses)];
  if (wanted.length === 0) {
    const rows: ImportRow[] = [];
    const last = Math.min(job.total, offset + limit);
    const journal = repo.range(job.id, offset + 1, last);
    for (let row = offset + 1; row <= last; row++) rows.push(view(row, journal.get(row)));
    return { rows, total: job.total };
  }
  if (!wanted.includes('ready')) {
    const counts = repo.countByStatus(job.id);
    const total = wanted.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
    return { rows: repo.byStatus(job.id, wanted, offset, limit).map((rec) => view(rec.row, rec)), total };
  }
  // "ready" rows mostly have no journal entry: count per page, skip whole pages, then read the few needed.
  const stats = repo.pageStats(job.id, wanted);
  const pageCount = Math.ceil(job.total / PAGE_SIZE);
  const matchingIn = (page: number) => {
    const size = Math.min(PAGE_SIZE, job.total - page * PAGE_SIZE);
    const s = stats.get(page) ?? { notReady: 0, matching: 0 };
    return size - s.notReady + s.matching;
  };
  let total = 0;
  for (let page = 0; page < pageCount; page++) total += matchingIn(page);
  const rows: ImportRow[] = [];
  let skip = offset;
  for (let page = 0; page < pageCount && rows.length < limit; page++) {
    const inPage = matchingIn(page);
    if (skip >= inPage) {
      skip -= inPage;
      continue;
    }
    const first = page * PAGE_SIZE + 1;
    const last = Math.min(job.total, first + PAGE_SIZE - 1);
    const journal = repo.range(job.id, first, last);
    for (let row = first; row <= last && rows.length < limit; row++) {
      const rec = journal.get(row);
      if (!wanted.includes(rec?.status ?? 'ready')) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      rows.push(view(row, rec));
    }
  }
  return { rows, total };
}
