// The privileged app:// scheme that serves the built renderer, so 'self' in the CSP means the app
// itself (not every file:// on the disk) and the window never loads from file://.
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';
import { readStaticFile } from '../core/app-pages/static-files';

/** Must run before the app's 'ready' event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard + secure: a real origin (app://lead-desk) with secure-context APIs; corsEnabled and
      // supportFetchAPI: Vite's <script type="module" crossorigin> and fetch() of bundled assets work.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Serves rendererDir on app://lead-desk/ with the CSP header; any other host or method is refused. */
export function handleAppProtocol(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const file = await readStaticFile(rendererDir, url.pathname, csp);
    const body = request.method === 'HEAD' ? null : typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
    return new Response(body, { status: file.status, headers: file.headers });
  });
}
