// The result CSV of a job: every row of the file in order, its original columns (with inline fixes) plus its
// outcome in the report's words (created, updated, unchanged, failed, invalid, excluded, not sent), the Kartra lead
// id where Kartra said it, and the reason — so each row of the file can be traced to what became of it.
import { basename, extname } from 'node:path';
import type { RowStatus } from '../../../shared/domain/import';
import { csvDocument } from '../import/csv-write';
import type { JobRecord } from './job-repo';
import type { Pages } from './pages';
import { RECIPE_HEADERS } from './row-plans';
import { PAGE_SIZE, type RowRepo } from './row-repo';

const WORDS: Record<RowStatus, string> = {
  created: 'created',
  updated: 'updated',
  skipped: 'unchanged',
  failed: 'failed',
  invalid: 'invalid',
  excluded: 'excluded',
  ready: 'not sent',
  in_flight: 'not sent',
};

export function resultCsv(job: JobRecord, rows: RowRepo, pages: Pages): { fileName: string; csv: string; rows: number } {
  const headers = job.kind === 'recipe' ? RECIPE_HEADERS : (job.headers ?? []);
  // Extra columns named so they cannot be confused with the file's own.
  const extra = ['result', 'kartra lead id', 'result details'].map((h) => (headers.some((x) => x.toLowerCase() === h) ? `import ${h}` : h));
  const out: string[][] = [];
  for (let from = 1; from <= job.total; from += PAGE_SIZE) {
    const to = Math.min(job.total, from + PAGE_SIZE - 1);
    const journal = rows.range(job.id, from, to);
    for (let row = from; row <= to; row++) {
      const rec = journal.get(row);
      const cells = rec?.fixed ?? pages.cells(job.id, row) ?? [];
      const status: RowStatus = rec ? (rec.excluded ? 'excluded' : rec.status) : 'ready';
      const details = rec?.status === 'invalid' ? rec.errors.map((e) => `${e.column}: ${e.message}`).join('; ') : (rec?.outcome ?? '');
      out.push([...headers.map((_, i) => cells[i] ?? ''), WORDS[status], rec?.leadId ?? '', details]);
    }
  }
  const stem = basename(job.name, extname(job.name)) || 'import';
  return { fileName: `${stem}-result.csv`, csv: csvDocument([...headers, ...extra], out), rows: out.length };
}
