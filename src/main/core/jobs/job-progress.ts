// What the UI sees of a job (JobProgress): its record plus the live rates of a running runner.
import type { JobProgress } from '../../../shared/domain/import';
import type { JobCounts, JobRecord } from './job-repo';

export interface LiveStats {
  counts: JobCounts;
  done: number;
  calls: number;
  rowsPerSec: number;
  callsPerSec: number;
}

const WINDOW_MS = 5_000;

/** Rows settled and calls made over the last few seconds. */
export class RateMeter {
  private readonly rows: number[] = [];
  private readonly calls: number[] = [];
  private readonly since: number;

  constructor(now = Date.now()) {
    this.since = now;
  }

  row(now = Date.now()): void {
    this.rows.push(now);
    this.trim(this.rows, now);
  }

  call(now = Date.now()): void {
    this.calls.push(now);
    this.trim(this.calls, now);
  }

  rates(now = Date.now()): { rowsPerSec: number; callsPerSec: number } {
    this.trim(this.rows, now);
    this.trim(this.calls, now);
    // Right after a start the window is shorter than 5 s: divide by what has really elapsed.
    const seconds = Math.max(0.25, Math.min(WINDOW_MS, now - this.since) / 1000);
    return { rowsPerSec: round(this.rows.length / seconds), callsPerSec: round(this.calls.length / seconds) };
  }

  private trim(list: number[], now: number): void {
    let drop = 0;
    while (drop < list.length && (list[drop] ?? 0) <= now - WINDOW_MS) drop++;
    if (drop > 0) list.splice(0, drop);
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

export function toProgress(job: JobRecord, live?: LiveStats): JobProgress {
  const counts = live?.counts ?? job.counts;
  const rowsPerSec = live?.rowsPerSec ?? 0;
  const active = job.status === 'running';
  return {
    jobId: job.id,
    kind: job.kind,
    name: job.name,
    status: job.status,
    counts: { ...counts, total: job.total, unchanged: counts.skipped },
    done: live?.done ?? 0,
    rowsPerSec: active ? rowsPerSec : 0,
    callsPerSec: active ? (live?.callsPerSec ?? 0) : 0,
    calls: live?.calls ?? job.calls,
    etaSec: active && rowsPerSec > 0 ? Math.ceil(counts.ready / rowsPerSec) : null,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    error: job.error,
  };
}
