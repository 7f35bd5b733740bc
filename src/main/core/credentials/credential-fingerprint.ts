// Salted scrypt fingerprints of an account's secret, kept in the database so a later run (the CLI with session-only
// credentials) can tell "these are the credentials this account was connected with" without the secret being stored.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { SettingsRepo } from '../store/settings-repo';
import type { AccountSecret } from './secret-store';

export interface FingerprintStore {
  get(accountId: string): string | undefined;
  set(accountId: string, fingerprint: string): void;
  delete(accountId: string): void;
}

/** How a secret compares with the one an account was stored with. */
export type SecretMatch = 'same' | 'same_key' | 'different' | 'unknown';

interface Stored {
  v: 1;
  salt: string;
  /** Hash of the API key alone (same Kartra account) and of key and password together (same credentials). */
  key: string;
  pair: string;
}

const hash = (text: string, salt: Buffer) => scryptSync(text, salt, 32);
const pairText = (secret: AccountSecret) => `${secret.apiKey}\u0000${secret.apiPassword}`;

export function fingerprintOf(secret: AccountSecret): string {
  const salt = randomBytes(16);
  const stored: Stored = { v: 1, salt: salt.toString('base64'), key: hash(secret.apiKey, salt).toString('base64'), pair: hash(pairText(secret), salt).toString('base64') };
  return JSON.stringify(stored);
}

export function compareWithFingerprint(fingerprint: string, secret: AccountSecret): SecretMatch {
  let stored: Stored;
  try {
    stored = JSON.parse(fingerprint) as Stored;
    if (stored.v !== 1) return 'unknown';
  } catch {
    return 'unknown';
  }
  const salt = Buffer.from(stored.salt, 'base64');
  const same = (expected: string, text: string) => {
    const want = Buffer.from(expected, 'base64');
    const got = hash(text, salt);
    return want.length === got.length && timingSafeEqual(want, got);
  };
  if (!same(stored.key, secret.apiKey)) return 'different';
  return same(stored.pair, pairText(secret)) ? 'same' : 'same_key';
}

export function compareSecrets(stored: AccountSecret, given: AccountSecret): SecretMatch {
  if (stored.apiKey !== given.apiKey) return 'different';
  return stored.apiPassword === given.apiPassword ? 'same' : 'same_key';
}

const KEY_PREFIX = 'credential-fingerprint:';

/** Fingerprints as rows of the settings table, one per account. */
export function fingerprintsIn(settings: SettingsRepo): FingerprintStore {
  return {
    get: (accountId) => settings.get(KEY_PREFIX + accountId),
    set: (accountId, fingerprint) => settings.set(KEY_PREFIX + accountId, fingerprint),
    delete: (accountId) => settings.delete(KEY_PREFIX + accountId),
  };
}
