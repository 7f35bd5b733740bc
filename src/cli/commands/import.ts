// `import FILE.csv`: the app's own import (worker parse, validation, journaled runner on the bulk lane) run by the core
// on the data folder, for the account of the flags; progress on stderr, a JSON summary on stdout.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ColumnMapping, ExistingPolicy, ImportMode, ImportOptions, ImportPlan, JobProgress, PlanCheckState } from '../../shared/domain/import';
import { IMPORT_ACTION_TARGETS, IMPORT_TARGET_FIELDS, rowOutcomes } from '../../shared/domain/import';
import type { LeadDeskApi } from '../../shared/ipc/make-api';
import { bool, int, keyValue, list, parseFlags, str, UsageError } from '../args';
import type { CliContext, Command } from '../context';
import { CORE_OPTIONS, unwrap, withCore, type CliSession } from '../core-session';
import type { Doc } from '../output';

const OPTIONS = {
  ...CORE_OPTIONS,
  map: { type: 'string', multiple: true },
  mode: { type: 'string' },
  existing: { type: 'string' },
  tag: { type: 'string', multiple: true },
  list: { type: 'string', multiple: true },
  sequence: { type: 'string' },
  points: { type: 'string' },
  report: { type: 'string' },
  result: { type: 'string' },
  'gdpr-confirmed': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  check: { type: 'boolean' },
  sheet: { type: 'string' },
} as const;

const MODES: readonly ImportMode[] = ['create', 'update', 'upsert'];
const POLICIES: readonly ExistingPolicy[] = ['keep', 'fill', 'overwrite'];
const TERMINAL = new Set(['finished', 'failed', 'cancelled']);

/** "Column=field": a lead field, ignore, custom:identifier, or a bare custom field identifier. */
export function parseMap(entries: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const raw of entries) {
    const [column, target] = keyValue(raw, '--map');
    const t = target.trim();
    if (!column || !t) throw new UsageError(`--map takes "Column=field", got "${raw}"`, '--map');
    const known = t === 'ignore' || t.startsWith('custom:') || [...IMPORT_TARGET_FIELDS, ...IMPORT_ACTION_TARGETS].includes(t as never);
    if (!known && !/^[A-Za-z0-9_-]+$/.test(t)) throw new UsageError(`--map: "${t}" is not a lead field or a custom field identifier`, '--map');
    mapping[column] = known ? t : `custom:${t}`;
  }
  return mapping;
}

/** --sheet NAME|N: a workbook's sheet by its name, or by its position from 1. */
export function parseSheet(raw: string | undefined): string | number | undefined {
  if (raw === undefined) return undefined;
  const name = raw.trim();
  if (name === '') throw new UsageError('--sheet takes a sheet name or its position from 1, got nothing', '--sheet');
  if (/^\d+$/.test(name)) return int(name, '--sheet', 1, 10_000);
  return name;
}

export function parseSequence(raw: string | undefined): ImportOptions['sequence'] {
  if (raw === undefined) return null;
  const at = raw.lastIndexOf(':');
  const name = raw.slice(0, Math.max(0, at)).trim();
  const step = raw.slice(at + 1).trim();
  if (at <= 0 || !name || !/^[A-Za-z0-9]+$/.test(step)) throw new UsageError(`--sequence takes "Name:step" (step alphanumeric), got "${raw}"`, '--sequence');
  return { name, step };
}

function progressLine(p: JobProgress): string {
  const settled = p.counts.created + p.counts.updated + p.counts.unchanged + p.counts.failed;
  const toSend = settled + p.counts.ready;
  const eta = p.etaSec === null ? '' : `, ETA ${p.etaSec} s`;
  const wait = p.status === 'paused' && p.error ? ` — ${p.error}` : '';
  return `import: ${settled}/${toSend} rows sent (${p.counts.created} created, ${p.counts.updated} updated, ${p.counts.unchanged} unchanged, ${p.counts.failed} failed), ${p.rowsPerSec} rows/s, ${p.callsPerSec} calls/s${eta}${wait}`;
}

