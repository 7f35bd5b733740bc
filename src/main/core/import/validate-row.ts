// Maps one CSV row through the column mapping and checks every mapped cell, producing the lead to send or per-cell errors.
import type { AccountCustomField } from '../../../shared/domain/account';
import type { LeadAction } from '../../../shared/domain/actions';
import { IMPORT_ACTION_TARGETS, type ColumnMapping, type ImportActionTarget, type ImportTarget } from '../../../shared/domain/import';
import type { CreateLeadData } from '../../../shared/domain/lead-input';
import { TEXT_AREA_MAX, type LeadTextField } from '../../../shared/domain/lead';
import { AppError } from '../errors';
import { actionFor, listProblem, MAX_ROW_VALUES, splitList } from './list-cells';
import { checkCountry, checkEmail, checkText, checkTimeZone, controlCharProblem, customCheck, MAX_TEXT, Problem, type Checked } from './cell-rules';

export interface CellError {
  column: string;
  message: string;
}

type Rule = (value: string) => Checked;

interface ColumnPlan {
  index: number;
  header: string;
  target: Exclude<ImportTarget, 'ignore'>;
  rule: Rule;
  /** The lead text field, or the custom field identifier. */
  field: string;
  custom: boolean;
  /**
   * Free text is checked for control characters; an email, time zone, country or option check
   * refuses them anyway (they cannot match).
   */
  freeText: boolean;
  /** A Tags/Lists/Sequences column: its values become actions, not a lead field. */
  action: ImportActionTarget | null;
  /** Free text longer than this (in UTF-16 units) goes through `rule`: 2000, or Kartra's 365 for a text area (E9). */
  checkAbove: number;
}

export interface CompiledMapping {
  headers: readonly string[];
  columns: readonly ColumnPlan[];
  emailIndex: number;
  /** The Tags/Lists/Sequences columns (empty for most files). */
  actionColumns: readonly ColumnPlan[];
}

export interface RowCheck {
  errors: CellError[];
  /** Lower-cased email for duplicate detection ('' when missing or invalid). */
  emailKey: string;
  lead: CreateLeadData | null;
  /** The row's own actions from its Tags/Lists/Sequences columns (built rows only), in column order. */
  actions: LeadAction[];
}

const invalid = (message: string, field: string) => new AppError('invalid_input', message, { details: { field } });

/** Checks the mapping against the file's columns and the account's custom fields; throws invalid_input with a clear message. */
export function compileMapping(headers: readonly string[], mapping: ColumnMapping, fields: readonly AccountCustomField[]): CompiledMapping {
  const index = new Map(headers.map((h, i) => [h, i]));
  for (const column of Object.keys(mapping)) {
    if (!index.has(column)) throw invalid(`The file has no column named "${column}"; map the columns it has (${headers.slice(0, 6).join(', ')}${headers.length > 6 ? ', …' : ''}).`, `mapping.${column}`);
  }
  const byTarget = new Map<string, string>();
  const columns: ColumnPlan[] = [];
  for (const header of headers) {
    const target = mapping[header] ?? 'ignore';
    if (target === 'ignore') continue;
    const other = byTarget.get(target);
    if (other !== undefined) throw invalid(`Columns "${other}" and "${header}" are both mapped to ${label(target)}; map each field from one column only.`, `mapping.${header}`);
    byTarget.set(target, header);
    columns.push(plan(index.get(header) ?? 0, header, target, fields));
  }
  const email = columns.find((c) => c.target === 'email');
  if (!email) throw invalid('Map one column to email: Kartra identifies every lead by its email address.', 'mapping');
  return { headers, columns: columns.filter((c) => !c.action), emailIndex: email.index, actionColumns: columns.filter((c) => c.action) };
}

const isAction = (target: string): target is ImportActionTarget => (IMPORT_ACTION_TARGETS as readonly string[]).includes(target);

function plan(index: number, header: string, target: Exclude<ImportTarget, 'ignore'>, fields: readonly AccountCustomField[]): ColumnPlan {
  if (isAction(target)) return { index, header, target, field: target, custom: false, rule: checkText, freeText: true, checkAbove: MAX_TEXT, action: target };
  if (target.startsWith('custom:')) {
    const identifier = target.slice('custom:'.length);
    const field = fields.find((f) => f.field_identifier === identifier);
    if (!field) {
      throw invalid(`This Kartra account has no custom field "${identifier}" (column "${header}"). Create it in Kartra or refresh the account lists.`, `mapping.${header}`);
    }
    const freeText = field.field_type === 'input_field' || field.field_type === 'text_area';
    const checkAbove = field.field_type === 'text_area' ? TEXT_AREA_MAX : MAX_TEXT;
    return { index, header, target, field: identifier, custom: true, rule: customCheck(field), freeText, checkAbove, action: null };
  }
  const rule: Rule = target === 'email' ? checkEmail : target === 'lead_preferred_time_zone' ? checkTimeZone : target === 'country' ? checkCountry : checkText;
  return { index, header, target, field: target, custom: false, rule, freeText: rule === checkText, checkAbove: MAX_TEXT, action: null };
}

