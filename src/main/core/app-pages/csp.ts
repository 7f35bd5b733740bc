// The Content-Security-Policy of the app's pages, shared by the Electron shell and the e2e browser host.
// Pure (no electron import) so the browser host sends exactly the same header as the app.

/**
 * Production policy: only the app's own origin. Mantine writes <style> tags (CSS variables), so
 * styles allow 'unsafe-inline'; scripts never do. connect-src 'self' lets the e2e host's page open
 * its WebSocket back to the origin it was served from (CSP3 maps 'self' to ws: on the same host);
 * in Electron 'self' is app://lead-desk, which serves static files only.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
].join('; ');

/**
 * Development policy (electron-vite dev server only, never packaged): Vite's React-refresh preamble is
 * an inline script and HMR talks over a WebSocket to the dev server.
 */
export function devCsp(devServerUrl: string): string {
  const url = new URL(devServerUrl);
  const wsOrigin = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  return APP_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${wsOrigin}`,
  );
}

/** Headers every page and asset of the app is served with, besides its content type. */
export function securityHeaders(csp: string = APP_CSP): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}
