// The typed bridge to the app: window.api, built from the IPC contract by the preload (or the e2e host).
import type { LeadDeskApi } from '../../../shared/ipc/make-api';

declare global {
  interface Window {
    api: LeadDeskApi;
  }
}

export type { LeadDeskApi };

/**
 * The api the preload exposed. Read at call time (not at import) so a page that loads before
 * the bridge exists, or a test that installs its own, still gets the right one.
 */
export function getApi(): LeadDeskApi {
  const api = (window as Partial<Window>).api;
  if (!api) {
    throw new Error('window.api is missing: Lead Desk’s view must be opened by the app (or its test host), not on its own.');
  }
  return api;
}

export function hasApi(): boolean {
  return (window as Partial<Window>).api !== undefined;
}
