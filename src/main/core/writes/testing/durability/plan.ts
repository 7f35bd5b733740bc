// Seeded plans of lead changes for the durability test and the replay benchmark: each change is one UI command
// (leads.applyActions / leads.edit / leads.create), and the outbox items it must leave behind.
import { isDeepStrictEqual } from 'node:util';
import type { LeadAction } from '../../../../../shared/domain/actions';
import type { LeadRef } from '../../../../../shared/domain/lead';
import type { CreateLeadInput, EditLeadChanges } from '../../../../../shared/domain/lead-input';
import type { OutboxChange } from '../../../../../shared/domain/outbox';
import type { SandboxCatalog, SandboxLeadState } from '../../../sandbox';
import { applyChange, keyOf, modelOf, newLeadModel, type LeadModel } from './model';

import type { PlannedChange } from './planned-change';
import { createRng } from '../../../sandbox/rng';

export type { PlannedChange } from './planned-change';

/** The contract command (and its input) the UI would send for this change. */
export function commandOf(change: PlannedChange): { command: 'leads.applyActions' | 'leads.edit' | 'leads.create'; input: unknown } {
  switch (change.kind) {
    case 'actions':
      return { command: 'leads.applyActions', input: { lead: change.lead, actions: change.actions } };
    case 'edit':
      return { command: 'leads.edit', input: { lead: change.lead, changes: change.changes, seen: change.seen, actions: change.actions } };
    case 'create':
      return { command: 'leads.create', input: { lead: change.lead, actions: change.actions } };
  }
}

/** The outbox items one accepted command writes, in order (the lead services queue exactly these). */
export function outboxChangesOf(change: PlannedChange): OutboxChange[] {
  const actions = change.actions.map((action): OutboxChange => ({ kind: 'action', action }));
  if (change.kind === 'create') return [{ kind: 'create', lead: change.lead }, ...actions];
  if (change.kind === 'edit') return [{ kind: 'edit', changes: change.changes }, ...actions];
  return actions;
}

/**
 * How many changes of the plan a previous run recorded: the outbox must hold exactly the items of the first
 * N changes, in order (nothing has been sent yet). Anything else means the outbox lost or reordered a change.
 */
export function recordedPrefix(plan: PlannedChange[], outbox: { change: OutboxChange }[]): { changes: number; items: number } {
  let at = 0;
  let changes = 0;
  for (const change of plan) {
    const wanted = outboxChangesOf(change);
    if (at + wanted.length > outbox.length) break;
    wanted.forEach((w, k) => {
      const found = outbox[at + k]!.change;
      if (!isDeepStrictEqual(found, w)) throw new Error(`outbox item ${at + k} is ${JSON.stringify(found)}, expected ${JSON.stringify(w)} (change ${changes})`);
    });
    at += wanted.length;
    changes++;
  }
  if (at !== outbox.length) throw new Error(`the outbox holds ${outbox.length - at} item(s) that belong to no whole change of the plan`);
  return { changes, items: at };
}


export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = createRng(seed).next;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** The names the plan draws from: few of each, so changes to the same tag/list/sequence of a lead meet often. */
export interface PlanCatalog {
  tags: string[];
  lists: string[];
  sequences: { name: string; steps: string[] }[];
  /** A text custom field (input_field) of the account. */
  textField: string;
}

export function planCatalog(catalog: SandboxCatalog, size = { tags: 5, lists: 3, sequences: 2 }): PlanCatalog {
  const textField = catalog.customFields.find((f) => f.type === 'input_field');
  if (!textField) throw new Error(`account ${catalog.label} has no text custom field to edit`);
  return {
    tags: catalog.tags.slice(0, size.tags).map((t) => t.name),
    lists: catalog.lists.slice(0, size.lists).map((l) => l.name),
    sequences: catalog.sequences.slice(0, size.sequences).map((s) => ({ name: s.name, steps: s.steps })),
    textField: textField.identifier,
  };
}

/** Relative weights of the kinds of change; `points` covers give and remove. */
export interface PlanMix {
  tag: number;
  list: number;
  sequence: number;
  points: number;
  edit: number;
}

export const DEFAULT_MIX: PlanMix = { tag: 30, list: 18, sequence: 12, points: 20, edit: 20 };

function weighted(rng: Rng, mix: PlanMix): keyof PlanMix {
  const entries = Object.entries(mix) as [keyof PlanMix, number][];
  let roll = rng.next() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [kind, weight] of entries) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return entries[entries.length - 1]![0];
}

