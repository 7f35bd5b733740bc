// `import FILE.csv`: the app's own import (worker parse, validation, journaled runner on the bulk lane) run by a
// core on a temporary or given data dir; progress on stderr, a JSON summary on stdout.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hostToConfirm } from '../../shared/domain/api-address';
import type { ColumnMapping, FileAnalysis, ImportMode, ImportOptions, JobProgress } from '../../shared/domain/import';
import { IMPORT_TARGET_FIELDS } from '../../shared/domain/import';
import type { LimiterState } from '../../shared/domain/limiter';
import type { Envelope } from '../../shared/ipc/envelope';
import type { Core } from '../../main/core/core-types';
import { createCore } from '../../main/core/create-core';
import { SessionSecretStore } from '../../main/core/credentials/secret-store';
import { AppError } from '../../main/core/errors';
import { ACCOUNT_OPTIONS, resolveAccount } from '../account-flags';
import { bool, int, keyValue, list, parseFlags, str, UsageError } from '../args';
import type { CliContext, Command } from '../context';
import type { Doc } from '../output';

const OPTIONS = {
  ...ACCOUNT_OPTIONS,
  map: { type: 'string', multiple: true },
  mode: { type: 'string' },
  tag: { type: 'string', multiple: true },
  list: { type: 'string', multiple: true },
  sequence: { type: 'string' },
  points: { type: 'string' },
  report: { type: 'string' },
  'gdpr-confirmed': { type: 'boolean' },
  'data-dir': { type: 'string' },
} as const;

const MODES: readonly ImportMode[] = ['create', 'update', 'upsert'];
const TERMINAL = new Set(['finished', 'failed', 'cancelled']);

function value<T>(reply: Envelope<unknown>): T {
  if (!reply.ok) throw new AppError(reply.error.code, reply.error.message, { details: reply.error.details });
  return reply.value as T;
}

/** "Column=field": a lead field, ignore, custom:identifier, or a bare custom field identifier. */
export function parseMap(entries: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const raw of entries) {
    const [column, target] = keyValue(raw, '--map');
    const t = target.trim();
    if (!column || !t) throw new UsageError(`--map takes "Column=field", got "${raw}"`, '--map');
    const known = t === 'ignore' || t.startsWith('custom:') || (IMPORT_TARGET_FIELDS as readonly string[]).includes(t);
    if (!known && !/^[A-Za-z0-9_-]+$/.test(t)) throw new UsageError(`--map: "${t}" is not a lead field or a custom field identifier`, '--map');
    mapping[column] = known ? t : `custom:${t}`;
  }
  return mapping;
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
  const settled = p.counts.created + p.counts.updated + p.counts.skipped + p.counts.failed;
  const toSend = settled + p.counts.ready;
  const eta = p.etaSec === null ? '' : `, ETA ${p.etaSec} s`;
  const wait = p.status === 'paused' && p.error ? ` — ${p.error}` : '';
  return `import: ${settled}/${toSend} rows sent (${p.counts.created} created, ${p.counts.updated} updated, ${p.counts.skipped} skipped, ${p.counts.failed} failed), ${p.rowsPerSec} rows/s, ${p.callsPerSec} calls/s${eta}${wait}`;
}

export const importCommand: Command = async (argv, ctx) => {
  const [file, ...rest] = argv;
  if (file === undefined || file.startsWith('-')) throw new UsageError('give the CSV file right after "import" (import FILE.csv [flags])');
  const values = parseFlags(rest, OPTIONS, 'import');
  const modeFlag = str(values, 'mode') ?? 'upsert';
  if (!(MODES as readonly string[]).includes(modeFlag)) throw new UsageError(`--mode must be one of ${MODES.join(', ')}, got "${modeFlag}"`, '--mode');
  const points = str(values, 'points');
  const options: ImportOptions = {
    mode: modeFlag as ImportMode,
    tags: list(values, 'tag'),
    lists: list(values, 'list'),
    sequence: parseSequence(str(values, 'sequence')),
    points: points === undefined ? 0 : int(points, '--points', 0, 1_000_000),
    gdprConfirmed: bool(values, 'gdpr-confirmed'),
  };
  const overrides = parseMap(list(values, 'map'));
  const credentials = resolveAccount(values, ctx.env);
  ctx.printer.addSecrets(credentials.apiKey, credentials.apiPassword);
  const given = str(values, 'data-dir');
  const dataDir = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'lead-desk-cli-import-'));
  // Session-only secrets: the CLI never writes to the OS keychain.
  const core = await createCore({ dataDir, version: 'cli', log: ctx.log, openKeychain: async () => ({ store: new SessionSecretStore() }) });
  try {
    return await runImport(core, ctx, { file: resolve(file), credentials, options, overrides, report: str(values, 'report') });
  } finally {
    await core.close();
    if (!given) rmSync(dataDir, { recursive: true, force: true });
  }
};

