// The main log is private (issue 15.5): logs folder 0700, main.log 0600, whatever the umask.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from './file-log';

let base: string | undefined;
afterEach(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('file log', () => {
  it('writes main.log 0600 in a 0700 logs folder', async () => {
    const previous = process.umask(0o022);
    try {
      base = mkdtempSync(join(tmpdir(), 'file-log-'));
      const logsDir = join(base, 'logs');
      const { log, close } = createFileLogger(logsDir);
      log.info('hello');
      await new Promise((resolve) => setTimeout(resolve, 50));
      close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(statSync(logsDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(logsDir, 'main.log')).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(logsDir, 'main.log'), 'utf8')).toContain('hello');
    } finally {
      process.umask(previous);
    }
  });
});
