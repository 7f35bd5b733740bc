// The options form of an import (mode, tags, lists, sequence at a step, points, GDPR) and its translation to ImportOptions.
import type { ExistingPolicy, ImportMode, ImportOptions } from '../../../../shared/domain/import';

export interface OptionsDraft {
  mode: ImportMode;
  existing: ExistingPolicy;
  tags: string[];
  lists: string[];
  sequence: string | null;
  step: string;
  points: number;
  gdprConfirmed: boolean;
}

export const EMPTY_OPTIONS: OptionsDraft = { mode: 'upsert', existing: 'keep', tags: [], lists: [], sequence: null, step: '1', points: 0, gdprConfirmed: false };

export const MODE_LABELS: Record<ImportMode, string> = {
  create: 'Create only (skip existing leads)',
  update: 'Update only (skip unknown emails)',
  upsert: 'Create or update',
};

/** What still stops Start, as sentences for the user; empty when the import can start. */
export function optionsProblems(draft: OptionsDraft): string[] {
  const problems: string[] = [];
  if (draft.sequence !== null && draft.step.trim() === '') problems.push(`Type the step of “${draft.sequence}” to start at: the box number in Kartra’s sequence builder.`);
  else if (draft.sequence !== null && !/^[A-Za-z0-9]+$/.test(draft.step.trim())) problems.push('The sequence step must be a step number or code (letters and digits).');
  if (!Number.isInteger(draft.points) || draft.points < 0 || draft.points > 1_000_000) problems.push('Points must be a whole number from 0 to 1,000,000.');
  if (!draft.gdprConfirmed) problems.push('Confirm the GDPR declaration to start.');
  return problems;
}

export function toImportOptions(draft: OptionsDraft): ImportOptions {
  return {
    mode: draft.mode,
    existing: draft.existing,
    tags: draft.tags,
    lists: draft.lists,
    sequence: draft.sequence === null ? null : { name: draft.sequence, step: draft.step.trim() },
    points: draft.points,
    gdprConfirmed: draft.gdprConfirmed,
  };
}
