// Composition root: builds every service of the core from its options and wires them to the router.
import { join } from 'node:path';
import type { AppStatus } from '../../shared/ipc/contract';
import { AccountService } from './account/account-service';
import { createRouter, type Handlers } from './api/router';
import { BuiltinSandbox } from './connection/builtin-sandbox';
import { ConnectionService } from './connection/connection-service';
import type { Core, CoreOptions } from './core-types';
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
  const limiters = new LimiterRegistry({ onState: (state) => events.emit('limiter.state', state) });
  const sandbox = new BuiltinSandbox(options.dataDir, options.sandbox);

  const status = (): AppStatus => ({ version: options.version, account: connection.info(), online: true });
  const connection: ConnectionService = new ConnectionService({
    accounts: new AccountsRepo(db),
    settings: new SettingsRepo(db),
    limiters,
    sandbox,
    log,
    onChange: () => events.emit('app.status', status()),
  });
  const account = new AccountService(connection, new AccountCacheRepo(db));
  const leads = new LeadService(connection, new LeadCacheRepo(db), account);

  const handlers: Handlers = {
    'app.status': async () => status(),
    'sandbox.connect': async () => connection.connectSandbox(),
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
