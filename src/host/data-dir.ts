// Where the browser host keeps its data when no --data-dir is given.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Electron's userData folder for productName "Lead Desk", so both ways of running share one database. */
export function defaultDataDir(): string {
  if (process.env.LEAD_DESK_DATA_DIR) return resolve(process.env.LEAD_DESK_DATA_DIR);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Lead Desk');
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Lead Desk');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Lead Desk');
}
