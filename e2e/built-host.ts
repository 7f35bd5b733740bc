// Browser mode as built by `npm run build` (out/main/browser-host.js): what Playwright, the screenshot script and
// the table bench drive, so they test the bundle `npm start` / `npm run host` run, not the TypeScript sources.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as HostModule from '../src/host/start-host';

export type { HostOptions, RunningHost } from '../src/host/start-host';

export const BUILT_HOST = resolve(__dirname, '../out/main/browser-host.js');

export function startBuiltHost(options: HostModule.HostOptions): Promise<HostModule.RunningHost> {
  if (!existsSync(BUILT_HOST)) throw new Error(`Browser mode is not built: ${BUILT_HOST} is missing. Run \`npm run build\` first.`);
  const built = require(BUILT_HOST) as typeof HostModule;
  return built.startHost(options);
}
