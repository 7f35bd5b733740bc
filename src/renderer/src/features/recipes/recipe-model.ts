// The recipe form's model: a draft (its conditions; tags, lists, sequence at a step, points, calendar to add; tags,
// lists, sequences, points to remove; fields to clear) ⇄ Kartra actions, conditions and fields, with its checks.
import { LeadAction } from '../../../../shared/domain/actions';
import { MAX_RECIPE_CLEAR, type Recipe } from '../../../../shared/domain/import';
import { MAX_RECIPE_CONDITIONS, type RecipeCondition } from '../../../../shared/domain/recipe-conditions';
import { conditionRows, toCondition, type ConditionDraft } from './condition-draft';

export interface RecipeDraft {
  id?: string;
  name: string;
  tags: string[];
  lists: string[];
  sequence: string | null;
  step: string;
  points: number;
  calendar: string;
  calendarClass: string;
  untags: string[];
  leaveLists: string[];
  leaveSequences: string[];
  removePoints: number;
  /** Fields emptied by the recipe: a field name, or `custom:<identifier>`. */
  clear: string[];
  /** "Only for leads that …", all of them ("and"). */
  conditions: ConditionDraft[];
  /** Actions this form does not edit (e.g. a second sequence, points that expire): kept as they are. */
  other: LeadAction[];
}

export const EMPTY_RECIPE: RecipeDraft = {
  name: '', tags: [], lists: [], sequence: null, step: '1', points: 0, calendar: '', calendarClass: '',
  untags: [], leaveLists: [], leaveSequences: [], removePoints: 0, clear: [], conditions: [], other: [],
};

export function draftOf(recipe: Recipe): RecipeDraft {
  const draft: RecipeDraft = {
    ...EMPTY_RECIPE, id: recipe.id, name: recipe.name, tags: [], lists: [], untags: [], leaveLists: [], leaveSequences: [], other: [],
    clear: [...(recipe.clear ?? [])],
    conditions: (recipe.conditions ?? []).flatMap(conditionRows),
  };
  for (const action of recipe.actions) {
    if (action.cmd === 'assign_tag') draft.tags.push(action.tag_name);
    else if (action.cmd === 'subscribe_lead_to_list') draft.lists.push(action.list_name);
    else if (action.cmd === 'unassign_tag') draft.untags.push(action.tag_name);
    else if (action.cmd === 'unsubscribe_lead_from_list') draft.leaveLists.push(action.list_name);
    else if (action.cmd === 'unsubscribe_lead_from_sequence') draft.leaveSequences.push(action.sequence_name);
    else if (action.cmd === 'remove_points_from_lead' && draft.removePoints === 0) draft.removePoints = action.points;
    else if (action.cmd === 'subscribe_lead_to_sequence_at_step' && draft.sequence === null) {
      draft.sequence = action.sequence_name;
      draft.step = action.step;
    } else if (action.cmd === 'give_points_to_lead' && action.expiration === undefined && draft.points === 0) draft.points = action.points;
    else if (action.cmd === 'calendar_subscribe' && !draft.calendar && !action.starting_date && !action.starting_hour) {
      draft.calendar = action.calendar_name;
      draft.calendarClass = action.class_name;
    } else draft.other.push(action);
  }
  return draft;
}

export function actionsOf(draft: RecipeDraft): LeadAction[] {
  const actions: LeadAction[] = [
    ...draft.tags.map((tag_name): LeadAction => ({ cmd: 'assign_tag', tag_name })),
    ...draft.lists.map((list_name): LeadAction => ({ cmd: 'subscribe_lead_to_list', list_name })),
  ];
  if (draft.sequence) actions.push({ cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: draft.sequence, step: draft.step.trim() });
  if (draft.points > 0) actions.push({ cmd: 'give_points_to_lead', points: draft.points });
  if (draft.calendar.trim() || draft.calendarClass.trim()) {
    actions.push({ cmd: 'calendar_subscribe', calendar_name: draft.calendar.trim(), class_name: draft.calendarClass.trim() });
  }
  actions.push(
    ...draft.untags.map((tag_name): LeadAction => ({ cmd: 'unassign_tag', tag_name })),
    ...draft.leaveLists.map((list_name): LeadAction => ({ cmd: 'unsubscribe_lead_from_list', list_name })),
    ...draft.leaveSequences.map((sequence_name): LeadAction => ({ cmd: 'unsubscribe_lead_from_sequence', sequence_name })),
  );
  if (draft.removePoints > 0) actions.push({ cmd: 'remove_points_from_lead', points: draft.removePoints });
  return [...actions, ...draft.other];
}

