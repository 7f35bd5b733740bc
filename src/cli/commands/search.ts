// `search "QUERY"`: the leads this data folder has seen, found exactly as the app's search box finds them (leads.search).
import { int, parseFlags, str, UsageError } from '../args';
import type { Command } from '../context';
import { CORE_OPTIONS, unwrap, withCore } from '../core-session';

const OPTIONS = { ...CORE_OPTIONS, limit: { type: 'string' }, offset: { type: 'string' } } as const;

export const searchCommand: Command = async (argv, ctx) => {
  const [query, ...rest] = argv;
  if (query === undefined || query.startsWith('-')) throw new UsageError('give the search text right after "search" (search "QUERY" [flags]; "" lists every lead)');
  if (query.length > 200) throw new UsageError(`the search text is ${query.length} characters; keep it under 200`);
  const values = parseFlags(rest, OPTIONS, 'search');
  const limit = int(str(values, 'limit') ?? '100', '--limit', 1, 500);
  const offset = int(str(values, 'offset') ?? '0', '--offset', 0, 10_000_000);
  return withCore(values, ctx, async ({ api }) => {
    const found = unwrap(await api.leads.search({ query, offset, limit }));
    return { query, total: found.total, rows: found.rows, newestSeenAt: found.newestSeenAt };
  });
};
