// One place to keep and find account secrets: the OS keychain when there is one, else this session's memory.
import type { CredentialStorage, KeychainStatus } from '../../../shared/domain/account';
import { AppError } from '../errors';
import { SessionSecretStore, type AccountSecret, type SecretStore } from './secret-store';

export class CredentialVault {
  private readonly session = new SessionSecretStore();

  constructor(
    private readonly keychain: SecretStore | undefined,
    private readonly keychainProblem: string | undefined,
  ) {}

  status(): KeychainStatus {
    return { available: this.keychain !== undefined, problem: this.keychain ? null : (this.keychainProblem ?? 'no keychain is available') };
  }

  /** Refuses early when the keychain is missing and the user has not agreed to session-only storage. */
  assertCanStore(sessionOnly: boolean): void {
    if (this.keychain || sessionOnly) return;
    throw new AppError(
      'keychain_unavailable',
      `Lead Desk cannot reach the system keychain (${this.status().problem}), so it cannot save your API key and password safely. ` +
        'You can keep them for this session only: they will be forgotten when Lead Desk quits, and never written to a file.',
    );
  }

  async put(accountId: string, secret: AccountSecret, sessionOnly: boolean): Promise<Exclude<CredentialStorage, 'builtin' | 'missing'>> {
    this.assertCanStore(sessionOnly);
    if (sessionOnly || !this.keychain) {
      await this.session.set(accountId, secret);
      return 'session';
    }
    try {
      await this.keychain.set(accountId, secret);
    } catch (error) {
      throw new AppError('keychain_unavailable', `The system keychain did not store the credentials: ${String(error)}`, { retryable: true });
    }
    await this.session.delete(accountId);
    return 'keychain';
  }

  async get(accountId: string): Promise<AccountSecret | undefined> {
    return (await this.session.get(accountId)) ?? (await this.readKeychain(accountId));
  }

  async storageOf(accountId: string): Promise<'keychain' | 'session' | 'missing'> {
    if (await this.session.get(accountId)) return 'session';
    return (await this.readKeychain(accountId)) ? 'keychain' : 'missing';
  }

  /** Removes the secret from everywhere it might be. */
  async delete(accountId: string): Promise<void> {
    await this.session.delete(accountId);
    await this.keychain?.delete(accountId);
  }

  private async readKeychain(accountId: string): Promise<AccountSecret | undefined> {
    if (!this.keychain) return undefined;
    try {
      return await this.keychain.get(accountId);
    } catch (error) {
      throw new AppError('keychain_unavailable', `The system keychain did not answer: ${String(error)}`, { retryable: true });
    }
  }
}
