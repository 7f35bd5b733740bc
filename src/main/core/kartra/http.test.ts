import { describe, expect, it } from 'vitest';
import { TransportError } from './errors';
import { checkApiUrl, isLoopbackHost, toTransportError } from './http';

const coded = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`boom ${code}`), { code, ...extra });

describe('isLoopbackHost / checkApiUrl', () => {
  it('knows loopback hosts', () => {
    for (const host of ['localhost', 'LOCALHOST', 'api.localhost', '127.0.0.1', '127.255.0.9', '[::1]', '::1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['app.kartra.com', '10.0.0.1', '128.0.0.1', '127.0.0.1.example.com', '[::2]', 'localhost.example.com']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('accepts https anywhere and http only on loopback, normalising the URL', () => {
    expect(checkApiUrl('https://app.kartra.com/api').href).toBe('https://app.kartra.com/api');
    expect(checkApiUrl('http://[::ffff:127.0.0.1]:8080/api').port).toBe('8080');
    expect(() => checkApiUrl('http://app.kartra.com/api')).toThrow(/plain http/);
    expect(() => checkApiUrl('not a url')).toThrow(/not a valid URL/);
    expect(() => checkApiUrl('https://user:secret@app.kartra.com/api')).toThrow(/must not contain a user name/);
  });
});

describe('toTransportError', () => {
  it('marks failures before sending as sent:false', () => {
    expect(toTransportError(coded('ECONNREFUSED'), 'h')).toMatchObject({ kind: 'refused', sent: false });
    expect(toTransportError(coded('ENOTFOUND'), 'h')).toMatchObject({ kind: 'dns', sent: false });
    expect(toTransportError(coded('EAI_AGAIN'), 'h')).toMatchObject({ kind: 'dns', sent: false });
    expect(toTransportError(coded('UND_ERR_CONNECT_TIMEOUT'), 'h')).toMatchObject({ kind: 'timeout', sent: false });
    expect(toTransportError(coded('CERT_HAS_EXPIRED'), 'h')).toMatchObject({ kind: 'refused', sent: false });
    const aggregate = new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'all addresses failed');
    expect(toTransportError(aggregate, 'h')).toMatchObject({ kind: 'refused', sent: false });
  });

  it('marks failures after sending as sent:true', () => {
    expect(toTransportError(coded('UND_ERR_HEADERS_TIMEOUT'), 'h')).toMatchObject({ kind: 'timeout', sent: true });
    expect(toTransportError(coded('UND_ERR_BODY_TIMEOUT'), 'h')).toMatchObject({ kind: 'timeout', sent: true });
    expect(toTransportError(coded('ECONNRESET'), 'h')).toMatchObject({ kind: 'reset', sent: true });
    expect(toTransportError(coded('UND_ERR_SOCKET', { socket: { bytesWritten: 812 } }), 'h')).toMatchObject({ kind: 'reset', sent: true });
    expect(toTransportError(new Error('mystery'), 'h')).toMatchObject({ sent: true });
  });

  it('a socket that wrote nothing proves the request never left', () => {
    const error = toTransportError(coded('UND_ERR_SOCKET', { socket: { bytesWritten: 0 } }), 'h');
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ kind: 'reset', sent: false, message: expect.stringContaining('nothing was sent') });
  });
});
