// For the fault-injection test: a seeded plan of mixed lead writes, how each write ended, and what the server's state may therefore be.
//
// The model keeps, per lead, the set of values each observable key may have given how the writes
// ended: a write that was done fixes its value, one Kartra refused (or the verifier found not applied) changes
// nothing, and one whose fate is unknown (not settled by the verifier, a TransportError after sending) adds its value as a
// possibility. Points are additive, so a write applied twice shows in the score: the score must be
// the points of the done writes plus some subset of the uncertain ones — never more.
import type { SandboxLeadState } from '../../../sandbox';
import { KartraApiError, TransportError } from '../../errors';
import { UncertainWriteError } from '../../uncertain-write-error';
import { createRng } from '../../../sandbox/rng';

export type FaultOp =
  | { kind: 'create'; tag: string }
  | { kind: 'edit'; city: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'untag'; tag: string }
  | { kind: 'list'; list: string }
  | { kind: 'points'; points: number }
  | { kind: 'sequence'; sequence: string; step: string };

export interface LeadPlan {
  email: string;
  ops: FaultOp[];
}

export interface PlanCatalog {
  tags: string[];
  lists: string[];
  sequences: { name: string; steps: string[] }[];
}


/** `leads` leads, each created first (with a chained tag), then `perLead - 1` mixed writes. */
export function planWrites(seed: number, leads: number, perLead: number, catalog: PlanCatalog, emailOf: (i: number) => string): LeadPlan[] {
  const random = createRng(seed).next;
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(random() * list.length)];
    if (item === undefined) throw new Error('planWrites needs a non-empty catalog');
    return item;
  };
  const kinds: Exclude<FaultOp['kind'], 'create'>[] = ['edit', 'tag', 'untag', 'list', 'points', 'sequence'];
  return Array.from({ length: leads }, (_, i) => {
    const ops: FaultOp[] = [{ kind: 'create', tag: pick(catalog.tags) }];
    for (let n = 1; n < perLead; n++) {
      const kind = pick(kinds);
      if (kind === 'edit') ops.push({ kind, city: `City ${i}-${n}` });
      else if (kind === 'tag' || kind === 'untag') ops.push({ kind, tag: pick(catalog.tags) });
      else if (kind === 'list') ops.push({ kind, list: pick(catalog.lists) });
      else if (kind === 'points') ops.push({ kind, points: 1 + Math.floor(random() * 20) });
      else {
        const sequence = pick(catalog.sequences);
        ops.push({ kind: 'sequence', sequence: sequence.name, step: pick(sequence.steps) });
      }
    }
    return { email: emailOf(i), ops };
  });
}

export type WriteOutcome =
  | { kind: 'done' }
  | { kind: 'refused'; type: string }
  /** The outcome was unknown, and the verifier read the lead and found none of the write applied. */
  | { kind: 'not_applied' }
  | { kind: 'uncertain' }
  | { kind: 'transport'; sent: boolean }
  | { kind: 'unnamed'; error: unknown };

/** How a write ended: done, or one of the named failures the client promises; anything else is a bug. */
export function classify(error: unknown): WriteOutcome {
  if (error instanceof KartraApiError && error.type !== '') return { kind: 'refused', type: error.type };
  if (error instanceof UncertainWriteError) return { kind: 'uncertain' };
  if (error instanceof TransportError) return { kind: 'transport', sent: error.sent };
  return { kind: 'unnamed', error };
}

const YES = 'yes';
const NO = 'no';

/** The values a lead's keys may hold, given the writes made so far and how they ended. */
export class LeadModel {
  readonly #possible = new Map<string, Set<string>>();
  /** Points of give_points writes that were done (must all be in the score). */
  #surePoints = 0;
  /** Points of give_points writes whose fate is unknown (each may or may not be in the score). */
  readonly #maybePoints: number[] = [];

  record(op: FaultOp, outcome: WriteOutcome): void {
    const applied = outcome.kind === 'done';
    const unknown = outcome.kind === 'uncertain' || (outcome.kind === 'transport' && outcome.sent);
    if (!applied && !unknown) return; // refused by Kartra, or never sent: nothing happened
    if (op.kind === 'points') {
      if (applied) this.#surePoints += op.points;
      else this.#maybePoints.push(op.points);
    }
    // Only an existing lead can have taken a write.
    const effects: [string, string][] = applied ? [['exists', YES]] : [];
    if (op.kind === 'create') effects.push(['exists', YES], [`tag:${op.tag}`, YES]);
    if (op.kind === 'edit') effects.push(['city', op.city]);
    if (op.kind === 'tag') effects.push([`tag:${op.tag}`, YES]);
    if (op.kind === 'untag') effects.push([`tag:${op.tag}`, NO]);
    if (op.kind === 'list') effects.push([`list:${op.list}`, YES]);
    if (op.kind === 'sequence') effects.push([`seq:${op.sequence}`, op.step]);
    for (const [key, value] of effects) {
      if (applied) this.#possible.set(key, new Set([value]));
      else this.#set(key).add(value);
    }
  }

  /** Problems with the lead's stored state (null = no such lead); [] when it is one the writes allow. */
  check(state: SandboxLeadState | null): string[] {
    const problems: string[] = [];
    const expectOne = (key: string, actual: string) => {
      const allowed = this.#set(key);
      if (!allowed.has(actual)) problems.push(`${key} is ${JSON.stringify(actual)}, allowed: ${JSON.stringify([...allowed])}`);
    };
    expectOne('exists', state ? YES : NO);
    if (!state) return problems;
    const keys = new Set([
      ...this.#possible.keys(),
      ...state.tags.map((t) => `tag:${t}`),
      ...state.lists.map((l) => `list:${l.name}`),
      ...state.sequences.map((s) => `seq:${s.name}`),
      'city',
    ]);
    for (const key of keys) {
      if (key === 'exists') continue;
      const [kind, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      if (key === 'city') expectOne(key, state.profile.city);
      else if (kind === 'tag') expectOne(key, state.tags.includes(name) ? YES : NO);
      else if (kind === 'list') expectOne(key, state.lists.some((l) => l.name === name && l.active) ? YES : NO);
      else if (kind === 'seq') expectOne(key, state.sequences.find((s) => s.name === name && s.status === 'active')?.step ?? '');
    }
    const extra = state.score - this.#surePoints;
    if (!subsetSums(this.#maybePoints).has(extra)) {
      problems.push(`score is ${state.score}: ${this.#surePoints} from confirmed writes plus ${extra}, which no subset of the uncertain gives ${JSON.stringify(this.#maybePoints)} makes`);
    }
    return problems;
  }

  #set(key: string): Set<string> {
    let set = this.#possible.get(key);
    if (!set) {
      // Untouched: a new lead has no tags, lists, sequences, city.
      set = new Set([key === 'city' || key.startsWith('seq:') ? '' : NO]);
      this.#possible.set(key, set);
    }
    return set;
  }
}

function subsetSums(values: readonly number[]): Set<number> {
  let sums = new Set([0]);
  for (const v of values) sums = new Set([...sums, ...[...sums].map((s) => s + v)]);
  return sums;
}
