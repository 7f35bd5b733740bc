// What one import or recipe row sends: the lead, how it is found, its chain and the existing-lead policy.
import type { LeadAction } from '../../../shared/domain/actions';
import type { ExistingPolicy, ImportMode } from '../../../shared/domain/import';
import type { LeadRef } from '../../../shared/domain/lead';
import type { RecipeCondition } from '../../../shared/domain/recipe-conditions';
import type { CreateLeadData } from '../../../shared/domain/lead-input';

export interface RowPlan {
  row: number;
  mode: ImportMode | 'recipe';
  /** How the lead is found: by email for imports, by id or email for recipes. */
  ref: LeadRef;
  /** Import: the lead's fields (email included); null for recipes. */
  lead: CreateLeadData | null;
  /** The chain, in the order it is sent. */
  actions: LeadAction[];
  /** Import: what an existing lead gets (existing-row.ts); absent means "keep", never an edit by surprise. */
  existing?: ExistingPolicy;
  /** Recipe: what the lead, read fresh before the chain, must meet (recipe-gate.ts); absent or empty: no read. */
  conditions?: RecipeCondition[];
  /**
   * Recipe: the fields it empties (a field name, or `custom:<identifier>`), by one edit_lead heading the chain.
   * The gate reads the lead first and keeps only the fields that hold a value, their values going to `before`.
   */
  clear?: string[];
  /** Recipe: the score the gate read right before the chain, so a lost answer's points can be checked against it. */
  scoreBefore?: number;
  /** Bulk and undo rows: the fields' values before the change as the cache knew them (History's "before", for undo). */
  before?: Record<string, string>;
}
