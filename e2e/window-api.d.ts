// The page's window.api (the preload's or browser mode's bridge), for callbacks the specs run in the page.
import type { LeadDeskApi } from '../src/shared/ipc/make-api';

declare global {
  interface Window {
    api: LeadDeskApi;
  }
}
