// A small structured logger that redacts anything that looks like a credential before it is written;
// a text naming a credential field of a form body (api_key=, api_password=) is dropped whole.
import { dropCredentialText } from './secret-text';
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const SECRET_KEY = /(api[_-]?key|api[_-]?password|password|secret|token|authorization)/i;
// Kartra form bodies carry credentials as api_key=...&api_password=...
const SECRET_IN_TEXT = /((?:api_key|api_password|apiKey|apiPassword|password|token)["']?\s*[=:]\s*["']?)([^&"'\s,}]+)/gi;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (typeof value === 'string') return dropCredentialText(value).replace(SECRET_IN_TEXT, '$1[redacted]');
  if (value instanceof Error) return { name: value.name, message: redact(value.message, depth + 1), stack: redact(value.stack ?? '', depth + 1) };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1)]),
    );
  }
  return value;
}

export function createLogger(write: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const emit = (level: string, message: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ t: new Date().toISOString(), level, message: redact(message), ...(fields ? (redact(fields) as object) : {}) }));
  return {
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
