// `history [--email E | --id N] [--source …] [--since DATE]`: the data folder's record of writes (history.list) as JSON.
import { HISTORY_SOURCES, type HistorySource } from '../../shared/domain/history';
import { int, list, parseFlags, str, UsageError } from '../args';
import type { Command } from '../context';
import { CORE_OPTIONS, unwrap, withCore } from '../core-session';
import { checkEmail } from './lead-flags';

const OPTIONS = {
  ...CORE_OPTIONS,
  email: { type: 'string' },
  id: { type: 'string' },
  source: { type: 'string', multiple: true },
  since: { type: 'string' },
  limit: { type: 'string' },
} as const;

/** A date (2024-05-01), a date and time (2024-05-01T10:00, ISO 8601), as ms since epoch; local time when no zone is given. */
export function parseSince(raw: string): number {
  const text = raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    throw new UsageError(`--since takes a date like 2024-05-01 or 2024-05-01T14:30, got "${raw}"`, '--since');
  }
  // A bare date is read by Date as UTC midnight; the user means their own midnight.
  const at = new Date(text.length === 10 ? `${text}T00:00` : text.replace(' ', 'T')).getTime();
  if (!Number.isFinite(at)) throw new UsageError(`--since: "${raw}" is not a real date`, '--since');
  return Math.max(0, at);
}

export const historyCommand: Command = async (argv, ctx) => {
  const values = parseFlags(argv, OPTIONS, 'history');
  const email = str(values, 'email');
  const id = str(values, 'id');
  if (email !== undefined && id !== undefined) throw new UsageError('"history" takes --email or --id, not both', '--id');
  if (id !== undefined && !/^\d{1,20}$/.test(id.trim())) throw new UsageError(`--id must be a lead id (digits), got "${id}"`, '--id');
  const sources = list(values, 'source').map((raw) => {
    const source = raw.trim();
    if (!(HISTORY_SOURCES as readonly string[]).includes(source)) throw new UsageError(`--source must be one of ${HISTORY_SOURCES.join(', ')}, got "${raw}"`, '--source');
    return source as HistorySource;
  });
  const sinceRaw = str(values, 'since');
  const filter = {
    ...(email !== undefined ? { email: checkEmail(email, '--email') } : {}),
    ...(id !== undefined ? { leadId: id.trim() } : {}),
    sources,
    ...(sinceRaw !== undefined ? { since: parseSince(sinceRaw) } : {}),
    limit: int(str(values, 'limit') ?? '100', '--limit', 1, 500),
  };
  return withCore(values, ctx, async ({ api }) => {
    const page = unwrap(await api.history.list(filter));
    return { entries: page.entries, nextBeforeId: page.nextBeforeId };
  });
};
