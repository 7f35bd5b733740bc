// The Mantine theme and where the chosen light/dark scheme is remembered.
import { createTheme, localStorageColorSchemeManager, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // White on indigo 6 is 4.2:1; shade 8 reaches WCAG AA (4.5:1) for the filled buttons' and the active tab's text.
  primaryShade: 8,
  defaultRadius: 'md',
  // System fonts only: the CSP allows no remote fonts and the app must work offline.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

export const COLOR_SCHEME_KEY = 'lead-desk-color-scheme';

/** Remembers an explicit choice; until the user makes one, the OS preference ("auto") applies. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_KEY });

/**
 * Contrast (WCAG AA, 4.5:1 for small text): Mantine's "dimmed" grey is 3.3:1 on white and its dark-theme grey
 * about 4:1 on the dark body, so descriptions, hints and secondary text use one shade stronger.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7]!,
    // Coloured text (c="green" reads the filled shade) on white: shade 9 darkened (green 9 alone is 4.4:1, shade 8
    // of teal, green or red about 3.5–4:1); text of light badges and buttons sits on a tinted ground, so it is shade 9 darkened a quarter.
    ...Object.fromEntries(
      Object.keys(t.colors).flatMap((c) => [
        [`--mantine-color-${c}-text`, `color-mix(in srgb, var(--mantine-color-${c}-9), black 15%)`],
        [`--mantine-color-${c}-filled`, `color-mix(in srgb, var(--mantine-color-${c}-9), black 15%)`],
        [`--mantine-color-${c}-light-color`, `color-mix(in srgb, var(--mantine-color-${c}-9), black 25%)`],
      ]),
    ),
  },
  dark: { '--mantine-color-dimmed': t.colors.dark[1]! },
});
