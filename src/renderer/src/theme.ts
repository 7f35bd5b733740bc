// The Mantine theme and where the chosen light/dark scheme is remembered.
import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  // System fonts only: the CSP allows no remote fonts and the app must work offline.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

export const COLOR_SCHEME_KEY = 'lead-desk-color-scheme';

/** Remembers an explicit choice; until the user makes one, the OS preference ("auto") applies. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_KEY });
