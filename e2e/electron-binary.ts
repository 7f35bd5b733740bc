// Finds the Electron binary the way node_modules/electron/index.js does, without require('electron')
// (which would try to download it and throw where the download is blocked).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type ElectronBinary = { path: string } | { path: null; reason: string };

export function findElectronBinary(root = resolve(__dirname, '..')): ElectronBinary {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(path) ? { path } : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH has no binary at ${path}` };
  }
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json'))) return { path: null, reason: 'the electron package is not installed (run npm ci)' };
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return { path: null, reason: 'node_modules/electron/path.txt is missing: the Electron download was blocked or never ran on this machine' };
  }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { path: null, reason: `${binary} does not exist: the Electron download did not finish` };
}
