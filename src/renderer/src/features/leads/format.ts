// Small display helpers for the workspace: counts ("1,234 leads", "2,000+ matches") and ages ("3 min ago").

/** The core stops counting query matches here (lead-cache-repo's SEARCH_COUNT_CAP). */
import { SEARCH_COUNT_CAP } from '../../../../shared/domain/lead-views';

export const MATCH_COUNT_CAP = SEARCH_COUNT_CAP;

const number = new Intl.NumberFormat('en-US');

export function formatNumber(value: number): string {
  return number.format(value);
}

/** "1 lead" / "1,234 leads" for the whole cache; "1 match" / "2,000+ matches" for a query. */
export function formatLeadCount(total: number, query: string): string {
  if (query.trim() === '') return total === 1 ? '1 lead' : `${formatNumber(total)} leads`;
  if (total === 0) return 'No matches';
  if (total >= MATCH_COUNT_CAP) return `${formatNumber(MATCH_COUNT_CAP)}+ matches`;
  return total === 1 ? '1 match' : `${formatNumber(total)} matches`;
}

/** How long ago a time was, coarsely: "just now", "3 min ago", "2 h ago", "5 days ago". */
export function formatAge(then: number, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** True when the query is what Kartra can look up directly: an email address or a numeric lead id. */
export function isLookupQuery(query: string): boolean {
  const q = query.trim();
  return /^\d+$/.test(q) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(q);
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Ctrl K" or "⌘K": how the palette shortcut reads on this OS. */
export const PALETTE_SHORTCUT = isMac ? '⌘K' : 'Ctrl K';

/** "First Middle Last Last2", or the email when the lead has no name, or "Lead <id>" as a last resort. */
export function leadDisplayName(lead: { first_name: string; middle_name: string; last_name: string; last_name2: string; email: string; id: string }): string {
  const name = [lead.first_name, lead.middle_name, lead.last_name, lead.last_name2]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
  if (name !== '') return name;
  if (lead.email.trim() !== '') return lead.email.trim();
  return `Lead ${lead.id}`;
}
