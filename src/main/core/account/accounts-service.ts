// Connected Kartra accounts: add (with a validating call), switch, rename, forget — secrets via the vault only.
import type { AccountInfo } from '../../../shared/domain/account';
import { hostToConfirm, KARTRA_API_HOST } from '../../../shared/domain/api-address';
import type { AccountsList } from '../../../shared/ipc/contract';
import type { z } from 'zod';
import type { ConnectInput } from '../../../shared/ipc/contract';
import { toInfo, type ConnectionService } from '../connection/connection-service';
import type { CredentialVault } from '../credentials/credential-vault';
import { AppError } from '../errors';
import { KartraClient } from '../kartra/client';
import type { LimiterRegistry } from '../kartra/limiter-registry';
import type { Logger } from '../log';
import type { AccountCacheRepo } from '../store/account-cache-repo';
import type { AccountRow, AccountsRepo } from '../store/accounts-repo';

type ConnectRequest = z.output<typeof ConnectInput>;

export interface AccountsDeps {
  accounts: AccountsRepo;
  cache: AccountCacheRepo;
  vault: CredentialVault;
  connection: ConnectionService;
  limiters: LimiterRegistry;
  log: Logger;
  /** Deletes the account's files outside the database (import uploads), before its rows go. */
  removeLocalFiles?: (accountId: string) => void;
  /** Changes of the account not yet confirmed by Kartra (waiting, failed, to check): shown in the account switcher. */
  pendingChanges?: (accountId: string) => number;
}

/** Credentials go to a host other than Kartra's (or this computer's) only when the user named that host. */
function requireHostConfirmation(request: ConnectRequest): void {
  const host = hostToConfirm(request.apiUrl);
  if (host === null || request.confirmApiHost?.toLowerCase() === host) return;
  throw new AppError(
    'invalid_input',
    `The API address points to ${host}, which is not Kartra (${KARTRA_API_HOST}): your API key and password would be sent there. Confirm that you trust ${host} to connect.`,
    { details: { field: 'apiUrl' } },
  );
}

export class AccountsService {
  constructor(private readonly deps: AccountsDeps) {}

  async list(): Promise<z.output<typeof AccountsList>> {
    const rows = this.deps.accounts.list();
    const accounts = await Promise.all(rows.map((row) => this.infoOf(row)));
    const pending = Object.fromEntries(rows.map((row) => [row.id, this.deps.pendingChanges?.(row.id) ?? 0]));
    return { accounts, currentId: this.deps.connection.currentRow()?.id ?? null, keychain: this.deps.vault.status(), pending };
  }

  /**
   * Validates the credentials with one cheap call (retrieve_account_tags, whose answer also fills the
   * tag cache), then stores them and makes the account current. Nothing is stored when Kartra refuses.
   */
  async connect(request: ConnectRequest): Promise<AccountInfo> {
    let existing = request.accountId ? this.requireRow(request.accountId) : undefined;
    if (existing?.kind === 'sandbox') throw new AppError('invalid_input', 'The sandbox account needs no credentials.', { details: { field: 'accountId' } });
    requireHostConfirmation(request);
    this.deps.vault.assertCanStore(request.sessionOnly);
    // Credentials exactly as this account was connected with were checked by Kartra then: no call (works offline).
    let known = false;
    if (!existing) {
      const same = await this.findSameAccount(request);
      if (same && !request.reuse) {
        throw new AppError('already_exists', `This Kartra account is already connected as "${same.row.label}". Switch to it instead.`, {
          details: { field: 'apiKey' },
        });
      }
      existing = same?.row;
      known = same?.match === 'same';
    }

    const tags = known ? undefined : await this.validate(request);
    if (existing) {
      // The new secret first: if the keychain refuses it, the account keeps its old address and secret
      // (a pair that belonged together) instead of the new address with the old secret.
      await this.deps.vault.put(existing.id, { apiKey: request.apiKey, apiPassword: request.apiPassword }, request.sessionOnly);
      // A reused account keeps the name the user gave it.
      if (!request.reuse) this.deps.accounts.update(existing.id, { label: request.label, appId: request.appId, apiUrl: request.apiUrl });
    }
    const row =
      existing ??
      this.deps.accounts.insert({ label: request.label, kind: 'kartra', appId: request.appId, apiUrl: request.apiUrl, testMode: false });
    if (!existing) {
      try {
        await this.deps.vault.put(row.id, { apiKey: request.apiKey, apiPassword: request.apiPassword }, request.sessionOnly);
      } catch (error) {
        this.deps.accounts.delete(row.id);
        throw error;
      }
    }
    if (tags) this.deps.cache.put(row.id, 'tags', tags);
    return this.deps.connection.open(this.requireRow(row.id));
  }

  async switchTo(id: string): Promise<AccountInfo> {
    return this.deps.connection.open(this.requireRow(id));
  }

  async rename(id: string, label: string): Promise<AccountInfo> {
    this.requireRow(id);
    this.deps.accounts.update(id, { label });
    this.deps.connection.reloadAccount(id);
    return this.infoOf(this.requireRow(id));
  }

  /** Removes the secret everywhere; with deleteLocalData also the account row and (by cascade) its local data. */
  async forget(id: string, deleteLocalData: boolean): Promise<z.output<typeof AccountsList>> {
    const row = this.requireRow(id);
    await this.deps.connection.disconnect(id);
    await this.deps.vault.delete(id);
    if (deleteLocalData || row.kind === 'sandbox') {
      this.deps.removeLocalFiles?.(id);
      this.deps.vault.dropFingerprint(id);
      this.deps.accounts.delete(id);
    }
    return this.list();
  }

  private async validate(request: ConnectRequest): Promise<string[]> {
    const client = new KartraClient({
      credentials: { apiUrl: request.apiUrl, appId: request.appId, apiKey: request.apiKey, apiPassword: request.apiPassword },
      scheduler: this.deps.limiters.get(request.appId),
      log: this.deps.log,
    });
    try {
      return await client.retrieveAccountTags({ lane: 'interactive' });
    } finally {
      await client.close();
    }
  }

  /**
   * The same Kartra account (URL, App ID and API key) connected twice would split its cache and outbox. The key is
   * compared through the vault (the stored secret, or its salted fingerprint when the secret was session-only).
   */
  private async findSameAccount(request: ConnectRequest): Promise<{ row: AccountRow; match: 'same' | 'same_key' } | undefined> {
    for (const row of this.deps.accounts.list()) {
      if (row.kind !== 'kartra' || row.apiUrl !== request.apiUrl || row.appId !== request.appId) continue;
      const match = await this.deps.vault.compare(row.id, { apiKey: request.apiKey, apiPassword: request.apiPassword });
      if (match === 'same' || match === 'same_key') return { row, match };
    }
    return undefined;
  }

  private requireRow(id: string): AccountRow {
    const row = this.deps.accounts.get(id);
    if (!row) throw new AppError('not_found', 'That account is no longer known to Lead Desk.', { details: { field: 'id' } });
    return row;
  }

  private async infoOf(row: AccountRow): Promise<AccountInfo> {
    const storage = row.kind === 'sandbox' ? 'builtin' : await this.deps.vault.storageOf(row.id).catch(() => 'missing' as const);
    return toInfo(row, storage, this.deps.connection.apiUrlOf(row));
  }
}