interface Plan {
  file: string;
  credentials: ReturnType<typeof resolveAccount>;
  options: ImportOptions;
  overrides: ColumnMapping;
  report: string | undefined;
}

async function runImport(core: Core, ctx: CliContext, plan: Plan): Promise<Doc> {
  let count429 = 0;
  let latest: JobProgress | undefined;
  let settle: ((p: JobProgress) => void) | undefined;
  core.onEvent((event, payload) => {
    if (event === 'limiter.state') count429 = Math.max(count429, (payload as LimiterState).count429);
    if (event === 'job.progress') {
      latest = payload as JobProgress;
      if (TERMINAL.has(latest.status)) settle?.(latest);
    }
  });
  const { apiUrl, appId, apiKey, apiPassword } = plan.credentials;
  // Naming a non-Kartra address with --api-url is itself the confirmation the connect form asks for.
  const confirmApiHost = hostToConfirm(apiUrl) ?? undefined;
  value(await core.handle('accounts.connect', { label: 'CLI', appId, apiKey, apiPassword, apiUrl, sessionOnly: true, confirmApiHost }));
  const { jobId } = await core.importFile(plan.file);
  const analysis = value<FileAnalysis>(await core.handle('import.analyze', { jobId }));
  ctx.progress(`import: ${analysis.fileName}: ${analysis.rowCount} rows, ${analysis.encoding}, delimiter ${JSON.stringify(analysis.delimiter)}`);
  for (const problem of analysis.problems) ctx.progress(`import: ${problem}`);
  const mapping = { ...analysis.suggestedMapping, ...plan.overrides };
  ctx.progress(`import: mapping ${Object.entries(mapping).filter(([, t]) => t !== 'ignore').map(([c, t]) => `${c}→${t}`).join(', ') || '(none)'}`);
  const validated = value<JobProgress>(await core.handle('import.validate', { jobId, mapping }));
  ctx.progress(`import: ${validated.counts.ready} rows ready, ${validated.counts.invalid} invalid`);

  const startedAt = performance.now();
  const done = new Promise<JobProgress>((resolvePromise) => (settle = resolvePromise));
  const startedWith = count429;
  value(await core.handle('import.start', { jobId, options: plan.options }));
  const ticker = setInterval(() => latest && ctx.progress(progressLine(latest)), 1000);
  let final: JobProgress;
  try {
    const stopped = ctx.stopSignal().then(async (signal) => {
      ctx.progress(`import: ${signal}: pausing after the rows on their way`);
      return value<JobProgress>(await core.handle('jobs.pause', { jobId }));
    });
    final = await Promise.race([done, stopped]);
  } finally {
    clearInterval(ticker);
  }
  final = value<JobProgress>(await core.handle('jobs.get', { jobId }));
  const seconds = (performance.now() - startedAt) / 1000;
  ctx.progress(progressLine(final));
  let reportRows: number | undefined;
  if (plan.report) {
    const failed = value<{ csv: string; rows: number }>(await core.handle('jobs.exportFailed', { jobId }));
    writeFileSync(plan.report, failed.csv);
    reportRows = failed.rows;
    ctx.progress(`import: ${failed.rows} failed or invalid rows written to ${plan.report}`);
  }
  const { counts } = final;
  return {
    rows: counts.total,
    created: counts.created,
    updated: counts.updated,
    skipped: counts.skipped,
    failed: counts.failed,
    invalid: counts.invalid,
    not_sent: counts.ready,
    calls: final.calls,
    count_429: count429 - startedWith,
    seconds: Number(seconds.toFixed(3)),
    calls_per_s: Number((final.calls / Math.max(seconds, 0.001)).toFixed(2)),
    status: final.status,
    jobId,
    ...(final.error ? { error: final.error } : {}),
    ...(reportRows !== undefined ? { report: plan.report, report_rows: reportRows } : {}),
  };
}
