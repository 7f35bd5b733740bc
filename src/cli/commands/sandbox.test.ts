// --faults and the other sandbox flags: strict parsing into SandboxOptions.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../args';
import { explainStartFailure, parseFaults, sandboxOptions } from './sandbox';

describe('parseFaults', () => {
  it('maps the CLI keys to the sandbox fault shares', () => {
    expect(parseFaults('429=0.1,5xx=0.05,reset=0.05,timeout=0.02')).toEqual({ rate429: 0.1, rate5xx: 0.05, reset: 0.05, timeout: 0.02 });
    expect(parseFaults(' 429 = 1 ')).toEqual({ rate429: 1 });
  });

  it('refuses unknown keys, repeated keys, shares outside 0..1, a sum above 1 and malformed entries', () => {
    for (const bad of ['flood=0.1', '429=0.1,429=0.2', '5xx=1.2', 'reset=-0.1', '429=0.6,5xx=0.6', '429', '429=0.1,', 'timeout=abc']) {
      expect(() => parseFaults(bad), bad).toThrow(UsageError);
    }
    expect(() => parseFaults('flood=0.1')).toThrow('unknown fault "flood" (known keys: 429, 5xx, reset, timeout)');
  });
});

describe('sandboxOptions', () => {
  it('builds SandboxOptions from the flags', () => {
    expect(
      sandboxOptions({ port: '0', rate: '20', 'test-mode': true, faults: '5xx=0.5', latency: '25', chain: 'continue', 'random-seed': '7', data: 'sb.db' }),
    ).toEqual({ port: 0, rate: 20, testMode: true, faults: { rate5xx: 0.5, upstreamMs: 12.5, downstreamMs: 12.5 }, chainFailure: 'continue', randomSeed: 7, dataFile: 'sb.db' });
    expect(sandboxOptions({ latency: '125:100', jitter: '0.2' })).toEqual({ faults: { upstreamMs: 125, downstreamMs: 100, jitter: 0.2 } });
    expect(sandboxOptions({})).toEqual({});
    expect(sandboxOptions({ chain: 'stop', 'single-success': 'flat', 'text-area': 'refuse', 'content-type': 'json', 'legacy-messages': true })).toEqual({
      chainFailure: 'stop',
      singleSuccess: 'flat',
      textArea: 'refuse',
      contentType: 'json',
      legacyMessages: true,
    });
  });

  it('names the bad flag', () => {
    expect(() => sandboxOptions({ port: '70000' })).toThrow(expect.objectContaining({ flag: '--port' }));
    expect(() => sandboxOptions({ chain: 'halt' })).toThrow(expect.objectContaining({ flag: '--chain', message: '--chain must be "continue" or "stop", got "halt"' }));
    expect(() => sandboxOptions({ 'single-success': 'both' })).toThrow(expect.objectContaining({ flag: '--single-success' }));
    expect(() => sandboxOptions({ 'text-area': 'trim' })).toThrow(expect.objectContaining({ flag: '--text-area' }));
    expect(() => sandboxOptions({ 'content-type': 'xml' })).toThrow(expect.objectContaining({ flag: '--content-type' }));
    expect(() => sandboxOptions({ latency: 'slow' })).toThrow(expect.objectContaining({ flag: '--latency' }));
    expect(() => sandboxOptions({ latency: '1:2:3' })).toThrow(/MS \(round trip\) or UP:DOWN/);
    expect(() => sandboxOptions({ latency: '125:x' })).toThrow(expect.objectContaining({ flag: '--latency (downstream)' }));
    expect(() => sandboxOptions({ latency: '250', jitter: '1.5' })).toThrow(/--jitter: the jitter must be a number between 0 and 1/);
    expect(() => sandboxOptions({ jitter: '0.2' })).toThrow(/give --latency too/);
  });
});

describe('explainStartFailure', () => {
  it('turns a taken port and an unusable data file into usage errors, and leaves other failures alone', () => {
    const taken = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    expect(explainStartFailure(taken, { port: 4000 })).toMatchObject({ flag: '--port', message: '--port 4000: already in use' });
    const noFolder = new Error('unable to open database file');
    expect(explainStartFailure(noFolder, { dataFile: '/nope/x.db' })).toMatchObject({ flag: '--data' });
    expect((explainStartFailure(noFolder, { dataFile: '/nope/x.db' }) as Error).message).toContain('does its folder exist?');
    const other = new Error('boom');
    expect(explainStartFailure(other, {})).toBe(other);
  });
});
