// Origin helpers for deciding whether a URL belongs to the app's own pages.

export const APP_SCHEME = 'app';
export const APP_HOST = 'lead-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * "scheme://host[:port]" of a URL, or null when it has none. WHATWG URL reports origin "null" for
 * custom schemes such as app://, so it is built from protocol and host instead.
 */
export function originOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`.toLowerCase();
  } catch {
    return null;
  }
}

export function isTrustedUrl(url: string | undefined | null, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.some((trusted) => trusted.toLowerCase() === origin);
}
