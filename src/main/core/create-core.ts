// Composition root: builds every service of the core from its options and wires them to the router.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AppStatus } from '../../shared/ipc/contract';
import { AccountService } from './account/account-service';
import { AccountsService } from './account/accounts-service';
import { forgetRefusedStep, SequenceStepMemory } from './account/sequence-step-memory';
import { createRouter, type Handlers } from './api/router';
import { BuiltinSandbox } from './connection/builtin-sandbox';
import { ConnectionService } from './connection/connection-service';
import type { Core, CoreOptions } from './core-types';
import { fingerprintsIn } from './credentials/credential-fingerprint';
import { CredentialVault } from './credentials/credential-vault';
import { openKeychain } from './credentials/secret-store';
import { EventHub } from './events';
import { LimiterRegistry } from './kartra/limiter-registry';
import { CacheRefresh } from './leads/cache-refresh';
import { KartraCheck } from './import/kartra-check';
import { PlanLookups } from './import/plan-lookups';
import { PlanService } from './import/plan-service';
import { LeadService } from './leads/lead-service';
import { createLogger } from './log';
import { AccountCacheRepo } from './store/account-cache-repo';
import { AccountsRepo } from './store/accounts-repo';
import { openDatabase } from './store/database';
import { acquireDataDirLock } from './store/data-dir-lock';
import { prepareDataDir } from './store/private-files';
import { LeadCacheRepo } from './store/lead-cache-repo';
import { Connectivity } from './connection/connectivity';
import { HistoryRepo } from './writes/history-repo';
import { LaneSlots } from './writes/lane-slots';
import { WriteQueue } from './writes/write-queue';
import { WriteRepo } from './writes/write-repo';
import { SettingsRepo } from './store/settings-repo';
import { ImportService } from './import/import-service';
import { MappingRepo } from './import/mapping-repo';
import { jobDir, Uploads } from './import/upload';
import { ParseWorker, resolveWorkerEntry } from './import/worker-client';
import { JobRepo } from './jobs/job-repo';
import { JobsService } from './jobs/jobs-service';
import { Pages } from './jobs/pages';
import { RecipesService } from './jobs/recipes-service';
import { RowRepo } from './jobs/row-repo';
import { viewHandlers } from './views/handlers';
import { bulkHandlers } from './bulk-actions/handlers';
import { BulkService } from './bulk-actions/bulk-service';
import { settingsHandlers } from './settings/handlers';
import { SettingsService } from './settings/settings-service';
import { LeadFilterRepo } from './views/lead-filter-repo';
import { SavedViewsRepo } from './views/saved-views-repo';
import { ViewsService } from './views/views-service';

