// The data folder holds the lead cache, the outbox and uploaded files: on POSIX it is created 0700 and
// every file in it 0600, so other users of the machine can read none of it. Modes are given when a file
// or folder is created (as Chromium does for its profile) and tightened once at start for older folders.
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const POSIX = process.platform !== 'win32';

/** Options for writeFileSync / createWriteStream that create the file 0600. */
export const PRIVATE_FILE: { readonly mode: number } = { mode: PRIVATE_FILE_MODE };

/** Creates the folder (and missing parents) 0700; an existing folder is tightened to 0700. */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX) chmodSync(path, PRIVATE_DIR_MODE);
}

/**
 * Makes sure `path` exists as a 0600 file before a library (SQLite) opens it: SQLite creates a database
 * 0644 and gives its -wal and -shm files the database's own mode, so all three end up 0600.
 */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  if (POSIX) chmodSync(path, PRIVATE_FILE_MODE);
}

/** Tightens a data folder made before these modes existed: folders 0700, files 0600 (symlinks left alone). */
export function tightenTree(root: string): void {
  if (!POSIX) return;
  const walk = (dir: string) => {
    chmodSync(dir, PRIVATE_DIR_MODE);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && (lstatSync(path).mode & 0o077) !== 0) chmodSync(path, PRIVATE_FILE_MODE);
    }
  };
  walk(root);
}

/** The data folder at start: created 0700; one made before this rule (not 0700) is tightened throughout. */
export function prepareDataDir(dataDir: string): void {
  const older = POSIX && existsSync(dataDir) && (statSync(dataDir).mode & 0o077) !== 0;
  ensurePrivateDir(dataDir);
  if (older) tightenTree(dataDir);
}
