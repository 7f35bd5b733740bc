// The data folder Lead Desk uses when none is given (browser mode, the CLI): LEAD_DESK_DATA_DIR, else the desktop app's.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Electron's userData folder for productName "Lead Desk", so both ways of running share one database. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LEAD_DESK_DATA_DIR) return resolve(env.LEAD_DESK_DATA_DIR);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Lead Desk');
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Lead Desk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Lead Desk');
}
