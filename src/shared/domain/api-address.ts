// Where a Kartra API address may point, decided in one place for the core, the CLI and the connect form:
// plain http only to a literal loopback address, and any host but Kartra's only after the user named it.
import { KARTRA_API_URL } from './account';

export const KARTRA_API_HOST = new URL(KARTRA_API_URL).hostname;

const IPV4_LOOPBACK = /^127\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)$/;

/**
 * Literal loopback only: 127.0.0.0/8, ::1 (also written out or IPv4-mapped) and the name `localhost`.
 * Not `*.localhost`: whether such a name resolves to this machine is up to the resolver, and a name
 * that reaches the network would carry the credentials in clear text.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (IPV4_LOOPBACK.test(host)) return true;
  if (host === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(host)) return true;
  const mapped = /^::ffff:(.+)$/.exec(host)?.[1];
  if (mapped) return IPV4_LOOPBACK.test(mapped) || /^7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(mapped);
  return false;
}

/**
 * The host the user must confirm before credentials go to `apiUrl`, or null when none is needed: Kartra's
 * own API host, and this computer (the sandbox, a local test server), need no confirmation.
 */
export function hostToConfirm(apiUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(apiUrl.trim());
  } catch {
    return null; // not a URL: refused by the address check itself
  }
  const host = url.hostname.toLowerCase();
  if (host === KARTRA_API_HOST || isLoopbackHost(host)) return null;
  return host.replace(/^\[|\]$/g, '');
}