export async function createCore(options: CoreOptions): Promise<Core> {
  // First, before the database is opened: a second process on this folder gets data_dir_in_use and changes nothing.
  const lock = acquireDataDirLock(options.dataDir, options.processKind ?? null);
  try {
    return await createLockedCore(options, lock.release);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function createLockedCore(options: CoreOptions, releaseLock: () => void): Promise<Core> {
  const log = options.log ?? createLogger();
  prepareDataDir(options.dataDir);
  const dbFile = join(options.dataDir, 'lead-desk.sqlite');
  const db = openDatabase(dbFile);
  const events = new EventHub(log);
  const limiters = new LimiterRegistry({ log, ...options.limiter, onState: (state) => events.emit('limiter.state', state) });
  const sandbox = new BuiltinSandbox(options.dataDir, options.sandbox);
  const keychain = await (options.openKeychain ?? openKeychain)();
  if (!keychain.store) log.warn('no keychain: credentials can only be kept for this session', { reason: keychain.reason });
  const settings = new SettingsRepo(db);
  const vault = new CredentialVault(keychain.store, keychain.reason, fingerprintsIn(settings));
  const accountsRepo = new AccountsRepo(db);
  const cacheRepo = new AccountCacheRepo(db);
  const stepMemory = new SequenceStepMemory(new SettingsRepo(db));

  const leadCache = new LeadCacheRepo(db);
  let lastOnline = true;
  const status = (): AppStatus => ({
    version: options.version,
    account: connection.info(),
    online: connectivity.isOnline(),
    defaultAppId: options.defaultAppId ?? null,
    keychain: vault.status(),
  });
  const connection: ConnectionService = new ConnectionService({
    accounts: accountsRepo,
    settings,
    limiters,
    sandbox,
    vault,
    log,
    // First run on the sandbox: its demo leads fill the empty cache as a lead file would (no API call).
    onSandboxConnected: (accountId, demoLeads) => {
      if (leadCache.count(accountId) === 0) leadCache.putMany(accountId, demoLeads().map((lead) => ({ lead, seenAt: Date.now() })));
    },
    http: options.kartraHttp,
    onChange: () => {
      events.emit('app.status', status());
      outbox.resume();
      jobs.onAccountChange();
    },
  });
  // One probe loop with one backoff for everything that talks to Kartra.
  const connectivity: Connectivity = new Connectivity({
    probe: async () => {
      await connection.current()?.client.retrieveAccountTags({ lane: 'outbox' });
    },
    onChange: () => outbox.onConnectivityChange(),
    backoffMs: options.probeBackoffMs,
  });
  const historyRepo = new HistoryRepo(db);
  // One set of slots for every write: the interactive and replay lanes always find room beside an import.
  const jobConcurrency = options.jobConcurrency ?? 24;
  const slots = new LaneSlots({ total: Math.max(options.outboxConcurrency ?? 24, jobConcurrency) + 4, bulk: jobConcurrency });
  const outbox: WriteQueue = new WriteQueue({
    repo: new WriteRepo(db),
    history: historyRepo,
    slots,
    connectivity,
    connection,
    cache: leadCache,
    log,
    concurrency: options.outboxConcurrency,
    onItem: (view) => {
      events.emit('outbox.item', view);
      forgetRefusedStep(stepMemory, view);
    },
    onHistory: (entry) => events.emit('history.entry', entry),
    onState: (state) => {
      events.emit('outbox.state', state);
      if (state.online !== lastOnline) {
        lastOnline = state.online;
        events.emit('app.status', status());
      }
    },
    onLeadUpdated: (accountId, lead) => events.emit('lead.updated', { accountId, lead }),
  });
  const writeCounts = new WriteRepo(db);
  const accounts = new AccountsService({
    accounts: accountsRepo,
    cache: cacheRepo,
    vault,
    connection,
    limiters,
    log,
    // Uploaded CSV files hold lead data too: "delete local data" removes them with the job rows.
    pendingChanges: (accountId) => Object.values(writeCounts.counts(accountId)).reduce((sum, n) => sum + n, 0),
    removeLocalFiles: (accountId) => {
      for (const { id } of db.prepare('SELECT id FROM jobs WHERE account_id = ?').all(accountId) as { id: string }[]) {
        rmSync(jobDir(options.dataDir, id), { recursive: true, force: true });
      }
    },
  });
  const account = new AccountService(connection, cacheRepo, stepMemory);
  const leads = new LeadService({ connection, cache: leadCache, account, outbox, accounts: accountsRepo, confirmWaitMs: options.confirmWaitMs });
  const jobRepo = new JobRepo(db);
  const rowRepo = new RowRepo(db);
  const pages = new Pages(jobRepo);
  const jobs: JobsService = new JobsService({
    jobs: jobRepo,
    rows: rowRepo,
    pages,
    connection,
    log,
    emit: (progress) => events.emit('job.progress', progress),
    concurrency: jobConcurrency,
    connectivity,
    slots,
    history: outbox.history,
    cache: outbox.cacheSync,
    holdForCheck: (...args) => outbox.holdForCheck(...args),
  });
  const parseWorker = new ParseWorker({ log, entry: resolveWorkerEntry(options.importWorkerPath) });
  const imports = new ImportService({
    dataDir: options.dataDir,
    dbFile,
    leadCache,
    connection,
    account,
    jobs: jobRepo,
    rows: rowRepo,
    pages,
    mappings: new MappingRepo(db),
    runner: jobs,
    worker: parseWorker,
    uploads: new Uploads(options.dataDir, jobRepo),
    emit: (progress) => events.emit('job.progress', progress),
  });
  const lookups = new PlanLookups((jobId) => jobDir(options.dataDir, jobId));
  const kartraCheck = new KartraCheck({ connection, cache: leadCache, lookups, emit: (state) => events.emit('import.check', state), perSecond: options.limiter?.limit });
  const plans = new PlanService({ dataDir: options.dataDir, rows: rowRepo, pages, runner: jobs, leadCache, lookups, check: kartraCheck });
  const cacheRefresh = new CacheRefresh({ connection, cache: leadCache, emit: (state) => events.emit('leads.refresh', state), perSecond: options.limiter?.limit });
  const recipes = new RecipesService({ dataDir: options.dataDir, db, connection, account, jobs: jobRepo, rows: rowRepo, runner: jobs, cache: leadCache });

  const filters = new LeadFilterRepo(db);
  const views = new ViewsService({ connection, filters, saved: new SavedViewsRepo(db) });
  const bulk = new BulkService({
    dataDir: options.dataDir,
    connection,
    cache: leadCache,
    filters,
    account,
    jobs: jobRepo,
    runner: jobs,
    history: historyRepo,
    outbox,
    // The ETA counts on what the limiter allows now (it lowers its rate after 429s).
    rate: () => limiters.states().find((s) => s.appId === connection.current()?.account.appId)?.limit ?? options.limiter?.limit ?? 20,
  });

  const appSettings = new SettingsService({
    settings,
    connection,
    cache: leadCache,
    refresh: cacheRefresh,
    dbFile,
    dataDir: options.dataDir,
    logsDir: options.logsDir ?? null,
    ...(options.openFolder ? { openFolder: options.openFolder } : {}),
  });

  const handlers: Handlers = {
    ...viewHandlers(views),
    ...bulkHandlers({ bulk, connection, cache: leadCache, filters }),
    ...settingsHandlers(appSettings),
    'app.status': async () => status(),
    'sandbox.connect': async () => connection.connectSandbox(),
    'accounts.list': async () => accounts.list(),
    'accounts.connect': async (input) => accounts.connect(input),
    'accounts.switch': async ({ id }) => accounts.switchTo(id),
    'accounts.rename': async ({ id, label }) => accounts.rename(id, label),
    'accounts.forget': async ({ id, deleteLocalData }) => accounts.forget(id, deleteLocalData),
    'leads.find': async ({ query }) => leads.find(query),
    'leads.search': async ({ query, offset, limit, cursor }) => leads.search(query, offset, limit, cursor),
    'leads.profile': async ({ id }) => leads.profile(id),
    'leads.create': async ({ lead, actions, source }) => leads.create(lead, actions, source),
    'leads.edit': async ({ lead, changes, seen, actions, source }) => leads.edit(lead, changes, seen, actions, source),
    'leads.payment': async ({ lead, payment }) => leads.payment(lead, payment),
    'leads.applyActions': async ({ lead, actions, source }) => leads.applyActions(lead, actions, source),
    'leads.refreshFromKartra': async () => cacheRefresh.start(),
    'leads.refreshState': async () => cacheRefresh.current(),
    'leads.checkEmail': async ({ email, exceptLeadId }) => leads.checkEmail(email, exceptLeadId),
    'account.tags': async ({ refresh }) => account.tags(refresh),
    'account.lists': async ({ refresh }) => account.lists(refresh),
    'account.createCustomField': async ({ identifier, type, options }) => account.createCustomField(identifier, type, options),
    'account.sequenceSteps': async ({ sequence }) => account.sequenceSteps(sequence),
    'outbox.list': async ({ statuses, limit }) => ({
      items: outbox.list(statuses.filter((s): s is Exclude<typeof s, 'done'> => s !== 'done'), limit),
      state: outbox.state(),
    }),
    'outbox.retry': async ({ ids }) => outbox.retry(ids),
    'outbox.discard': async ({ ids }) => outbox.discard(ids),
    'outbox.edit': async ({ id, change }) => outbox.edit(id, change),
    'outbox.resolve': async ({ id, keep }) => outbox.resolve(id, keep),
    'outbox.settleCheck': async ({ id, decision }) => outbox.settleCheck(id, decision),
    'history.list': async ({ accountId, ...filter }) =>
      historyRepo.list({ ...filter, accountIds: accountId === 'all' ? 'all' : [accountId ?? connection.require().account.id] }),
    'import.begin': async ({ fileName, bytes }) => imports.begin(fileName, bytes),
    'import.chunk': async ({ jobId, offset, data, final }) => imports.chunk(jobId, offset, data, final),
    'import.analyze': async ({ jobId, local, sheet }) => imports.analyze(jobId, local, sheet),
    'import.addToLocalLeads': async ({ jobId, mapping, fileModifiedAt }) => imports.addToLocalLeads(jobId, mapping, fileModifiedAt),
    'import.validate': async ({ jobId, mapping }) => imports.validate(jobId, mapping),
    'import.rows': async ({ jobId, offset, limit, statuses, plan }) =>
      plan ? plans.rows(jobId, plan, offset, limit) : plans.annotate(jobId, imports.rows(jobId, offset, limit, statuses)),
    'import.fixCell': async ({ jobId, row, column, value }) => imports.fixCell(jobId, row, column, value),
    'import.plan': async ({ jobId }) => plans.plan(jobId),
    'import.checkKartra': async ({ jobId }) => plans.startCheck(jobId),
    'import.cancelCheck': async ({ jobId }) => plans.cancelCheck(jobId),
    'import.checkState': async ({ jobId }) => plans.checkState(jobId),
    'import.refusedValues': async ({ jobId, column }) => imports.refusedValues(jobId, column),
    'import.bulkFix': async ({ jobId, fix }) => imports.bulkFix(jobId, fix),
    'import.unknownNames': async ({ jobId, refresh }) => imports.unknownNames(jobId, refresh),
    'import.exclude': async ({ jobId, rows, excluded }) => imports.exclude(jobId, rows, excluded),
    'import.start': async ({ jobId, options }) => {
      const started = await imports.start(jobId, options);
      kartraCheck.cancel(jobId); // once it runs, the rows' own calls answer what the look-ups would
      return started;
    },
    'jobs.pause': async ({ jobId }) => jobs.pause(jobId),
    'jobs.resume': async ({ jobId }) => jobs.resume(jobId),
    'jobs.cancel': async ({ jobId }) => jobs.cancel(jobId),
    'jobs.list': async ({ limit }) => jobs.list(limit),
    'jobs.get': async ({ jobId }) => jobs.progress(jobId),
    'jobs.exportFailed': async ({ jobId }) => jobs.exportFailed(jobId),
    'jobs.exportResult': async ({ jobId }) => jobs.exportResult(jobId),
    'recipes.list': async () => recipes.list(),
    'recipes.save': async ({ id, name, actions, conditions, clear }) => recipes.save({ id, name, actions, conditions, clear }),
    'recipes.preview': async ({ recipeId, target }) => recipes.preview(recipeId, target),
    'recipes.delete': async ({ id }) => recipes.delete(id),
    'recipes.apply': async ({ recipeId, target }) => recipes.apply(recipeId, target),
  };
  const router = createRouter(handlers, log);
  await connection.restore();

  let closed = false;
  return {
    handle: (command, input) => router.handle(command, input),
    onEvent: (listener) => events.on(listener),
    builtinSandbox: () => sandbox.current(),
    setOsOnline: (online) => connectivity.setOsOnline(online),
    outboxIdle: () => outbox.idle(),
    importFile: (path) => imports.fromFile(path),
    async close() {
      if (closed) return;
      closed = true;
      cacheRefresh.close();
      kartraCheck.close();
      await cacheRefresh.idle();
      await kartraCheck.idle();
      await jobs.close();
      await outbox.close();
      connectivity.close();
      await connection.close();
      limiters.closeAll();
      await sandbox.close();
      await parseWorker.close();
      db.close();
      releaseLock();
    },
  };
}
