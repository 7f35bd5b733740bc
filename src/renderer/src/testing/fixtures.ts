// Test data: complete Lead, AccountInfo (sandbox and Kartra) and LimiterState values with sensible defaults.
import type { AccountInfo } from '../../../shared/domain/account';
import { blankLead, type Lead } from '../../../shared/domain/lead';
import type { LimiterState } from '../../../shared/domain/limiter';

export function makeLead(overrides: Partial<Lead> = {}): Lead {
  return {
    ...blankLead('1001', 'ada@example.com'),
    first_name: 'Ada',
    last_name: 'Lovelace',
    city: 'London',
    country: 'GB',
    company: 'Analytical Engines',
    date_joined: '2024-01-02 10:00:00',
    score: 42,
    tags: ['customer'],
    lists: [
      { list_name: 'Newsletter', active: true },
      { list_name: 'Old promo', active: false },
    ],
    ...overrides,
  };
}

export function makeSandboxAccount(overrides: Partial<AccountInfo> = {}): AccountInfo {
  return {
    id: 'sandbox',
    label: 'Demo account',
    kind: 'sandbox',
    appId: 'SANDBOXAPP',
    apiUrl: 'http://127.0.0.1:0/api',
    testMode: false,
    credentials: 'builtin',
    ...overrides,
  };
}

/** A real Kartra account (credentials in the keychain unless overridden). */
export function makeKartraAccount(overrides: Partial<AccountInfo> = {}): AccountInfo {
  return {
    id: 'acc-1',
    label: 'Main shop',
    kind: 'kartra',
    appId: 'MYAPP',
    apiUrl: 'https://app.kartra.com/api',
    testMode: false,
    credentials: 'keychain',
    ...overrides,
  };
}

export function makeLimiterState(overrides: Partial<LimiterState> = {}): LimiterState {
  return {
    appId: 'SANDBOXAPP',
    queued: { interactive: 0, outbox: 0, bulk: 0 },
    inFlight: 0,
    startsLastSecond: 0,
    limit: 20,
    count429: 0,
    pausedUntil: null,
    ...overrides,
  };
}
