// The palette's lead finder: cached leads whose name, email or company match what is typed (through
// leads.search, instant and offline), a few at a time; only the newest answer counts.
import { useEffect, useState } from 'react';
import type { LeadRow } from '../../../shared/domain/lead-views';
import type { LeadDeskApi } from '../api/api';
import { unwrap } from '../api/unwrap';

export const PALETTE_LEADS = 6;
const DEBOUNCE_MS = 60;

export function useCachedLeads(api: LeadDeskApi, query: string): LeadRow[] {
  const [rows, setRows] = useState<LeadRow[]>([]);
  useEffect(() => {
    const words = query.trim();
    // Two letters at least: one letter matches half the cache and says nothing.
    if (words.length < 2) {
      setRows([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      unwrap(api.leads.search({ query: words, offset: 0, limit: PALETTE_LEADS })).then(
        (reply) => current && setRows(reply.rows),
        () => current && setRows([]), // the palette still offers its commands and the Kartra look-up
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query]);
  return rows;
}
