// One place to keep and find account secrets: the OS keychain when there is one, else this session's memory.
import type { CredentialStorage, KeychainStatus } from '../../../shared/domain/account';
import { AppError } from '../errors';
import { compareSecrets, compareWithFingerprint, fingerprintOf, type FingerprintStore, type SecretMatch } from './credential-fingerprint';
import { SessionSecretStore, type AccountSecret, type SecretStore } from './secret-store';

export class CredentialVault {
  private readonly session = new SessionSecretStore();

  constructor(
    private readonly keychain: SecretStore | undefined,
    private readonly keychainProblem: string | undefined,
    /** Salted hashes of each account's secret (never the secret), so a later session can recognise it. */
    private readonly fingerprints?: FingerprintStore,
  ) {}

  status(): KeychainStatus {
    return { available: this.keychain !== undefined, problem: this.keychain ? null : (this.keychainProblem ?? 'no keychain is available') };
  }

  /** Refuses early when the keychain is missing and the user has not agreed to session-only storage. */
  assertCanStore(sessionOnly: boolean): void {
    if (this.keychain || sessionOnly) return;
    throw new AppError(
      'keychain_unavailable',
      // One plain sentence with what to do; the technical reason (D-Bus text) is in the log, written at start.
      'This computer has no system keychain, so Lead Desk cannot save your API key and password: keep them for this session ' +
        'only (forgotten when Lead Desk quits), or install or unlock a keychain (GNOME Keyring or KWallet on Linux) and restart Lead Desk.',
    );
  }

  async put(accountId: string, secret: AccountSecret, sessionOnly: boolean): Promise<Exclude<CredentialStorage, 'builtin' | 'missing'>> {
    this.assertCanStore(sessionOnly);
    let storage: 'session' | 'keychain';
    if (sessionOnly || !this.keychain) {
      await this.session.set(accountId, secret);
      storage = 'session';
    } else {
      try {
        await this.keychain.set(accountId, secret);
      } catch (error) {
        throw new AppError('keychain_unavailable', 'The system keychain did not store the API key and password (it may be locked): unlock it and connect again, or keep them for this session only.', {
          retryable: true,
          cause: error,
        });
      }
      await this.session.delete(accountId);
      storage = 'keychain';
    }
    this.fingerprints?.set(accountId, fingerprintOf(secret));
    return storage;
  }

  async get(accountId: string): Promise<AccountSecret | undefined> {
    return (await this.session.get(accountId)) ?? (await this.readKeychain(accountId));
  }

  async storageOf(accountId: string): Promise<'keychain' | 'session' | 'missing'> {
    if (await this.session.get(accountId)) return 'session';
    return (await this.readKeychain(accountId)) ? 'keychain' : 'missing';
  }

  /**
   * Removes the secret from everywhere it might be. Its fingerprint stays while the account keeps its local data, so
   * the same credentials entered again find that account (dropFingerprint when the account itself goes).
   */
  async delete(accountId: string): Promise<void> {
    await this.session.delete(accountId);
    await this.keychain?.delete(accountId);
  }

  dropFingerprint(accountId: string): void {
    this.fingerprints?.delete(accountId);
  }

  /**
   * Is `secret` the one this account was stored with? Compared with the stored secret when this session or the
   * keychain has it, else with its salted fingerprint; 'unknown' when neither exists (or the keychain fails).
   */
  async compare(accountId: string, secret: AccountSecret): Promise<SecretMatch> {
    const stored = await this.get(accountId).catch(() => undefined);
    if (stored) return compareSecrets(stored, secret);
    const fingerprint = this.fingerprints?.get(accountId);
    return fingerprint ? compareWithFingerprint(fingerprint, secret) : 'unknown';
  }

  private async readKeychain(accountId: string): Promise<AccountSecret | undefined> {
    if (!this.keychain) return undefined;
    try {
      return await this.keychain.get(accountId);
    } catch (error) {
      throw new AppError('keychain_unavailable', 'The system keychain did not answer (it may be locked): unlock it and try again.', { retryable: true, cause: error });
    }
  }
}
