// Looks into a (killed or running) core's outbox table from outside, and tells which in-flight changes Kartra
// had in fact applied: the cases where a blind resend would have applied them twice.
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import type { OutboxChange } from '../../../../../shared/domain/outbox';
import type { SandboxLeadState } from '../../../sandbox';

export interface InFlightItem {
  id: number;
  leadLocalId: number;
  kartraId: string | null;
  email: string;
  change: OutboxChange;
  /** The score the dispatcher read just before sending (points only). */
  scoreBefore: number | undefined;
}

/** The in-flight items as the app's database holds them now (read-only; safe while the app runs). */
export function readInFlight(dataDir: string): InFlightItem[] {
  const db = new DatabaseSync(join(dataDir, 'lead-desk.sqlite'), { readOnly: true });
  try {
    db.exec('PRAGMA busy_timeout = 2000');
    const rows = db
      .prepare(
        `SELECT o.id, o.lead_local_id, l.kartra_id, l.email, o.change_json, o.verify_json FROM outbox o
         JOIN outbox_leads l ON l.local_id = o.lead_local_id WHERE o.status = 'in_flight' ORDER BY o.id`,
      )
      .all() as { id: number; lead_local_id: number; kartra_id: string | null; email: string; change_json: string; verify_json: string | null }[];
    return rows.map((r) => ({
      id: r.id,
      leadLocalId: r.lead_local_id,
      kartraId: r.kartra_id,
      email: r.email,
      change: JSON.parse(r.change_json) as OutboxChange,
      scoreBefore: r.verify_json ? (JSON.parse(r.verify_json) as { scoreBefore?: number }).scoreBefore : undefined,
    }));
  } finally {
    db.close();
  }
}

const delta = (change: OutboxChange): number | undefined =>
  change.kind !== 'action'
    ? undefined
    : change.action.cmd === 'give_points_to_lead'
      ? change.action.points
      : change.action.cmd === 'remove_points_from_lead'
        ? -change.action.points
        : undefined;

/**
 * In-flight changes that Kartra already applied although the app never heard back: points whose lead's score
 * moved from the recorded score by exactly their (capped) sum, and creates whose lead exists.
 */
export function appliedButUnacknowledged(items: InFlightItem[], kartra: (ref: { id?: string; email?: string }) => SandboxLeadState | null): { points: InFlightItem[]; creates: InFlightItem[] } {
  const byLead = new Map<number, InFlightItem[]>();
  for (const item of items) byLead.set(item.leadLocalId, [...(byLead.get(item.leadLocalId) ?? []), item]);
  const points: InFlightItem[] = [];
  const creates: InFlightItem[] = [];
  for (const group of byLead.values()) {
    const create = group.find((i) => i.change.kind === 'create');
    if (create?.change.kind === 'create' && kartra({ email: create.change.lead.email })) creates.push(create);
    const moves = group.filter((i) => delta(i.change) !== undefined);
    const before = moves[0]?.scoreBefore;
    const kartraId = group[0]!.kartraId;
    if (before === undefined || !kartraId) continue;
    const after = moves.reduce((score, i) => Math.max(0, score + delta(i.change)!), before);
    if (after !== before && kartra({ id: kartraId })?.score === after) points.push(...moves);
  }
  return { points, creates };
}
