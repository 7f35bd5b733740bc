// Test data: complete Lead, AccountInfo (sandbox and Kartra) and LimiterState values with sensible defaults.
import type { AccountInfo } from '../../../shared/domain/account';
import type { Lead } from '../../../shared/domain/lead';
import type { LimiterState } from '../../../shared/domain/limiter';

export function makeLead(overrides: Partial<Lead> = {}): Lead {
  return {
    id: '1001',
    email: 'ada@example.com',
    first_name: 'Ada',
    middle_name: '',
    last_name: 'Lovelace',
    last_name2: '',
    phone: '',
    phone_country_code: '',
    ip: '',
    ip_country: '',
    address: '',
    zip: '',
    city: 'London',
    state: '',
    country: 'GB',
    company: 'Analytical Engines',
    lead_picture: '',
    website: '',
    facebook: '',
    twitter: '',
    linkedin: '',
    lead_preferred_time_zone: '',
    sales_tax_id: '',
    date_joined: '2024-01-02 10:00:00',
    score: 42,
    source: '',
    notes: '',
    blacklisted: 0,
    gdpr_lead_status: '',
    gdpr_lead_status_date: '',
    gdpr_lead_communications: '',
    tags: ['customer'],
    lists: [
      { list_name: 'Newsletter', active: true },
      { list_name: 'Old promo', active: false },
    ],
    sequences: [],
    memberships: [],
    custom_fields: [],
    calendars: null,
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
