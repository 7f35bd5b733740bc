// Which Kartra account the app talks to right now, and the rate-limited client for it.
import type { AccountInfo } from '../../../shared/domain/account';
import { AppError } from '../errors';
import { KartraClient } from '../kartra/client';
import type { LimiterRegistry } from '../kartra/limiter-registry';
import type { KartraCredentials } from '../kartra/types';
import type { Logger } from '../log';
import type { AccountRow, AccountsRepo } from '../store/accounts-repo';
import type { SettingsRepo } from '../store/settings-repo';
import type { BuiltinSandbox } from './builtin-sandbox';
import type { KartraPort } from './kartra-port';

const CURRENT_ACCOUNT = 'current_account_id';
/** Sandbox accounts keep this placeholder URL in the database: the real port changes every start. */
export const SANDBOX_URL_PLACEHOLDER = 'sandbox:builtin';

export interface Session {
  account: AccountRow;
  apiUrl: string;
  client: KartraPort;
}

export interface ConnectionDeps {
  accounts: AccountsRepo;
  settings: SettingsRepo;
  limiters: LimiterRegistry;
  sandbox: BuiltinSandbox;
  log: Logger;
  onChange: () => void;
}

export class ConnectionService {
  private session?: Session;

  constructor(private readonly deps: ConnectionDeps) {}

  /** Reconnects to the account that was current when the app last ran. */
  async restore(): Promise<void> {
    const id = this.deps.settings.get(CURRENT_ACCOUNT);
    const account = id ? this.deps.accounts.get(id) : undefined;
    if (!account) return;
    try {
      await this.open(account);
    } catch (error) {
      this.deps.log.warn('could not restore the last account', { accountId: account.id, error });
    }
  }

  current(): Session | undefined {
    return this.session;
  }

  require(): Session {
    if (!this.session) throw new AppError('not_connected', 'No Kartra account is connected. Connect one or try the sandbox.');
    return this.session;
  }

  info(): AccountInfo | null {
    const s = this.session;
    if (!s) return null;
    return { id: s.account.id, label: s.account.label, kind: s.account.kind, appId: s.account.appId, apiUrl: s.apiUrl, testMode: s.account.testMode };
  }

  /** Starts the built-in sandbox and makes its demo account the current one. */
  async connectSandbox(): Promise<AccountInfo> {
    const running = await this.deps.sandbox.ensure();
    const demo = running.accounts[0];
    if (!demo) throw new AppError('internal', 'The sandbox started without a demo account.');
    const account =
      this.deps.accounts.findSandbox() ??
      this.deps.accounts.insert({ label: `Sandbox · ${demo.label}`, kind: 'sandbox', appId: demo.appId, apiUrl: SANDBOX_URL_PLACEHOLDER, testMode: false });
    await this.open(account);
    return this.info()!;
  }

  private async open(account: AccountRow): Promise<void> {
    const credentials = await this.credentialsFor(account);
    const client = new KartraClient({ credentials, scheduler: this.deps.limiters.get(account.appId), log: this.deps.log });
    const previous = this.session;
    this.session = { account, apiUrl: credentials.apiUrl, client };
    await previous?.client.close();
    this.deps.settings.set(CURRENT_ACCOUNT, account.id);
    this.deps.onChange();
  }

  async close(): Promise<void> {
    const previous = this.session;
    this.session = undefined;
    await previous?.client.close();
  }

  private async credentialsFor(account: AccountRow): Promise<KartraCredentials> {
    if (account.kind === 'sandbox') {
      const running = await this.deps.sandbox.ensure();
      const demo = running.accounts[0]!;
      return { apiUrl: running.url, appId: demo.appId, apiKey: demo.apiKey, apiPassword: demo.apiPassword };
    }
    throw new AppError('not_connected', `Account "${account.label}" needs its API key and password again.`);
  }
}
