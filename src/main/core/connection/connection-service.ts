// Which Kartra account the app talks to right now, and the rate-limited client for it.
import type { AccountInfo, CredentialStorage } from '../../../shared/domain/account';
import type { CredentialVault } from '../credentials/credential-vault';
import { AppError } from '../errors';
import { KartraClient } from '../kartra/client';
import type { HttpOptions } from '../kartra/http';
import type { LimiterRegistry } from '../kartra/limiter-registry';
import type { KartraCredentials } from '../kartra/types';
import type { Logger } from '../log';
import type { AccountRow, AccountsRepo } from '../store/accounts-repo';
import type { SettingsRepo } from '../store/settings-repo';
import type { Lead } from '../../../shared/domain/lead';
import type { BuiltinSandbox } from './builtin-sandbox';
import { sandboxDemoLeads } from './sandbox-demo-leads';

const CURRENT_ACCOUNT = 'current_account_id';
/** Sandbox accounts keep this placeholder URL in the database: the real port changes every start. */
export const SANDBOX_URL_PLACEHOLDER = 'sandbox:builtin';

export interface Session {
  account: AccountRow;
  apiUrl: string;
  storage: CredentialStorage;
  client: KartraClient;
}

export interface ConnectionDeps {
  accounts: AccountsRepo;
  settings: SettingsRepo;
  limiters: LimiterRegistry;
  sandbox: BuiltinSandbox;
  vault: CredentialVault;
  log: Logger;
  onChange: () => void;
  /** The sandbox was connected: its demo leads, as its lead export would list them (they fill an empty lead cache). */
  onSandboxConnected?: (accountId: string, demoLeads: () => Lead[]) => void;
  /** HTTP timeouts of the client (tests shorten them to see a timeout after sending). */
  http?: HttpOptions;
}

export class ConnectionService {
  private session?: Session;

  constructor(private readonly deps: ConnectionDeps) {}

  /** Reconnects to the account that was current when the app last ran. */
  async restore(): Promise<void> {
    const account = this.currentRow();
    if (!account) return;
    try {
      await this.open(account);
    } catch (error) {
      // Missing secrets (session-only last time, or a wiped keychain) leave the account listed, not connected.
      this.deps.log.warn('could not restore the last account', { accountId: account.id, error });
    }
  }

  current(): Session | undefined {
    return this.session;
  }

  /** The account marked current, even when it could not be opened (its credentials are missing). */
  currentRow(): AccountRow | undefined {
    const id = this.deps.settings.get(CURRENT_ACCOUNT);
    return id ? this.deps.accounts.get(id) : undefined;
  }

  require(): Session {
    if (!this.session) throw new AppError('not_connected', 'No Kartra account is connected. Connect one or try the sandbox.');
    return this.session;
  }

  info(): AccountInfo | null {
    const s = this.session;
    return s ? toInfo(s.account, s.storage, s.apiUrl) : null;
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
    this.deps.onSandboxConnected?.(account.id, () => sandboxDemoLeads(running));
    return this.info()!;
  }

  /** Makes the account current and builds its client; throws not_connected when its secret is missing. */
  async open(account: AccountRow): Promise<AccountInfo> {
    const { credentials, storage } = await this.credentialsFor(account);
    const client = new KartraClient({ credentials, scheduler: this.deps.limiters.get(account.appId), log: this.deps.log, ...(this.deps.http ? { http: this.deps.http } : {}) });
    const previous = this.session;
    this.session = { account, apiUrl: credentials.apiUrl, storage, client };
    this.deps.settings.set(CURRENT_ACCOUNT, account.id);
    await previous?.client.close();
    this.deps.onChange();
    return this.info()!;
  }

  /** Refreshes the session's copy of the account row after a rename or a test-mode change. */
  reloadAccount(id: string): void {
    const row = this.deps.accounts.get(id);
    if (this.session && row && this.session.account.id === id) {
      this.session = { ...this.session, account: row };
      this.deps.onChange();
    }
  }

  /** Drops the session if it belongs to this account (it is being forgotten). */
  async disconnect(id: string): Promise<void> {
    if (this.deps.settings.get(CURRENT_ACCOUNT) === id) this.deps.settings.delete(CURRENT_ACCOUNT);
    if (this.session?.account.id !== id) return;
    const previous = this.session;
    this.session = undefined;
    await previous.client.close();
    this.deps.onChange();
  }

  async close(): Promise<void> {
    const previous = this.session;
    this.session = undefined;
    await previous?.client.close();
  }

  /** The sandbox's URL changes every start; real accounts keep theirs. */
  apiUrlOf(account: AccountRow): string {
    return account.kind === 'sandbox' ? (this.deps.sandbox.current()?.url ?? account.apiUrl) : account.apiUrl;
  }

  private async credentialsFor(account: AccountRow): Promise<{ credentials: KartraCredentials; storage: CredentialStorage }> {
    if (account.kind === 'sandbox') {
      const running = await this.deps.sandbox.ensure();
      const demo = running.accounts[0]!;
      return { credentials: { apiUrl: running.url, appId: demo.appId, apiKey: demo.apiKey, apiPassword: demo.apiPassword }, storage: 'builtin' };
    }
    const secret = await this.deps.vault.get(account.id);
    if (!secret) {
      throw new AppError('not_connected', `Enter the API key and password of "${account.label}" again to reconnect it.`, {
        details: { field: 'apiKey' },
      });
    }
    const storage = await this.deps.vault.storageOf(account.id);
    return { credentials: { apiUrl: account.apiUrl, appId: account.appId, ...secret }, storage };
  }
}

export function toInfo(account: AccountRow, credentials: CredentialStorage, apiUrl = account.apiUrl): AccountInfo {
  return { id: account.id, label: account.label, kind: account.kind, appId: account.appId, apiUrl, testMode: account.testMode, credentials };
}
