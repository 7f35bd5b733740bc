import { describe, expect, it } from 'vitest';
import { TransportError } from './errors';
import { checkApiUrl, isLoopbackHost, toTransportError } from './http';

const coded = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`boom ${code}`), { code, ...extra });

describe('isLoopbackHost / checkApiUrl', () => {
  it('uses the shared loopback rule', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('api.localhost')).toBe(false);
  });

  it('accepts https anywhere and http only on loopback, normalising the URL', () => {
    expect(checkApiUrl('https://app.kartra.com/api').href).toBe('https://app.kartra.com/api');
    expect(checkApiUrl('http://[::ffff:127.0.0.1]:8080/api').port).toBe('8080');
    expect(() => checkApiUrl('http://app.kartra.com/api')).toThrow(/plain http/);
    expect(() => checkApiUrl('http://kartra.localhost:8080/api')).toThrow(/plain http/);
    expect(checkApiUrl('http://127.0.0.2:8080/api').hostname).toBe('127.0.0.2');
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
