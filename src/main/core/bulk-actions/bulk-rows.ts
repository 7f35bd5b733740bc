// The rows of a bulk or undo run: one lead per row, [lead id, email, change], the change being base64url JSON
// (what the lead gets: actions, an edit, and the fields' values before) — opaque to the CSV writer, whose
// formula guard must never touch it. Rebuilt into a row plan when the runner sends the row.
import { z } from 'zod';
import { LeadAction } from '../../../shared/domain/actions';
import { EditLeadChanges, type EditLeadData } from '../../../shared/domain/lead-input';
import type { RowPlan } from '../writes/row-plan';

/** As jobs/row-plans.ts's PlannedRow (named here, not imported: row-plans imports this module). */
type PlannedRow = { plan: RowPlan; key: string } | { invalid: string };

export const BULK_HEADERS = ['lead_id', 'email', 'change'];

const RowChange = z.object({ a: z.array(LeadAction), f: EditLeadChanges.optional(), b: z.record(z.string(), z.string()).optional() });
export type RowChange = { a: LeadAction[]; f?: EditLeadData; b?: Record<string, string> };

export function encodeRow(leadId: string, email: string, change: RowChange): string[] {
  return [leadId, email, Buffer.from(JSON.stringify(change)).toString('base64url')];
}

export function decodeChange(cell: string): RowChange | null {
  try {
    const parsed = RowChange.safeParse(JSON.parse(Buffer.from(cell, 'base64url').toString('utf8')));
    return parsed.success ? (parsed.data as RowChange) : null;
  } catch {
    return null;
  }
}

/**
 * A field change goes as edit_lead on the lead's email (an update row that overwrites exactly those fields, with
 * the actions chained); actions alone go bare on the lead id (or email), as a recipe row.
 */
export function bulkRowPlan(row: number, cells: readonly string[]): PlannedRow {
  const id = (cells[0] ?? '').trim();
  const email = (cells[1] ?? '').trim();
  const change = decodeChange((cells[2] ?? '').trim());
  if (!change) return { invalid: 'the change of this row cannot be read' };
  if (!id && !email) return { invalid: 'no lead id or email' };
  const key = id ? `id:${id}` : email.toLowerCase();
  if (change.f && Object.keys(change.f).length > 0) {
    if (!email) return { invalid: 'a field change needs the lead’s email' };
    return { plan: { row, mode: 'update', existing: 'overwrite', ref: { email }, lead: { email, ...change.f }, actions: change.a, before: change.b }, key };
  }
  // Both when known: Kartra lets the id win, and History names the lead by its email.
  return { plan: { row, mode: 'recipe', ref: id ? { id, ...(email ? { email } : {}) } : { email }, lead: null, actions: change.a }, key };
}