/** One random action or edit on a lead, with `seen` taken from the lead as the UI shows it (queued changes included). */
function randomChange(rng: Rng, n: number, lead: LeadModel, ref: LeadRef, names: PlanCatalog, mix: PlanMix): PlannedChange {
  const one = (action: LeadAction): PlannedChange => ({ kind: 'actions', lead: ref, actions: [action] });
  switch (weighted(rng, mix)) {
    case 'tag': {
      const tag = rng.pick(names.tags);
      return one(rng.next() < 0.6 ? { cmd: 'assign_tag', tag_name: tag } : { cmd: 'unassign_tag', tag_name: tag });
    }
    case 'list': {
      const list = rng.pick(names.lists);
      return one(rng.next() < 0.55 ? { cmd: 'subscribe_lead_to_list', list_name: list } : { cmd: 'unsubscribe_lead_from_list', list_name: list });
    }
    case 'sequence': {
      const sequence = rng.pick(names.sequences);
      return one(
        rng.next() < 0.7
          ? { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: sequence.name, step: rng.pick(sequence.steps) }
          : { cmd: 'unsubscribe_lead_from_sequence', sequence_name: sequence.name },
      );
    }
    case 'points':
      // Removals are large enough to hit the floor of 0 on low scores: order and capping must both hold.
      return one(rng.next() < 0.55 ? { cmd: 'give_points_to_lead', points: rng.int(1, 25) } : { cmd: 'remove_points_from_lead', points: rng.int(1, 40) });
    case 'edit': {
      const which = rng.int(0, 2);
      if (which === 0) return { kind: 'edit', lead: ref, changes: { first_name: `First${n}` }, seen: { first_name: lead.firstName }, actions: [] };
      if (which === 1) return { kind: 'edit', lead: ref, changes: { city: `City ${n}` }, seen: { city: lead.city }, actions: [] };
      return {
        kind: 'edit',
        lead: ref,
        changes: { custom_fields: [{ field_identifier: names.textField, field_value: `Value ${n}` }] },
        seen: { [`custom:${names.textField}`]: lead.text },
        actions: [],
      };
    }
  }
}

export interface Plan {
  changes: PlannedChange[];
  /** Starting state of every lead the plan touches (new leads as Kartra creates them), keyed by keyOf(). */
  initial: Map<string, LeadModel>;
}

/** The state every lead must end in: its starting state with the plan's changes applied one by one, in order. */
export function expectedState(plan: Plan): Map<string, LeadModel> {
  const state = new Map([...plan.initial].map(([key, lead]) => [key, structuredClone(lead)]));
  for (const change of plan.changes) applyChange(state, change);
  return state;
}

/**
 * `perLead` changes on each of the given leads (exactly that many each), interleaved at random across leads,
 * every change a single action or a single-field edit: one outbox item per command.
 */
export function planForLeads(seed: number, leads: SandboxLeadState[], names: PlanCatalog, perLead: number, mix: PlanMix = DEFAULT_MIX): Plan {
  const rng = new Rng(seed);
  const initial = new Map(leads.map((l) => [keyOf({ id: l.id }), modelOf(l, names.textField)]));
  const state = new Map([...initial].map(([key, lead]) => [key, structuredClone(lead)]));
  const order = rng.shuffle(leads.flatMap((l) => Array.from({ length: perLead }, () => l.id)));
  const changes = order.map((id, n) => {
    const change = randomChange(rng, n, state.get(keyOf({ id }))!, { id }, names, mix);
    applyChange(state, change);
    return change;
  });
  return { changes, initial };
}

/**
 * Adds `count` new leads to a plan at random places: each a leads.create with chained tags, then (later,
 * addressed by email, as the UI does before Kartra has given the lead an id) an edit and a list subscription.
 */
export function withCreates(plan: Plan, seed: number, count: number, names: PlanCatalog, emailPrefix: string): Plan {
  const rng = new Rng(seed);
  const changes = [...plan.changes];
  const initial = new Map(plan.initial);
  for (let i = 0; i < count; i++) {
    const email = `${emailPrefix}-${i}@example.com`;
    initial.set(keyOf({ email }), newLeadModel(email));
    const create: PlannedChange = {
      kind: 'create',
      lead: { email, first_name: `Created${i}` },
      actions: [
        { cmd: 'assign_tag', tag_name: names.tags[i % names.tags.length]! },
        { cmd: 'assign_tag', tag_name: names.tags[(i + 1) % names.tags.length]! },
      ],
    };
    changes.splice(rng.int(0, Math.floor(changes.length / 2)), 0, create);
    const later: PlannedChange[] = [
      { kind: 'edit', lead: { email }, changes: { city: `Born ${i}` }, seen: { city: '' }, actions: [] },
      { kind: 'actions', lead: { email }, actions: [{ cmd: 'subscribe_lead_to_list', list_name: rng.pick(names.lists) }] },
    ];
    // Each after the previous one, so the lead's own changes keep their order.
    let after = changes.indexOf(create);
    for (const change of later) {
      after = rng.int(after + 1, changes.length);
      changes.splice(after, 0, change);
    }
  }
  return { changes, initial };
}
