// The settings slice of the contract, answered by the settings service.
import type { Handlers } from '../api/handlers';
import type { SettingsService } from './settings-service';

type SettingsHandlers = Pick<Handlers, `settings.${string}` & keyof Handlers>;

export function settingsHandlers(settings: SettingsService): SettingsHandlers {
  return {
    'settings.get': async () => settings.view(),
    'settings.save': async (patch) => settings.save(patch),
    'settings.clearCache': async () => settings.clearCache(),
    'settings.refreshCache': async () => settings.refreshCache(),
    'settings.openFolder': async ({ folder }) => settings.openFolder(folder),
  };
}
