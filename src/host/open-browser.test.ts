// --open hands the browser a private forwarding file, never the tokened URL as an argument.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchPage, openInBrowser } from './open-browser';

const URL_WITH_TOKEN = 'http://127.0.0.1:4321/#token=SeCrEtToKeN_abc-123';
let temp: string | undefined;
afterEach(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('openInBrowser', () => {
  it.each(['linux', 'darwin', 'win32'] as const)('on %s passes only a private file path to the opener', (platform) => {
    temp = mkdtempSync(join(tmpdir(), 'open-test-'));
    const calls: Array<{ command: string; args: string[] }> = [];
    openInBrowser(URL_WITH_TOKEN, {
      platform,
      tempDir: temp,
      spawn: (command, args) => {
        calls.push({ command, args });
        return { on: () => undefined, unref: () => undefined };
      },
    });
    expect(calls).toHaveLength(1);
    const { command, args } = calls[0]!;
    expect(command).toBe({ linux: 'xdg-open', darwin: 'open', win32: 'explorer' }[platform]);
    expect(args.join(' ')).not.toContain('SeCrEtToKeN');
    expect(args).toHaveLength(1);
    const file = args[0]!;
    expect(readFileSync(file, 'utf8')).toContain('location.replace("http://127.0.0.1:4321/#token=SeCrEtToKeN_abc-123")');
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
    }
  });

  it('escapes the URL in the forwarding page', () => {
    const page = launchPage('http://127.0.0.1:1/#token=a"<b>');
    expect(page).not.toContain('<b>');
    expect(page).toContain('location.replace("http://127.0.0.1:1/#token=a\\"\\u003cb>")');
  });
});
