// Finds fields whose Kartra value changed since the user saw them, while their edit waited offline.
import type { Lead } from '../../../shared/domain/lead';
import type { EditLeadData } from '../../../shared/domain/lead-input';
import type { ConflictField } from '../../../shared/domain/outbox';

/** Keys of `seen`: a lead field name, or `custom:<identifier>` for a custom field. */
export function currentValue(lead: Lead, key: string): string {
  if (key.startsWith('custom:')) {
    const field = lead.custom_fields.find((f) => f.field_identifier === key.slice('custom:'.length));
    if (!field) return '';
    return typeof field.value === 'string' ? field.value : field.value.map((o) => o.option_id).sort().join(',');
  }
  if (key === 'new_email') return lead.email;
  const value = (lead as unknown as Record<string, unknown>)[key];
  return value === undefined || value === null ? '' : String(value);
}

export function wantedValue(changes: EditLeadData, key: string): string | undefined {
  if (key.startsWith('custom:')) {
    const field = changes.custom_fields?.find((f) => f.field_identifier === key.slice('custom:'.length));
    if (!field) return undefined;
    return Array.isArray(field.field_value) ? [...field.field_value].sort().join(',') : field.field_value;
  }
  const value = (changes as Record<string, unknown>)[key];
  return value === undefined ? undefined : String(value);
}

export function findConflicts(lead: Lead, changes: EditLeadData, seen: Record<string, string>): ConflictField[] {
  const conflicts: ConflictField[] = [];
  for (const [key, seenValue] of Object.entries(seen)) {
    const mine = wantedValue(changes, key);
    if (mine === undefined) continue;
    const theirs = currentValue(lead, key);
    // Someone changed it on Kartra's side, and not to what the user wants anyway.
    if (theirs !== seenValue && theirs !== mine) conflicts.push({ field: key, seen: seenValue, mine, theirs });
  }
  return conflicts;
}

/** The edit without the given fields ("keep Kartra's" for those). */
export function withoutFields(changes: EditLeadData, keys: string[]): EditLeadData {
  const next: Record<string, unknown> = { ...changes };
  for (const key of keys) {
    if (key.startsWith('custom:')) {
      const id = key.slice('custom:'.length);
      next.custom_fields = (changes.custom_fields ?? []).filter((f) => f.field_identifier !== id);
    } else delete next[key];
  }
  if (Array.isArray(next.custom_fields) && next.custom_fields.length === 0) delete next.custom_fields;
  return next as EditLeadData;
}

export function isEmptyEdit(changes: EditLeadData): boolean {
  return Object.values(changes).every((v) => v === undefined);
}
