// Main-process log: JSON lines to stderr and to a file in the app's logs folder (redacted by the core logger).
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createLogger, type Logger } from '../core/log';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../core/store/private-files';

/** Falls back to stderr only when the folder cannot be created: a read-only disk must not stop the app. */
export function createFileLogger(logsDir: string): { log: Logger; close(): void } {
  try {
    ensurePrivateDir(logsDir);
  } catch (error) {
    process.stderr.write(`Lead Desk: cannot write logs to ${logsDir}: ${String(error)}\n`);
    return { log: createLogger(), close: () => undefined };
  }
  const stream = createWriteStream(join(logsDir, 'main.log'), { flags: 'a', mode: PRIVATE_FILE_MODE });
  stream.on('error', () => undefined); // a full disk must not crash the app; stderr still gets the line
  const log = createLogger((line) => {
    process.stderr.write(line + '\n');
    if (stream.writable) stream.write(line + '\n');
  });
  return { log, close: () => stream.end() };
}