/** The draft's conditions for the contract; rows that are not complete are left out (recipeErrors names them). */
export function conditionsOf(draft: RecipeDraft): RecipeCondition[] {
  return draft.conditions.map(toCondition).flatMap((r) => ('condition' in r ? [r.condition] : []));
}

export type RecipeErrors = Partial<Record<'name' | 'actions' | 'step' | 'points' | 'removePoints' | 'calendar' | 'conditions' | 'clear', string>>;

/** Field errors for the form; empty when it can be saved. */
export function recipeErrors(draft: RecipeDraft): RecipeErrors {
  const errors: RecipeErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Give the recipe a name.';
  else if (name.length > 80) errors.name = 'Keep the name under 80 characters.';
  if (draft.sequence && draft.step.trim() === '') errors.step = 'Type the step: the box number in Kartra’s sequence builder.';
  else if (draft.sequence && !/^[A-Za-z0-9]+$/.test(draft.step.trim())) errors.step = 'The step is a number or code of letters and digits.';
  if (!Number.isInteger(draft.points) || draft.points < 0) errors.points = 'Points are a whole number, 0 or more.';
  if (!Number.isInteger(draft.removePoints) || draft.removePoints < 0) errors.removePoints = 'Points are a whole number, 0 or more.';
  const badRow = draft.conditions.map(toCondition).findIndex((r) => 'error' in r);
  if (badRow >= 0) {
    const result = toCondition(draft.conditions[badRow]!);
    errors.conditions = `Condition ${badRow + 1}: ${'error' in result ? result.error : ''}`;
  } else if (draft.conditions.length > MAX_RECIPE_CONDITIONS) errors.conditions = `A recipe takes at most ${MAX_RECIPE_CONDITIONS} conditions.`;
  if (Boolean(draft.calendar.trim()) !== Boolean(draft.calendarClass.trim())) errors.calendar = 'A calendar needs both its name and the class.';
  if (draft.clear.length > MAX_RECIPE_CLEAR) errors.clear = `A recipe clears at most ${MAX_RECIPE_CLEAR} fields; this one has ${draft.clear.length}.`;
  const actions = actionsOf(draft);
  if (actions.length === 0 && draft.clear.length === 0) errors.actions = 'Add at least one action: add or remove a tag, a list, a sequence or points, book a calendar, or clear a field.';
  else if (actions.length > 20) errors.actions = `A recipe holds at most 20 actions; this one has ${actions.length}.`;
  else if (Object.keys(errors).length === 0) {
    const bad = actions.map((a) => LeadAction.safeParse(a)).find((r) => !r.success);
    if (bad && !bad.success) errors.actions = bad.error.issues[0]?.message ?? 'An action is not valid.';
  }
  return errors;
}

/** Plain-language summary of a recipe: the fields it clears (`label` names one in words), then its actions. */
export function describeRecipe(recipe: { actions: readonly LeadAction[]; clear?: readonly string[] }, label: (field: string) => string): string {
  const clear = recipe.clear?.length ? [`clear ${recipe.clear.map(label).join(', ')}`] : [];
  return [...clear, describeActions(recipe.actions)].filter(Boolean).join(', ');
}

/** Plain-language summary of a recipe's actions. */
export function describeActions(actions: readonly LeadAction[]): string {
  return actions
    .map((a) => {
      switch (a.cmd) {
        case 'assign_tag': return `tag “${a.tag_name}”`;
        case 'unassign_tag': return `remove tag “${a.tag_name}”`;
        case 'subscribe_lead_to_list': return `list “${a.list_name}”`;
        case 'unsubscribe_lead_from_list': return `leave list “${a.list_name}”`;
        case 'subscribe_lead_to_sequence_at_step': return `sequence “${a.sequence_name}” at step ${a.step}`;
        case 'unsubscribe_lead_from_sequence': return `leave sequence “${a.sequence_name}”`;
        case 'give_points_to_lead': return `+${a.points} points`;
        case 'remove_points_from_lead': return `−${a.points} points`;
        case 'calendar_subscribe': return `calendar “${a.calendar_name}” / ${a.class_name}`;
        case 'calendar_cancel': return `cancel calendar “${a.calendar_name}”`;
      }
    })
    .join(', ');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Pasted emails, one per line (commas and semicolons too): the valid ones (deduplicated) and the lines that are not emails. */
export function parseEmails(text: string): { emails: string[]; invalid: string[] } {
  const emails: string[] = [];
  const seen = new Set<string>();
  const invalid: string[] = [];
  for (const raw of text.split(/[\n,;]+/)) {
    const value = raw.trim();
    if (!value) continue;
    if (!EMAIL.test(value)) invalid.push(value);
    else if (!seen.has(value.toLowerCase())) {
      seen.add(value.toLowerCase());
      emails.push(value);
    }
  }
  return { emails, invalid };
}
