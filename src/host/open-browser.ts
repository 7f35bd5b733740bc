// Opens browser mode in the user's browser without putting the tokened URL on a command line (where
// every user of the machine could read it from the process list): the opener gets the path of a
// private file (0600 in a 0700 folder) that forwards to the URL, and the file is removed soon after.
import { spawn as nodeSpawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How long the forwarding file stays: long enough for a cold browser start. */
export const LAUNCH_FILE_LIFETIME_MS = 120_000;

export interface OpenDeps {
  spawn?: (command: string, args: string[]) => { on(event: 'error', listener: (error: Error) => void): unknown; unref(): void };
  platform?: NodeJS.Platform;
  tempDir?: string;
  onFailure?: (command: string) => void;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page that replaces itself with `url` (script, with a meta refresh for browsers without scripts on file:). */
export function launchPage(url: string): string {
  const safe = escapeHtml(url);
  return [
    '<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0;url=${safe}"><title>Opening Lead Desk…</title></head>`,
    `<body><script>location.replace(${JSON.stringify(url).replace(/</g, '\\u003c')})</script>`,
    `<p>Opening Lead Desk… <a href="${safe}">continue</a></p></body></html>`,
  ].join('\n');
}

/** Writes the forwarding file; returns its path and a function that removes it. */
export function writeLaunchFile(url: string, tempDir: string = tmpdir()): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tempDir, 'lead-desk-open-')); // mkdtemp creates the folder 0700
  const path = join(dir, 'open-lead-desk.html');
  writeFileSync(path, launchPage(url), { mode: 0o600 });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openInBrowser(url: string, deps: OpenDeps = {}): void {
  const platform = deps.platform ?? process.platform;
  const command = platform === 'darwin' ? 'open' : platform === 'win32' ? 'explorer' : 'xdg-open';
  const launch = writeLaunchFile(url, deps.tempDir);
  const spawn = deps.spawn ?? ((cmd: string, args: string[]) => nodeSpawn(cmd, args, { stdio: 'ignore', detached: true }));
  const child = spawn(command, [launch.path]);
  child.on('error', () => (deps.onFailure ?? ((cmd: string) => console.log(`(could not run ${cmd}; open the URL yourself)`)))(command));
  child.unref();
  const timer = setTimeout(launch.remove, LAUNCH_FILE_LIFETIME_MS);
  timer.unref();
  process.once('exit', launch.remove);
}
