// The Settings page's service: the installation's preferences (kept in the settings table), the connected
// account's lead cache (size, clear, refresh all) and the data and logs folders.
import { existsSync, statSync } from 'node:fs';
import { ExistingPolicy } from '../../../shared/domain/import';
import type { AppSettings, Folder, SettingsView } from '../../../shared/ipc/contract/settings';
import type { ConnectionService } from '../connection/connection-service';
import { AppError } from '../errors';
import type { CacheRefresh } from '../leads/cache-refresh';
import type { LeadCacheRepo } from '../store/lead-cache-repo';
import type { SettingsRepo } from '../store/settings-repo';

const IMPORT_POLICY_KEY = 'settings.importPolicy';

export interface SettingsServiceDeps {
  settings: SettingsRepo;
  connection: Pick<ConnectionService, 'current'>;
  cache: Pick<LeadCacheRepo, 'count' | 'countFromFile' | 'clear'>;
  refresh: Pick<CacheRefresh, 'start'>;
  dbFile: string;
  dataDir: string;
  logsDir: string | null;
  /** The desktop app's file manager; absent in browser mode and the CLI (the page then shows the path only). */
  openFolder?: (path: string) => Promise<void>;
}

export class SettingsService {
  constructor(private readonly deps: SettingsServiceDeps) {}

  /** The saved default for imports; a value from an older or newer build that this one does not know reads as "keep". */
  importPolicy(): ExistingPolicy {
    const parsed = ExistingPolicy.safeParse(this.deps.settings.get(IMPORT_POLICY_KEY));
    return parsed.success ? parsed.data : 'keep';
  }

  view(): SettingsView {
    const account = this.deps.connection.current()?.account ?? null;
    return {
      importPolicy: this.importPolicy(),
      cache: account ? { leads: this.deps.cache.count(account.id), fromFile: this.deps.cache.countFromFile(account.id) } : null,
      databaseBytes: this.databaseBytes(),
      folders: { data: this.deps.dataDir, logs: this.deps.logsDir },
      canOpenFolders: this.deps.openFolder !== undefined,
    };
  }

  save(patch: Partial<AppSettings>): SettingsView {
    if (patch.importPolicy) this.deps.settings.set(IMPORT_POLICY_KEY, patch.importPolicy);
    return this.view();
  }

  clearCache(): { removed: number } {
    return { removed: this.deps.cache.clear(this.requireAccount()) };
  }

  refreshCache() {
    this.requireAccount();
    return this.deps.refresh.start('all');
  }

  async openFolder(folder: Folder): Promise<{ opened: boolean }> {
    const path = folder === 'data' ? this.deps.dataDir : this.deps.logsDir;
    if (!this.deps.openFolder || path === null) return { opened: false };
    await this.deps.openFolder(path);
    return { opened: true };
  }

  /** The database with its write-ahead log: what the cache, the queue and History take on disk. */
  private databaseBytes(): number {
    return ['', '-wal'].reduce((sum, suffix) => {
      const file = this.deps.dbFile + suffix;
      return sum + (existsSync(file) ? statSync(file).size : 0);
    }, 0);
  }

  private requireAccount(): string {
    const account = this.deps.connection.current()?.account;
    if (!account) throw new AppError('not_connected', 'Connect an account first: the lead cache belongs to an account.');
    return account.id;
  }
}
