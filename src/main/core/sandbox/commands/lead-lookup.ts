// Finding the lead a call addresses: id wins over email; in test mode an original address finds its rewrite.
import type { LeadRow } from '../store/lead-store';
import { isRecord, text, type CommandContext } from './context';

/** Kartra Test Mode keeps the local part and replaces the domain (kartra-api.md §7). */
export function testModeEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at === -1 ? email : `${email.slice(0, at)}@kartra.com`;
}

export interface LeadRef {
  id: string;
  email: string;
}

export function refOf(block: unknown): LeadRef {
  if (!isRecord(block) && !Array.isArray(block)) return { id: '', email: '' };
  const b = block as Record<string, unknown>;
  return { id: text(b.id), email: text(b.email) };
}

export const hasRef = (ref: LeadRef) => ref.id !== '' || ref.email !== '';

/** The addressed lead (deleted ones included), or undefined. */
export function findLead(ctx: Pick<CommandContext, 'state' | 'account' | 'testMode'>, ref: LeadRef): LeadRow | undefined {
  const { leads } = ctx.state;
  if (ref.id !== '') return /^\d+$/.test(ref.id) ? leads.byId(ctx.account.id, Number(ref.id)) : undefined;
  if (ref.email === '') return undefined;
  const exact = leads.byEmail(ctx.account.id, ref.email);
  if (exact || !ctx.testMode) return exact;
  // [U] Look-ups by the original address match the rewritten one (kartra-api.md §7 open question).
  return leads.byEmail(ctx.account.id, testModeEmail(ref.email));
}
