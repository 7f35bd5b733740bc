import { describe, expect, it } from 'vitest';
import { devCsp } from '../core/app-pages/csp';
import { APP_ORIGIN, isTrustedUrl, originOf } from './origin';

describe('origins', () => {
  it('computes an origin for custom schemes (WHATWG gives "null")', () => {
    expect(originOf('app://lead-desk/index.html#x')).toBe('app://lead-desk');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
    expect(originOf(undefined)).toBeNull();
  });

  it('trusts only the listed origins', () => {
    expect(isTrustedUrl('app://lead-desk/x', [APP_ORIGIN])).toBe(true);
    expect(isTrustedUrl('app://lead-desk.evil/x', [APP_ORIGIN])).toBe(false);
    expect(isTrustedUrl('app://lead-desk@evil/x', [APP_ORIGIN])).toBe(false);
    expect(isTrustedUrl('about:blank', [APP_ORIGIN])).toBe(false);
  });

  it('relaxes the CSP in development only for the dev server', () => {
    const csp = devCsp('http://localhost:5173/');
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
  });
});
