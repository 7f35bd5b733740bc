// Test helper: import.*, jobs.* and recipes.* answered in memory on a FakeCore, shaped like the real core's answers.
// It fakes the far side of window.api only; the stores and screens under test are the real ones.
import type { FileAnalysis, ImportRow, JobProgress, Recipe } from '../../../../../shared/domain/import';
import { FakeCore, fail, ok } from '../../../testing/fake-core';

export interface ImportKit {
  core: FakeCore;
  /** Bytes received per job, decoded from the chunks. */
  received: Map<string, Uint8Array[]>;
  rows: ImportRow[];
  job: JobProgress;
  recipes: Recipe[];
  /** Pushes a progress event for the job with these changes. */
  push(patch: Partial<JobProgress>): JobProgress;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function makeImportKit(options: { headers?: string[]; data?: string[][]; fatal?: string } = {}): ImportKit {
  const headers = options.headers ?? ['Email', 'First name'];
  const data = options.data ?? [
    ['ada@example.com', 'Ada'],
    ['not-an-email', 'Bob'],
    ['cy@example.com', 'Cy'],
  ];
  const core = new FakeCore({ status: { account: { id: 'acc-1', label: 'Demo', kind: 'sandbox', appId: 'demo', apiUrl: 'http://127.0.0.1:1/api', testMode: false, credentials: 'builtin' } } });
  const received = new Map<string, Uint8Array[]>();
  const check = (values: Record<string, string>) => (EMAIL.test(values.Email ?? '') ? [] : [{ column: 'Email', message: 'not a valid email address' }]);
  const rows: ImportRow[] = data.map((cells, i) => {
    const values = Object.fromEntries(headers.map((h, c) => [h, cells[c] ?? '']));
    const errors = check(values);
    return { row: i + 1, values, errors, status: errors.length ? 'invalid' : 'ready', outcome: null, leadId: null };
  });
  const counts = () => {
    const n = (s: ImportRow['status']) => rows.filter((r) => r.status === s).length;
    return { total: rows.length, invalid: n('invalid'), excluded: n('excluded'), ready: n('ready'), created: n('created'), updated: n('updated'), skipped: n('skipped'), unchanged: n('skipped'), failed: n('failed') };
  };
  const kit: ImportKit = {
    core,
    received,
    rows,
    recipes: [],
    job: { jobId: 'job-1', kind: 'import', name: 'people.csv', status: 'uploading', counts: counts(), done: 0, rowsPerSec: 0, callsPerSec: 0, calls: 0, etaSec: null, createdAt: 1, updatedAt: 1, error: null },
    push(patch) {
      kit.job = { ...kit.job, counts: counts(), ...patch, updatedAt: kit.job.updatedAt + 1 };
      core.emit('job.progress', kit.job);
      return kit.job;
    },
  };
  const progress = (patch: Partial<JobProgress> = {}) => {
    kit.job = { ...kit.job, counts: counts(), ...patch, updatedAt: kit.job.updatedAt + 1 };
    return ok(kit.job);
  };
  core.answer('import.begin', ({ fileName }) => {
    received.set('job-1', []);
    kit.job = { ...kit.job, name: fileName };
    return ok({ jobId: 'job-1' });
  });
  core.answer('import.chunk', ({ jobId, data: b64 }) => {
    const chunks = received.get(jobId)!;
    chunks.push(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    return ok({ received: chunks.reduce((n, c) => n + c.length, 0) });
  });
  core.answer('import.analyze', () => {
    const analysis: FileAnalysis = {
      fileName: kit.job.name,
      bytes: 120,
      encoding: 'utf-8',
      delimiter: ',',
      headers,
      sample: data.slice(0, 20),
      rowCount: data.length,
      problems: options.fatal ? [options.fatal] : [],
      suggestedMapping: Object.fromEntries(headers.map((h) => [h, h === 'Email' ? 'email' : 'ignore'])),
      mappingRemembered: false,
    };
    kit.job = { ...kit.job, status: options.fatal ? 'failed' : 'analyzed', error: options.fatal ?? null };
    return ok(analysis);
  });
  core.answer('jobs.get', () => progress());
  core.answer('jobs.list', () => ok({ jobs: [] }));
  core.answer('import.validate', ({ mapping }) => {
    if (!Object.values(mapping).includes('email')) return fail('invalid_input', 'Map one column to email.');
    return progress({ status: 'validated' });
  });
  core.answer('import.rows', ({ offset = 0, limit = 100, statuses = [] }) => {
    const matching = statuses.length === 0 ? rows : rows.filter((r) => statuses.includes(r.status));
    return ok({ rows: structuredClone(matching.slice(offset, offset + limit)), total: matching.length });
  });
  core.answer('import.fixCell', ({ row, column, value }) => {
    const target = rows.find((r) => r.row === row);
    if (!target) return fail('not_found', 'No such row.');
    target.values[column] = value;
    target.errors = check(target.values);
    target.status = target.errors.length ? 'invalid' : 'ready';
    return ok(structuredClone(target));
  });
  core.answer('import.exclude', ({ rows: which, excluded }) => {
    for (const r of rows) {
      if (!which.includes(r.row)) continue;
      r.status = excluded ? 'excluded' : check(r.values).length ? 'invalid' : 'ready';
    }
    return progress();
  });
  core.answer('import.start', ({ options: o }) => {
    if (!o.gdprConfirmed) return fail('invalid_input', 'Confirm GDPR first.');
    return progress({ status: 'running' });
  });
  core.answer('jobs.pause', () => progress({ status: 'paused' }));
  core.answer('jobs.resume', () => progress({ status: 'running' }));
  core.answer('jobs.cancel', () => progress({ status: 'cancelled' }));
  core.answer('jobs.exportFailed', () => {
    const failed = rows.filter((r) => r.status === 'failed' || r.status === 'invalid');
    const csv = ['Email,First name,error', ...failed.map((r) => `${r.values.Email},${r.values['First name']},${r.outcome ?? r.errors[0]?.message ?? ''}`)].join('\n');
    return ok({ fileName: 'people-failed.csv', csv, rows: failed.length });
  });
  core.answer('jobs.exportResult', () => {
    const csv = ['Email,First name,result,kartra lead id,result details', ...rows.map((r) => `${r.values.Email},${r.values['First name']},${r.status},${r.leadId ?? ''},${r.outcome ?? ''}`)].join('\n');
    return ok({ fileName: 'people-result.csv', csv, rows: rows.length });
  });
  core.answer('recipes.list', () => ok({ recipes: structuredClone(kit.recipes) }));
  core.answer('recipes.save', ({ id, name, actions, clear }) => {
    const recipe: Recipe = { id: id ?? `r${kit.recipes.length + 1}`, name, actions, ...(clear?.length ? { clear } : {}), updatedAt: 1 };
    kit.recipes = [...kit.recipes.filter((r) => r.id !== recipe.id), recipe];
    return ok(recipe);
  });
  core.answer('recipes.delete', ({ id }) => {
    kit.recipes = kit.recipes.filter((r) => r.id !== id);
    return ok({ recipes: structuredClone(kit.recipes) });
  });
  core.answer('recipes.apply', ({ recipeId }) => {
    kit.job = { ...kit.job, jobId: 'job-r', kind: 'recipe', name: kit.recipes.find((r) => r.id === recipeId)?.name ?? '?', status: 'running' };
    return ok(kit.job);
  });
  return kit;
}

/** Marks rows as the runner would settle them. */
export function settle(kit: ImportKit, outcomes: Record<number, { status: ImportRow['status']; outcome?: string }>): void {
  for (const r of kit.rows) {
    const o = outcomes[r.row];
    if (o) {
      r.status = o.status;
      r.outcome = o.outcome ?? null;
    }
  }
}
