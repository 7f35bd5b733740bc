// Test child: waits for a start time, tries to take a data folder's lock, prints the outcome as one JSON line,
// and (when it won) holds the lock until its stdin closes. Used to race real processes for one folder.
import { acquireDataDirLock } from '../data-dir-lock';

const [dataDir, startAtRaw] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: lock-child DATA_DIR [START_AT_MS]');
const startAt = Number(startAtRaw ?? Date.now());
while (Date.now() < startAt) {
  // Busy-wait to the shared start time: every child tries within the same millisecond or so.
}
try {
  const lock = acquireDataDirLock(dataDir, 'cli');
  process.stdout.write(`${JSON.stringify({ won: true, pid: process.pid })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    lock.release();
    process.exit(0);
  });
} catch (error) {
  process.stdout.write(`${JSON.stringify({ won: false, code: (error as { code?: string }).code ?? null, message: String((error as Error).message) })}\n`);
  process.exit(0);
}
