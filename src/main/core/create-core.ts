// Composition root: builds every service of the core from its options and wires them to the router.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AppStatus } from '../../shared/ipc/contract';
import { AccountService } from './account/account-service';
import { AccountsService } from './account/accounts-service';
import { createRouter, type Handlers } from './api/router';
import { BuiltinSandbox } from './connection/builtin-sandbox';
import { ConnectionService } from './connection/connection-service';
import type { Core, CoreOptions } from './core-types';
import { fingerprintsIn } from './credentials/credential-fingerprint';
import { CredentialVault } from './credentials/credential-vault';
import { openKeychain } from './credentials/secret-store';
import { EventHub } from './events';
import { LimiterRegistry } from './kartra/limiter-registry';
import { LeadService } from './leads/lead-service';
import { createLogger } from './log';
import { AccountCacheRepo } from './store/account-cache-repo';
import { AccountsRepo } from './store/accounts-repo';
import { openDatabase } from './store/database';
import { acquireDataDirLock } from './store/data-dir-lock';
import { LeadCacheRepo } from './store/lead-cache-repo';
import { OutboxRepo } from './outbox/outbox-repo';
import { OutboxService } from './outbox/outbox-service';
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

  const leadCache = new LeadCacheRepo(db);
  let lastOnline = true;
  const status = (): AppStatus => ({
    version: options.version,
    account: connection.info(),
    online: outbox.connectivity.isOnline(),
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
    onChange: () => {
      events.emit('app.status', status());
      outbox.resume();
      jobs.onAccountChange();
    },
  });
  const outbox: OutboxService = new OutboxService({
    repo: new OutboxRepo(db),
    connection,
    cache: leadCache,
    log,
    concurrency: options.outboxConcurrency,
    probeBackoffMs: options.probeBackoffMs,
    onItem: (view) => events.emit('outbox.item', view),
    onState: (state) => {
      events.emit('outbox.state', state);
      if (state.online !== lastOnline) {
        lastOnline = state.online;
        events.emit('app.status', status());
      }
    },
    onLeadUpdated: (accountId, leadId) => {
      const cached = leadCache.get(accountId, { id: leadId });
      if (cached) events.emit('lead.updated', { accountId, lead: cached.lead });
    },
  });
  const accounts = new AccountsService({
    accounts: accountsRepo,
    cache: cacheRepo,
    vault,
    connection,
    limiters,
    log,
    // Uploaded CSV files hold lead data too: "delete local data" removes them with the job rows.
    removeLocalFiles: (accountId) => {
      for (const { id } of db.prepare('SELECT id FROM jobs WHERE account_id = ?').all(accountId) as { id: string }[]) {
        rmSync(jobDir(options.dataDir, id), { recursive: true, force: true });
      }
    },
  });
  const account = new AccountService(connection, cacheRepo);
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
    concurrency: options.jobConcurrency,
    probeBackoffMs: options.probeBackoffMs,
    connectivity: outbox.connectivity,
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
  const recipes = new RecipesService({ dataDir: options.dataDir, db, connection, account, jobs: jobRepo, rows: rowRepo, runner: jobs });

  const handlers: Handlers = {
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
    'leads.create': async ({ lead, actions }) => leads.create(lead, actions),
    'leads.edit': async ({ lead, changes, seen, actions }) => leads.edit(lead, changes, seen, actions),
    'leads.applyActions': async ({ lead, actions }) => leads.applyActions(lead, actions),
    'leads.checkEmail': async ({ email, exceptLeadId }) => leads.checkEmail(email, exceptLeadId),
    'account.tags': async ({ refresh }) => account.tags(refresh),
    'account.lists': async ({ refresh }) => account.lists(refresh),
    'account.createCustomField': async ({ identifier, type, options }) => account.createCustomField(identifier, type, options),
    'outbox.list': async ({ statuses, limit }) => ({
      items: outbox.list(statuses.filter((s): s is Exclude<typeof s, 'done'> => s !== 'done'), limit),
      state: outbox.state(),
    }),
    'outbox.retry': async ({ ids }) => outbox.retry(ids),
    'outbox.discard': async ({ ids }) => outbox.discard(ids),
    'outbox.edit': async ({ id, change }) => outbox.edit(id, change),
    'outbox.resolve': async ({ id, keep }) => outbox.resolve(id, keep),
    // Placeholders until the write queue (core/writes) keeps History and needs-check items.
    'outbox.settleCheck': async () => outbox.state(),
    'history.list': async () => ({ entries: [], nextBeforeId: null }),
    'import.begin': async ({ fileName, bytes }) => imports.begin(fileName, bytes),
    'import.chunk': async ({ jobId, offset, data, final }) => imports.chunk(jobId, offset, data, final),
    'import.analyze': async ({ jobId }) => imports.analyze(jobId),
    'import.validate': async ({ jobId, mapping }) => imports.validate(jobId, mapping),
    'import.rows': async ({ jobId, offset, limit, statuses }) => imports.rows(jobId, offset, limit, statuses),
    'import.fixCell': async ({ jobId, row, column, value }) => imports.fixCell(jobId, row, column, value),
    'import.plan': async ({ jobId }) => imports.plan(jobId),
    'import.refusedValues': async ({ jobId, column }) => imports.refusedValues(jobId, column),
    'import.bulkFix': async ({ jobId, fix }) => imports.bulkFix(jobId, fix),
    'import.unknownNames': async ({ jobId, refresh }) => imports.unknownNames(jobId, refresh),
    'import.exclude': async ({ jobId, rows, excluded }) => imports.exclude(jobId, rows, excluded),
    'import.start': async ({ jobId, options }) => imports.start(jobId, options),
    'jobs.pause': async ({ jobId }) => jobs.pause(jobId),
    'jobs.resume': async ({ jobId }) => jobs.resume(jobId),
    'jobs.cancel': async ({ jobId }) => jobs.cancel(jobId),
    'jobs.list': async ({ limit }) => jobs.list(limit),
    'jobs.get': async ({ jobId }) => jobs.progress(jobId),
    'jobs.exportFailed': async ({ jobId }) => jobs.exportFailed(jobId),
    'recipes.list': async () => recipes.list(),
    'recipes.save': async ({ id, name, actions }) => recipes.save({ id, name, actions }),
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
    setOsOnline: (online) => outbox.setOsOnline(online),
    outboxIdle: () => outbox.idle(),
    importFile: (path) => imports.fromFile(path),
    async close() {
      if (closed) return;
      closed = true;
      await jobs.close();
      outbox.close();
      await outbox.idle();
      await connection.close();
      limiters.closeAll();
      await sandbox.close();
      await parseWorker.close();
      db.close();
      releaseLock();
    },
  };
}
