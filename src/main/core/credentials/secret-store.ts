// Where API keys and passwords live: the OS keychain via keytar (one entry per account), never the database.
import type * as Keytar from 'keytar';

export interface AccountSecret {
  apiKey: string;
  apiPassword: string;
}

export interface SecretStore {
  /** 'keychain' for the OS keychain; 'session' when only process memory is available. */
  readonly kind: 'keychain' | 'session';
  set(accountId: string, secret: AccountSecret): Promise<void>;
  get(accountId: string): Promise<AccountSecret | undefined>;
  delete(accountId: string): Promise<boolean>;
  listAccountIds(): Promise<string[]>;
}

export const KEYCHAIN_SERVICE = 'Lead Desk (Kartra API)';

type KeytarModule = typeof Keytar;

/** Stores each account's secret as one JSON password under KEYCHAIN_SERVICE, keyed by account id. */
export class KeychainSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;

  constructor(
    private readonly keytar: KeytarModule,
    private readonly service = KEYCHAIN_SERVICE,
  ) {}

  async set(accountId: string, secret: AccountSecret): Promise<void> {
    await this.keytar.setPassword(this.service, accountId, JSON.stringify({ apiKey: secret.apiKey, apiPassword: secret.apiPassword }));
  }

  async get(accountId: string): Promise<AccountSecret | undefined> {
    const raw = await this.keytar.getPassword(this.service, accountId);
    return raw === null ? undefined : parseSecret(raw);
  }

  async delete(accountId: string): Promise<boolean> {
    return this.keytar.deletePassword(this.service, accountId);
  }

  async listAccountIds(): Promise<string[]> {
    const found = await this.keytar.findCredentials(this.service);
    return found.map((c) => c.account).sort();
  }
}

/** Session-only secrets, for machines without a Secret Service; gone when the app quits. */
export class SessionSecretStore implements SecretStore {
  readonly kind = 'session' as const;
  private readonly secrets = new Map<string, AccountSecret>();

  async set(accountId: string, secret: AccountSecret): Promise<void> {
    this.secrets.set(accountId, { ...secret });
  }
  async get(accountId: string): Promise<AccountSecret | undefined> {
    const s = this.secrets.get(accountId);
    return s && { ...s };
  }
  async delete(accountId: string): Promise<boolean> {
    return this.secrets.delete(accountId);
  }
  async listAccountIds(): Promise<string[]> {
    return [...this.secrets.keys()].sort();
  }
}

function parseSecret(raw: string): AccountSecret | undefined {
  try {
    const value = JSON.parse(raw) as Partial<AccountSecret>;
    if (typeof value.apiKey === 'string' && typeof value.apiPassword === 'string') {
      return { apiKey: value.apiKey, apiPassword: value.apiPassword };
    }
  } catch {
    // A foreign or corrupted entry under our service name: treat as absent rather than crash.
  }
  return undefined;
}

/**
 * Loads keytar and checks that a Secret Service answers. Returns undefined (with the reason) when
 * the native module or the service is missing, so the app can offer session-only storage instead.
 */
export async function openKeychain(service = KEYCHAIN_SERVICE): Promise<{ store?: KeychainSecretStore; reason?: string }> {
  let keytar: KeytarModule;
  try {
    keytar = (await import('keytar')) as KeytarModule;
    keytar = (keytar as unknown as { default?: KeytarModule }).default ?? keytar;
  } catch (error) {
    return { reason: `the keychain module could not be loaded (${String(error)})` };
  }
  try {
    await keytar.findCredentials(service);
    return { store: new KeychainSecretStore(keytar, service) };
  } catch (error) {
    return { reason: `no Secret Service / keychain is available (${String(error)})` };
  }
}
