import { describe, expect, it } from 'vitest';
import { hostToConfirm, isLoopbackHost } from './api-address';

describe('isLoopbackHost', () => {
  it('accepts literal loopback addresses and the name localhost only', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.255.0.9', '127.0.0.255', '[::1]', '::1', '0:0:0:0:0:0:0:1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
  });

  it('refuses names that only look local, and everything off 127.0.0.0/8', () => {
    const others = ['api.localhost', 'kartra.localhost', 'localhost.', 'localhost.example.com', 'app.kartra.com', '10.0.0.1', '128.0.0.1', '127.0.0.256', '127.1', '127.0.0.1.example.com', '[::2]', '::ffff:10.0.0.1'];
    for (const host of others) expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe('hostToConfirm', () => {
  it("needs no confirmation for Kartra's API host or this computer", () => {
    expect(hostToConfirm('https://app.kartra.com/api')).toBeNull();
    expect(hostToConfirm('https://APP.KARTRA.COM/api')).toBeNull();
    expect(hostToConfirm('http://127.0.0.1:5123/api')).toBeNull();
    expect(hostToConfirm('http://[::1]:5123/api')).toBeNull();
  });

  it('names any other host, look-alikes included', () => {
    expect(hostToConfirm('https://app.kartra.com.evil.example/api')).toBe('app.kartra.com.evil.example');
    expect(hostToConfirm('https://kartra.com/api')).toBe('kartra.com');
    expect(hostToConfirm('https://sandbox.localhost/api')).toBe('sandbox.localhost');
    expect(hostToConfirm('https://[2001:db8::1]/api')).toBe('2001:db8::1');
  });
});
