// The existing-lead policy as a pure decision: what one import row sends to a lead that already exists in Kartra.
// "keep" (default) sends its tags, lists and sequences only; "fill" writes only the fields the lead has empty (it
// needs the lead as Kartra has it: one read); "overwrite" writes every field the file gives that differs.
import type { LeadAction } from '../../../shared/domain/actions';
import type { ExistingPolicy } from '../../../shared/domain/import';
import type { Lead, LeadTextField } from '../../../shared/domain/lead';
import type { CreateLeadData, EditLeadData } from '../../../shared/domain/lead-input';

export interface ExistingRowPlan {
  /** The edit_lead fields (email excluded), or null when the lead's details are left as they are. */
  edit: EditLeadData | null;
  /** The chain, unchanged: tags, lists and sequences are added under every policy. */
  actions: LeadAction[];
  /** The fields that change (custom fields as custom:<identifier>), for the report and the overwrite confirmation. */
  changes: string[];
}

/** True when the policy must read the lead first (fill); the run counts these reads. */
export const needsRead = (policy: ExistingPolicy) => policy === 'fill';

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' ? value.trim() === '' : Array.isArray(value) && value.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `rowLead` is the row as validated (email and the fields its cells give); `current` the lead as Kartra has it
 * (null when not read: allowed for keep and overwrite, not for fill).
 */
export function planExistingRow(policy: ExistingPolicy, rowLead: CreateLeadData, current: Lead | null, actions: readonly LeadAction[] = []): ExistingRowPlan {
  if (policy === 'keep') return { edit: null, actions: [...actions], changes: [] };
  if (policy === 'fill' && current === null) throw new Error('the "fill" policy needs the lead as Kartra has it: read it before planning the row');
  const { email: _email, custom_fields: customs, ...fields } = rowLead;
  const edit: Record<string, unknown> = {};
  const changes: string[] = [];
  for (const [field, value] of Object.entries(fields) as [LeadTextField, unknown][]) {
    if (isEmpty(value)) continue;
    const now = current?.[field];
    if (policy === 'fill' ? !isEmpty(now) : current !== null && same(now, value)) continue;
    edit[field] = value;
    changes.push(field);
  }
  const customEdits: NonNullable<CreateLeadData['custom_fields']> = [];
  for (const cf of customs ?? []) {
    if (isEmpty(cf.field_value)) continue;
    const held = current?.custom_fields.find((c) => c.field_identifier === cf.field_identifier)?.value;
    // Kartra reads options back as {option_id, option_value}; a row names them by id.
    const now = Array.isArray(held) ? held.map((o) => o.option_id) : held;
    if (policy === 'fill' ? !isEmpty(now) : current !== null && same(now, cf.field_value)) continue;
    customEdits.push(cf);
    changes.push(`custom:${cf.field_identifier}`);
  }
  if (customEdits.length > 0) edit.custom_fields = customEdits;
  return { edit: changes.length > 0 ? (edit as EditLeadData) : null, actions: [...actions], changes };
}
