// Walks a job's rows in order from a resume point, page by page, skipping rows the journal has settled.
import type { JobRecord } from './job-repo';
import { pageOf, type Pages } from './pages';
import type { RowRecord, RowRepo } from './row-repo';

/** Walks a job's rows from a resume point, page by page, yielding the ones still ready. */
export class RowCursor {
  private page: number;
  private index = 0;
  private cells: string[][] | null = null;
  private journal = new Map<number, RowRecord>();
  private readonly size: number;

  constructor(
    private readonly rows: RowRepo,
    private readonly pages: Pages,
    private readonly job: JobRecord,
    from: number,
  ) {
    this.size = pages.pageSize(job.id);
    this.page = pageOf(Math.max(1, from), this.size);
  }

  pageStart(): number {
    return this.page * this.size + 1;
  }

  next<T>(make: (row: number, cells: readonly string[], rec: RowRecord | undefined) => T): T | null {
    for (;;) {
      if (!this.cells) {
        if (this.page * this.size >= this.job.total) return null;
        this.cells = this.pages.page(this.job.id, this.page);
        this.journal = this.rows.range(this.job.id, this.pageStart(), this.pageStart() + this.size - 1);
        this.index = 0;
      }
      if (this.index >= this.size || this.pageStart() + this.index > this.job.total) {
        this.page++;
        this.cells = null;
        continue;
      }
      const i = this.index++;
      const row = this.pageStart() + i;
      const rec = this.journal.get(row);
      if (rec && rec.status !== 'ready') continue;
      return make(row, rec?.fixed ?? this.cells[i] ?? [], rec);
    }
  }
}
