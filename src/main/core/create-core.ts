// Composition root: builds every service of the core from its options and wires them to the router.
import { join } from 'node:path';
import type { AppStatus } from '../../shared/ipc/contract';
import { AccountService } from './account/account-service';
import { AccountsService } from './account/accounts-service';
import { createRouter, type Handlers } from './api/router';
import { BuiltinSandbox } from './connection/builtin-sandbox';
import { ConnectionService } from './connection/connection-service';
import type { Core, CoreOptions } from './core-types';
import { CredentialVault } from './credentials/credential-vault';
import { openKeychain } from './credentials/secret-store';
import { EventHub } from './events';
import { LimiterRegistry } from './kartra/limiter-registry';
import { LeadService } from './leads/lead-service';
import { createLogger } from './log';
import { AccountCacheRepo } from './store/account-cache-repo';
import { AccountsRepo } from './store/accounts-repo';
import { openDatabase } from './store/database';
import { LeadCacheRepo } from './store/lead-cache-repo';
import { SettingsRepo } from './store/settings-repo';

export async function createCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? createLogger();
  const db = openDatabase(join(options.dataDir, 'lead-desk.sqlite'));
  const events = new EventHub(log);
  const limiters = new LimiterRegistry({ log, onState: (state) => events.emit('limiter.state', state) });
  const sandbox = new BuiltinSandbox(options.dataDir, options.sandbox);
  const keychain = await (options.openKeychain ?? openKeychain)();
  if (!keychain.store) log.warn('no keychain: credentials can only be kept for this session', { reason: keychain.reason });
  const vault = new CredentialVault(keychain.store, keychain.reason);
  const accountsRepo = new AccountsRepo(db);
  const cacheRepo = new AccountCacheRepo(db);

  const status = (): AppStatus => ({
    version: options.version,
    account: connection.info(),
    online: true,
    defaultAppId: options.defaultAppId ?? null,
    keychain: vault.status(),
  });
  const connection: ConnectionService = new ConnectionService({
    accounts: accountsRepo,
    settings: new SettingsRepo(db),
    limiters,
    sandbox,
    vault,
    log,
    onChange: () => events.emit('app.status', status()),
  });
  const accounts = new AccountsService({ accounts: accountsRepo, cache: cacheRepo, vault, connection, limiters, log });
  const account = new AccountService(connection, cacheRepo);
  const leads = new LeadService(connection, new LeadCacheRepo(db), account);

  const handlers: Handlers = {
    'app.status': async () => status(),
    'sandbox.connect': async () => connection.connectSandbox(),
    'accounts.list': async () => accounts.list(),
    'accounts.connect': async (input) => accounts.connect(input),
    'accounts.switch': async ({ id }) => accounts.switchTo(id),
    'accounts.rename': async ({ id, label }) => accounts.rename(id, label),
    'accounts.forget': async ({ id, deleteLocalData }) => accounts.forget(id, deleteLocalData),
    'leads.find': async ({ query }) => leads.find(query),
    'leads.applyActions': async ({ lead, actions }) => leads.applyActions(lead, actions),
    'account.tags': async ({ refresh }) => account.tags(refresh),
  };
  const router = createRouter(handlers, log);
  await connection.restore();

  let closed = false;
  return {
    handle: (command, input) => router.handle(command, input),
    onEvent: (listener) => events.on(listener),
    builtinSandbox: () => sandbox.current(),
    async close() {
      if (closed) return;
      closed = true;
      await connection.close();
      limiters.closeAll();
      await sandbox.close();
      db.close();
    },
  };
}