export const importCommand: Command = async (argv, ctx) => {
  const [file, ...rest] = argv;
  if (file === undefined || file.startsWith('-')) throw new UsageError('give the CSV file right after "import" (import FILE.csv [flags])');
  const values = parseFlags(rest, OPTIONS, 'import');
  const modeFlag = str(values, 'mode') ?? 'upsert';
  if (!(MODES as readonly string[]).includes(modeFlag)) throw new UsageError(`--mode must be one of ${MODES.join(', ')}, got "${modeFlag}"`, '--mode');
  // The flag itself is the confirmation: without it, existing leads keep their details.
  const existing = str(values, 'existing') ?? 'keep';
  if (!(POLICIES as readonly string[]).includes(existing)) throw new UsageError(`--existing must be one of ${POLICIES.join(', ')}, got "${existing}"`, '--existing');
  const points = str(values, 'points');
  const options: ImportOptions = {
    mode: modeFlag as ImportMode,
    existing: existing as ExistingPolicy,
    tags: list(values, 'tag'),
    lists: list(values, 'list'),
    sequence: parseSequence(str(values, 'sequence')),
    points: points === undefined ? 0 : int(points, '--points', 0, 1_000_000),
    gdprConfirmed: bool(values, 'gdpr-confirmed'),
  };
  const overrides = parseMap(list(values, 'map'));
  const check = bool(values, 'check');
  if (check && !bool(values, 'dry-run')) throw new UsageError('--check looks the rows up in Kartra for the plan: use it with --dry-run', '--check');
  return withCore(values, ctx, (session) =>
    runImport(session, ctx, {
      file: resolve(file),
      options,
      overrides,
      report: str(values, 'report'),
      result: str(values, 'result'),
      dryRun: bool(values, 'dry-run'),
      check,
      sheet: parseSheet(str(values, 'sheet')),
    }),
  );
};

interface Plan {
  file: string;
  options: ImportOptions;
  overrides: ColumnMapping;
  report: string | undefined;
  /** Where to write every row's outcome and Kartra lead id (jobs.exportResult). */
  result: string | undefined;
  /** Print the plan (counts per class, first rows of each) and send no write. */
  dryRun: boolean;
  /** With dryRun: look the rows the cache does not know up in Kartra first (one get_lead each, bulk lane). */
  check: boolean;
  /** A workbook's sheet (name or position from 1); the first when not given. */
  sheet: string | number | undefined;
}

async function runImport({ api, core }: CliSession, ctx: CliContext, plan: Plan): Promise<Doc> {
  let count429 = 0;
  let latest: JobProgress | undefined;
  let settle: ((p: JobProgress) => void) | undefined;
  const { jobId } = await core.importFile(plan.file);
  api.on('limiter.state', (state) => (count429 = Math.max(count429, state.count429)));
  api.on('job.progress', (progress) => {
    if (progress.jobId !== jobId) return;
    latest = progress;
    if (TERMINAL.has(progress.status)) settle?.(progress);
  });
  const analysis = unwrap(await api.import.analyze({ jobId, ...(plan.sheet !== undefined ? { sheet: plan.sheet } : {}) }));
  const read = analysis.sheet ? `sheet "${analysis.sheet}"` : `${analysis.encoding}, delimiter ${JSON.stringify(analysis.delimiter)}`;
  ctx.progress(`import: ${analysis.fileName}: ${analysis.rowCount} rows, ${read}`);
  const sheets = analysis.sheets ?? [];
  if (sheets.length > 1) ctx.progress(`import: this workbook has ${sheets.length} sheets (${sheets.map((n) => `"${n}"`).join(', ')}); "${analysis.sheet}" was read — --sheet NAME|N reads another`);
  for (const problem of analysis.problems) ctx.progress(`import: ${problem}`);
  const mapping = { ...analysis.suggestedMapping, ...plan.overrides };
  ctx.progress(`import: mapping ${Object.entries(mapping).filter(([, t]) => t !== 'ignore').map(([c, t]) => `${c}→${t}`).join(', ') || '(none)'}`);
  const validated = unwrap(await api.import.validate({ jobId, mapping }));
  ctx.progress(`import: ${validated.counts.ready} rows ready, ${validated.counts.invalid} invalid`);
  if (plan.dryRun) return dryRun(api, ctx, jobId, plan.check);

  const startedAt = performance.now();
  const done = new Promise<JobProgress>((resolvePromise) => (settle = resolvePromise));
  const startedWith = count429;
  unwrap(await api.import.start({ jobId, options: plan.options }));
  const ticker = setInterval(() => latest && ctx.progress(progressLine(latest)), 1000);
  let final: JobProgress;
  try {
    const stopped = ctx.stopSignal().then(async (signal) => {
      ctx.progress(`import: ${signal}: pausing after the rows on their way`);
      return unwrap(await api.jobs.pause({ jobId }));
    });
    final = await Promise.race([done, stopped]);
  } finally {
    clearInterval(ticker);
  }
  final = unwrap(await api.jobs.get({ jobId }));
  const seconds = (performance.now() - startedAt) / 1000;
  ctx.progress(progressLine(final));
  let reportRows: number | undefined;
  if (plan.report) {
    const failed = unwrap(await api.jobs.exportFailed({ jobId }));
    writeFileSync(plan.report, failed.csv);
    reportRows = failed.rows;
    ctx.progress(`import: ${failed.rows} failed or invalid rows written to ${plan.report}`);
  }
  let resultRows: number | undefined;
  if (plan.result) {
    const result = unwrap(await api.jobs.exportResult({ jobId }));
    writeFileSync(plan.result, result.csv);
    resultRows = result.rows;
    ctx.progress(`import: every row's outcome and lead id written to ${plan.result}`);
  }
  const { counts } = final;
  return {
    // created + updated + unchanged + failed + invalid + excluded (+ not_sent while unfinished) = rows.
    ...rowOutcomes(counts),
    calls: final.calls,
    count_429: count429 - startedWith,
    seconds: Number(seconds.toFixed(3)),
    calls_per_s: Number((final.calls / Math.max(seconds, 0.001)).toFixed(2)),
    status: final.status,
    jobId,
    ...(final.error ? { error: final.error } : {}),
    ...(reportRows !== undefined ? { report: plan.report, report_rows: reportRows } : {}),
    ...(resultRows !== undefined ? { result: plan.result, result_rows: resultRows } : {}),
  };
}

