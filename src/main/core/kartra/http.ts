// HTTP transport for Kartra: one keep-alive undici Agent, https enforced off loopback, undici failures mapped to TransportError.
import { Agent } from 'undici';
import { isLoopbackHost } from '../../../shared/domain/api-address';
import { AppError } from '../errors';
import { TransportError } from './errors';
import { USER_AGENT } from './user-agent';

export interface HttpOptions {
  /** TCP + TLS connect limit; a connect timeout means nothing was sent. Default 10 s. */
  connectTimeoutMs?: number;
  /** Wait for the response headers after sending. Default 30 s (retrieve_custom_fields is known to be slow). */
  headersTimeoutMs?: number;
  /** Max silence while reading the body. Default 30 s. */
  bodyTimeoutMs?: number;
  /** How long an idle connection is kept for reuse. Default 10 s. */
  keepAliveTimeoutMs?: number;
  /**
   * Parallel connections per origin. Default 24: the limiter may start 20 requests at once, and a
   * request queued behind a busy connection would reach Kartra later than the limiter started it.
   */
  connections?: number;
  /** Largest answer accepted, in bytes. Default 32 MiB. */
  maxResponseBytes?: number;
}

export interface HttpReply {
  status: number;
  text: string;
}

export { isLoopbackHost };

/**
 * Validate a Kartra API address before anything is sent: https everywhere, plain http only
 * to this machine (the sandbox). Kartra would answer 201 over http — after the credentials
 * had already crossed the network in clear text — so the request is refused here instead.
 */
export function checkApiUrl(apiUrl: string): URL {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new AppError('invalid_input', `The Kartra API address "${apiUrl.slice(0, 200)}" is not a valid URL.`, { details: { field: 'apiUrl' } });
  }
  if (url.username || url.password) {
    throw new AppError('invalid_input', 'The Kartra API address must not contain a user name or password.', { details: { field: 'apiUrl' } });
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  if (url.protocol === 'http:') {
    throw new AppError(
      'invalid_input',
      `Refusing to send Kartra credentials over plain http to ${url.hostname}: use https (https://app.kartra.com/api). Plain http is allowed only for the local sandbox (127.0.0.1, ::1, localhost).`,
      { details: { field: 'apiUrl' } },
    );
  }
  throw new AppError('invalid_input', `The Kartra API address must start with https:// (got ${url.protocol}).`, { details: { field: 'apiUrl' } });
}

export class KartraHttp {
  private readonly agent: Agent;

  constructor(options: HttpOptions = {}) {
    this.agent = new Agent({
      connect: { timeout: options.connectTimeoutMs ?? 10_000 },
      headersTimeout: options.headersTimeoutMs ?? 30_000,
      bodyTimeout: options.bodyTimeoutMs ?? 30_000,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
      connections: options.connections ?? 24,
      maxResponseSize: options.maxResponseBytes ?? 32 * 1024 * 1024,
    });
  }

  /** POST a form body; resolves with any HTTP status, rejects only with TransportError (or AppError for a refused URL). */
  async post(apiUrl: string, formBody: string): Promise<HttpReply> {
    const url = checkApiUrl(apiUrl);
    try {
      const response = await this.agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          // Kartra serves its JSON as text/html (kartra-api.md §0.4 E10); the answer is decoded by content.
          accept: 'application/json, text/html;q=0.9',
          'user-agent': USER_AGENT,
        },
        body: formBody,
      });
      const text = await response.body.text();
      return { status: response.statusCode, text };
    } catch (error) {
      throw toTransportError(error, url.host);
    }
  }

  /** Close idle connections and refuse new requests. */
  async close(): Promise<void> {
    await this.agent.close();
  }
}

const NOT_SENT_CODES: Record<string, { kind: TransportError['kind']; what: string }> = {
  ECONNREFUSED: { kind: 'refused', what: 'the connection was refused' },
  ENOTFOUND: { kind: 'dns', what: 'the host name could not be resolved' },
  EAI_AGAIN: { kind: 'dns', what: 'the host name could not be resolved (DNS unavailable)' },
  UND_ERR_CONNECT_TIMEOUT: { kind: 'timeout', what: 'connecting timed out' },
  ETIMEDOUT: { kind: 'timeout', what: 'connecting timed out' },
  ENETUNREACH: { kind: 'refused', what: 'the network is unreachable' },
  EHOSTUNREACH: { kind: 'refused', what: 'the host is unreachable' },
  ENETDOWN: { kind: 'refused', what: 'the network is down' },
  EADDRNOTAVAIL: { kind: 'refused', what: 'no network address is available' },
};

const SENT_CODES: Record<string, { kind: TransportError['kind']; what: string }> = {
  UND_ERR_HEADERS_TIMEOUT: { kind: 'timeout', what: 'Kartra did not answer in time' },
  UND_ERR_BODY_TIMEOUT: { kind: 'timeout', what: "Kartra's answer stalled" },
  UND_ERR_RES_EXCEEDED_MAX_SIZE: { kind: 'bad_response', what: "Kartra's answer was too large" },
  UND_ERR_SOCKET: { kind: 'reset', what: 'the connection was closed' },
  ECONNRESET: { kind: 'reset', what: 'the connection was reset' },
  EPIPE: { kind: 'reset', what: 'the connection was closed' },
  UND_ERR_CLOSED: { kind: 'reset', what: 'the connection was closed' },
};

function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  // Happy-eyeballs connects fail with an AggregateError holding one error per address.
  const inner = (error as { errors?: unknown[] }).errors?.[0] ?? (error as { cause?: unknown }).cause;
  return inner && inner !== error ? errorCode(inner) : '';
}

/** TLS failures happen during the handshake, before the request is written. */
function isTlsError(code: string): boolean {
  return /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_OSSL_)/.test(code);
}

/** Map an undici/Node network failure to TransportError, deciding whether the request may have reached Kartra. */
export function toTransportError(error: unknown, host: string): TransportError | AppError {
  if (error instanceof TransportError || error instanceof AppError) return error;
  const code = errorCode(error);
  const notSent = NOT_SENT_CODES[code];
  if (notSent) return new TransportError(`Could not reach ${host}: ${notSent.what} (${code})`, false, notSent.kind);
  if (isTlsError(code)) return new TransportError(`Could not open a secure connection to ${host} (${code})`, false, 'refused');
  const sent = SENT_CODES[code];
  if (sent) {
    // A socket error whose socket wrote nothing proves the request never left (a stale keep-alive socket).
    const written = (error as { socket?: { bytesWritten?: unknown } }).socket?.bytesWritten;
    const wasSent = !(code === 'UND_ERR_SOCKET' && written === 0);
    const tail = wasSent ? 'the request may have been processed' : 'nothing was sent';
    return new TransportError(`${sent.what} (${host}, ${code}); ${tail}`, wasSent, sent.kind);
  }
  // Unknown failure: assume the worst (it may have been sent) so writes get verified, not replayed.
  const detail = error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
  return new TransportError(`Request to ${host} failed: ${detail}`, true, 'reset');
}
