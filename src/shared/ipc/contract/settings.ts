// Contract slice: the Settings page — the import's default policy, the local lead cache (size, clear, refresh all
// from Kartra) and where the data and the logs live (opened in the file manager where the app can).
import { z } from 'zod';
import { ExistingPolicy } from '../../domain/import';
import { CacheRefreshState } from '../../domain/local-leads';
import { none } from './common';

export const AppSettings = z.object({
  /** What an import does to a lead Kartra already has, unless the import says otherwise. */
  importPolicy: ExistingPolicy,
});
export type AppSettings = z.infer<typeof AppSettings>;

export const Folder = z.enum(['data', 'logs']);
export type Folder = z.infer<typeof Folder>;

export const SettingsView = AppSettings.extend({
  /** The connected account's lead cache; null when no account is connected. */
  cache: z.object({ leads: z.number(), fromFile: z.number() }).nullable(),
  /** The database file on disk (every account's cache, the queue and History), in bytes. */
  databaseBytes: z.number(),
  folders: z.object({
    data: z.string(),
    /** Null where logs go to the terminal (browser mode, the command line). */
    logs: z.string().nullable(),
  }),
  /** True in the desktop app: "Open folder" asks the system's file manager; browser mode shows the path only. */
  canOpenFolders: z.boolean(),
});
export type SettingsView = z.infer<typeof SettingsView>;

export const settingsCommands = {
  'settings.get': { input: none, output: SettingsView },
  'settings.save': { input: AppSettings.partial().strict(), output: SettingsView },
  /** Removes the connected account's cached leads (nothing at Kartra changes; leads are cached again as they are read). */
  'settings.clearCache': { input: none, output: z.object({ removed: z.number() }) },
  /** Reads every cached lead of the account from Kartra again (bulk lane; progress as `leads.refresh`). */
  'settings.refreshCache': { input: none, output: CacheRefreshState },
  'settings.openFolder': { input: z.object({ folder: Folder }).strict(), output: z.object({ opened: z.boolean() }) },
} as const;