/** --dry-run: the plan of a validated import, with the first rows of each class; no write is sent to Kartra. */
async function dryRun(api: LeadDeskApi, ctx: CliContext, jobId: string, check: boolean): Promise<Doc> {
  let lookups: PlanCheckState | null = null;
  if (check) lookups = await checkAgainstKartra(api, ctx, jobId);
  const plan: ImportPlan = unwrap(await api.import.plan({ jobId }));
  const first: Record<string, string[]> = {};
  for (const [kind, rows] of Object.entries(plan.examples)) {
    first[kind] = [];
    for (const row of rows) {
      const [r] = unwrap(await api.import.rows({ jobId, offset: row - 1, limit: 1 })).rows;
      if (!r) continue;
      const why = r.errors.map((e) => `${e.column}: ${e.message}`).join('; ');
      first[kind].push(`row ${row}: ${Object.values(r.values).slice(0, 3).join(', ')}${why ? ` — ${why}` : ''}`);
    }
  }
  const known = lookups ? 'known locally or in Kartra' : 'known locally';
  const unknown = plan.unknown > 0 ? `, ${plan.unknown} unknown (${plan.unknownReason})` : '';
  ctx.progress(`import: dry run — ${plan.new} new, ${plan.existing} existing (${known})${unknown}, ${plan.invalid} invalid, ${plan.duplicate} duplicate in the file, ${plan.excluded} excluded; ${lookups ? `no write sent (${lookups.done} reads)` : 'nothing sent'}`);
  if (plan.unchecked > 0) ctx.progress(`import: ${plan.unchecked} new rows are not checked against Kartra; --check looks them up (${plan.unchecked} reads, about ${Math.max(1, Math.ceil(plan.unchecked / 20))} s)`);
  return {
    dry_run: true,
    new: plan.new,
    existing: plan.existing,
    unknown: plan.unknown,
    invalid: plan.invalid,
    duplicate: plan.duplicate,
    excluded: plan.excluded,
    unchecked: plan.unchecked,
    ...(lookups ? { lookups: { sent: lookups.done, found: lookups.found, missing: lookups.missing, failed: lookups.failed, status: lookups.status } } : {}),
    first_rows: first,
    jobId,
  };
}

/** The plan's look-ups (one get_lead per row the cache does not know, bulk lane), with progress; Ctrl-C cancels them. */
async function checkAgainstKartra(api: LeadDeskApi, ctx: CliContext, jobId: string): Promise<PlanCheckState> {
  const ended = (s: PlanCheckState) => s.status !== 'running' && s.status !== 'cancelling';
  let settle: ((s: PlanCheckState) => void) | undefined;
  const done = new Promise<PlanCheckState>((resolvePromise) => (settle = resolvePromise));
  let latest: PlanCheckState | null = null;
  const off = api.on('import.check', (state) => {
    if (state.jobId !== jobId) return;
    latest = state;
    if (ended(state)) settle?.(state);
  });
  try {
    const started = unwrap(await api.import.checkKartra({ jobId }));
    ctx.progress(`import: checking ${started.total} rows against Kartra (about ${started.etaSec ?? 0} s)`);
    if (ended(started)) return started;
    const ticker = setInterval(() => latest && ctx.progress(`import: checked ${latest.done}/${latest.total}: ${latest.found} found, ${latest.missing} not in Kartra, ${latest.failed} failed`), 1000);
    void ctx.stopSignal().then(() => api.import.cancelCheck({ jobId }));
    try {
      return await done;
    } finally {
      clearInterval(ticker);
    }
  } finally {
    off();
  }
}
