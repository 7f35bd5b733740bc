// How a lead is named and placed in the panel: small pure helpers, kept apart so they are easy to test.
import type { Lead } from '../../../../shared/domain/lead';

type NameParts = Pick<Lead, 'first_name' | 'middle_name' | 'last_name' | 'last_name2' | 'email' | 'id'>;

/** "First Middle Last Last2", or the email when the lead has no name, or "Lead <id>" as a last resort. */
export function leadDisplayName(lead: NameParts): string {
  const name = [lead.first_name, lead.middle_name, lead.last_name, lead.last_name2]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
  if (name !== '') return name;
  if (lead.email.trim() !== '') return lead.email.trim();
  return `Lead ${lead.id}`;
}

/** "Company · City · Country" with the empty parts left out; '' when all are empty. */
export function leadPlaceLine(lead: Pick<Lead, 'company' | 'city' | 'country'>): string {
  return [lead.company, lead.city, lead.country]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' · ');
}

/** Tags the picker may offer: the account's tags minus those the lead has or is being given. */
export function assignableTags(accountTags: readonly string[], leadTags: readonly string[], pending: string | null): string[] {
  // Exact names: whether Kartra treats tag names case-insensitively is not documented.
  const taken = new Set(leadTags);
  if (pending !== null) taken.add(pending);
  return accountTags.filter((tag) => !taken.has(tag));
}