function label(target: string): string {
  return target.startsWith('custom:') ? `the custom field ${target.slice(7)}` : target;
}

const NO_ERRORS: readonly CellError[] = Object.freeze([]) as readonly CellError[];
/** The answer of a check-only call, reused: a million-row pass allocates no result objects. */
const SCRATCH: RowCheck = { errors: [], emailKey: '', lead: null, actions: [] };
const NO_ACTIONS: readonly LeadAction[] = Object.freeze([]) as readonly LeadAction[];

/**
 * Checks one row. `reviewed` rows (fixed by hand) skip the cell-count check: the user has seen the
 * values as they are aligned. Empty cells are not sent, so an update never blanks a field by accident.
 * With `build` false only the errors and the email are worked out (the validation pass over a whole file),
 * and the returned object is reused by the next such call: read it before validating another row.
 */
export function validateRow(cm: CompiledMapping, cells: readonly string[], reviewed = false, build = true): RowCheck {
  let errors: CellError[] | null = null;
  if (!reviewed && cells.length !== cm.headers.length) {
    const extra = cells.slice(cm.headers.length).filter((c) => c.trim() !== '');
    // Trailing empty cells (a delimiter at the end of the line) lose nothing; anything else may be shifted.
    if (cells.length < cm.headers.length || extra.length > 0) {
      errors = [
        {
          column: cm.headers[Math.min(cells.length, cm.headers.length) - 1] ?? cm.headers[0] ?? '',
          message: `this row has ${cells.length} cells but the header has ${cm.headers.length}, so its values may be in the wrong columns${extra.length > 0 ? ` (extra: ${extra.map((e) => `"${e.slice(0, 40)}"`).join(', ')})` : ''}; fix the row or exclude it`,
        },
      ];
    }
  }
  const lead: Record<string, unknown> | null = build ? {} : null;
  let custom: { field_identifier: string; field_value: string | string[] }[] | null = null;
  let emailKey = '';
  for (const column of cm.columns) {
    const raw = cells[column.index] ?? '';
    const control = column.freeText ? controlCharProblem(raw) : null;
    if (control) {
      (errors ??= []).push({ column: column.header, message: control });
      continue;
    }
    const value = raw.trim();
    if (value === '' && column.target !== 'email') continue;
    // Free text only has a length limit: checked here rather than through a call per cell. A string has at
    // least as many UTF-16 units as characters, so nothing over the limit in characters slips past.
    const checked = column.freeText ? (value.length > column.checkAbove ? column.rule(value) : value) : column.rule(value);
    if (checked instanceof Problem) {
      (errors ??= []).push({ column: column.header, message: checked.message });
      continue;
    }
    if (column.target === 'email') emailKey = value.toLowerCase();
    if (!lead) continue;
    if (column.custom) (custom ??= []).push({ field_identifier: column.field, field_value: checked });
    else lead[column.field as LeadTextField | 'email'] = checked;
  }
  let actions: LeadAction[] | null = null;
  if (cm.actionColumns.length > 0) {
    let count = 0;
    for (const column of cm.actionColumns) {
      const raw = cells[column.index] ?? '';
      const names = splitList(raw);
      if (names.length === 0) continue;
      const problem = controlCharProblem(raw) ?? listProblem(names);
      if (problem) {
        (errors ??= []).push({ column: column.header, message: problem });
        continue;
      }
      count += names.length;
      if (count > MAX_ROW_VALUES) {
        (errors ??= []).push({ column: column.header, message: `this row names ${count}+ tags, lists and sequences; one call per lead carries at most ${MAX_ROW_VALUES}` });
        break;
      }
      if (lead) for (const name of names) (actions ??= []).push(actionFor(column.action!, name));
    }
  }
  if (!lead) {
    SCRATCH.errors = errors ?? (NO_ERRORS as CellError[]);
    SCRATCH.emailKey = emailKey;
    return SCRATCH;
  }
  if (custom) lead.custom_fields = custom;
  return {
    errors: errors ?? (NO_ERRORS as CellError[]),
    emailKey,
    lead: errors === null ? (lead as CreateLeadData) : null,
    actions: actions ?? (NO_ACTIONS as LeadAction[]),
  };
}
