import { describe, expect, it } from 'vitest';
import { checkApiUrl, cleanValues, connectRules, fieldOfError } from './connect-fields';

const authError = (kartraType: string) => ({ code: 'auth_failed' as const, message: 'x', retryable: false, details: { kartraType } });

describe('fieldOfError', () => {
  it('maps each of Kartra’s auth error types to the field to fix', () => {
    expect(fieldOfError(authError('233'))).toBe('apiPassword');
    expect(fieldOfError(authError('202'))).toBe('apiKey');
    expect(fieldOfError(authError('203'))).toBe('apiKey');
    for (const type of ['238', '239', '240']) expect(fieldOfError(authError(type))).toBe('appId');
    expect(fieldOfError(authError('201'))).toBe('apiUrl');
  });

  it('leaves account-level auth errors general', () => {
    for (const type of ['204', '242', '262']) expect(fieldOfError(authError(type))).toBeNull();
    expect(fieldOfError({ code: 'auth_failed', message: 'x', retryable: false })).toBeNull();
  });

  it('uses details.field for the core’s own refusals, when it names a form field', () => {
    expect(fieldOfError({ code: 'invalid_input', message: 'https', retryable: false, details: { field: 'apiUrl' } })).toBe('apiUrl');
    expect(fieldOfError({ code: 'already_exists', message: 'dup', retryable: false, details: { field: 'apiKey' } })).toBe('apiKey');
    expect(fieldOfError({ code: 'not_found', message: 'gone', retryable: false, details: { field: 'id' } })).toBeNull();
    expect(fieldOfError({ code: 'internal', message: 'boom', retryable: false })).toBeNull();
  });
});

describe('checkApiUrl', () => {
  it('accepts https anywhere and http only on this computer', () => {
    expect(checkApiUrl('https://app.kartra.com/api')).toBeNull();
    expect(checkApiUrl(' http://127.0.0.1:4123/api ')).toBeNull();
    expect(checkApiUrl('http://localhost:8080/api')).toBeNull();
    expect(checkApiUrl('http://[::1]:8080/api')).toBeNull();
    expect(checkApiUrl('http://app.kartra.com/api')).toMatch(/https:\/\/.*sandbox or a test server on this computer/);
  });

  it('explains empty, partial, odd-scheme and credential-carrying addresses', () => {
    expect(checkApiUrl('  ')).toBe('Enter the API address');
    expect(checkApiUrl('app.kartra.com/api')).toMatch(/full address/);
    expect(checkApiUrl('ftp://app.kartra.com/api')).toMatch(/https/);
    expect(checkApiUrl('https://user:pw@app.kartra.com/api')).toMatch(/user name or password/);
  });
});

describe('connectRules and cleanValues', () => {
  it('requires every field and bounds the name', () => {
    expect(connectRules.label(' ')).toBe('Enter the account name');
    expect(connectRules.label('x'.repeat(81))).toMatch(/under 80/);
    expect(connectRules.apiKey('')).toBe('Enter the API key');
    expect(connectRules.apiPassword('')).toBe('Enter the API password');
    expect(connectRules.appId('\t')).toBe('Enter the App ID');
    expect(connectRules.appId('APP')).toBeNull();
  });

  it('trims what is sent', () => {
    expect(cleanValues({ label: ' Shop ', apiKey: ' k ', apiPassword: ' p ', appId: ' A ', apiUrl: ' https://x/api ' })).toEqual({
      label: 'Shop',
      apiKey: 'k',
      apiPassword: 'p',
      appId: 'A',
      apiUrl: 'https://x/api',
    });
  });
});
