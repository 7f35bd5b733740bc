// Serves the built renderer's files from one folder, for the app:// protocol and the e2e browser host.
// Pure Node (no electron import): both hosts resolve paths and headers the same way.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { securityHeaders } from './csp';

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path ("/assets/x.js", "/" → index.html) to a file inside rootDir and reads it.
 * Anything that would leave rootDir (.., encoded slashes, symlinks pointing out) is a 404, never a read.
 */
export async function readStaticFile(rootDir: string, urlPath: string, csp?: string): Promise<StaticResponse> {
  const notFound = (status = 404, text = 'Not found'): StaticResponse => ({
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders(csp) },
    body: text,
  });
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return notFound(400, 'Bad request');
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return notFound(400, 'Bad request');
  const relative = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const root = resolve(rootDir);
  const candidate = resolve(join(root, relative));
  if (candidate !== root && !candidate.startsWith(root + sep)) return notFound();
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!realFile.startsWith(realRoot + sep)) return notFound();
    if (!(await stat(realFile)).isFile()) return notFound();
    const body = await readFile(realFile);
    return {
      status: 200,
      headers: { 'Content-Type': mimeType(realFile), 'Cache-Control': 'no-cache', ...securityHeaders(csp) },
      body,
    };
  } catch {
    return notFound();
  }
}
