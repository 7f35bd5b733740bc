// One planned user change of the durability tests (shared by the plan generator and the model, so neither imports the other).
import type { LeadAction } from '../../../../../shared/domain/actions';
import type { LeadRef } from '../../../../../shared/domain/lead';
import type { CreateLeadInput, EditLeadChanges } from '../../../../../shared/domain/lead-input';

export type PlannedChange =
  | { kind: 'actions'; lead: LeadRef; actions: LeadAction[] }
  | { kind: 'edit'; lead: LeadRef; changes: EditLeadChanges; seen: Record<string, string>; actions: LeadAction[] }
  | { kind: 'create'; lead: CreateLeadInput; actions: LeadAction[] };
