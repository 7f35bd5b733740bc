// Every lead the app has seen, per account, so it can be shown offline and searched locally.
import type { Lead } from '../../../shared/domain/lead';
import type { Db } from './database';

export class LeadCacheRepo {
  constructor(private readonly db: Db) {}

  put(accountId: string, lead: Lead, seenAt = Date.now()): void {
    this.db
      .prepare(
        `INSERT INTO lead_cache (account_id, lead_id, email, lead_json, seen_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(account_id, lead_id) DO UPDATE SET email = excluded.email, lead_json = excluded.lead_json, seen_at = excluded.seen_at`,
      )
      .run(accountId, lead.id, lead.email.toLowerCase(), JSON.stringify(lead), seenAt);
  }

  get(accountId: string, ref: { id?: string; email?: string }): { lead: Lead; seenAt: number } | undefined {
    const row = (
      ref.id !== undefined
        ? this.db.prepare('SELECT lead_json, seen_at FROM lead_cache WHERE account_id = ? AND lead_id = ?').get(accountId, ref.id)
        : this.db
            .prepare('SELECT lead_json, seen_at FROM lead_cache WHERE account_id = ? AND email = ?')
            .get(accountId, (ref.email ?? '').toLowerCase())
    ) as { lead_json: string; seen_at: number } | undefined;
    return row && { lead: JSON.parse(row.lead_json) as Lead, seenAt: row.seen_at };
  }
}
