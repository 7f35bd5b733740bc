// The seeded plans behind the durability test: fair per-lead shares, creates before their follow-ups, exact outbox prefixes.
import { describe, expect, it } from 'vitest';
import type { SandboxLeadState } from '../../../sandbox';
import { keyOf, modelOf } from './model';
import { commandOf, outboxChangesOf, planForLeads, recordedPrefix, Rng, withCreates, type PlanCatalog, type PlannedChange } from './plan';

const names: PlanCatalog = { tags: ['A', 'B'], lists: ['L'], sequences: [{ name: 'S', steps: ['1', '2'] }], textField: 'job_title' };

const lead = (id: string, over: Partial<SandboxLeadState> = {}) =>
  ({
    id,
    email: `${id}@example.com`,
    score: 3,
    profile: { first_name: 'Ann', city: 'Oslo' },
    customFields: { job_title: 'Chef' },
    tags: [],
    lists: [],
    sequences: [],
    ...over,
  }) as unknown as SandboxLeadState;

describe('durability plans', () => {
  it('gives every lead exactly its share of changes, the same for the same seed, with seen values as the UI shows them', () => {
    const leads = [lead('1'), lead('2'), lead('3')];
    const plan = planForLeads(9, leads, names, 7);
    expect(plan.changes).toHaveLength(21);
    for (const l of leads) expect(plan.changes.filter((c) => c.kind !== 'create' && c.lead.id === l.id)).toHaveLength(7);
    expect(planForLeads(9, leads, names, 7).changes).toEqual(plan.changes);
    expect(planForLeads(10, leads, names, 7).changes).not.toEqual(plan.changes);
    // The first edit of a field on a lead saw the lead's own value.
    const firstCity = plan.changes.find((c): c is Extract<PlannedChange, { kind: 'edit' }> => c.kind === 'edit' && c.changes.city !== undefined);
    if (firstCity) expect(firstCity.seen.city).toBe(modelOf(leads.find((l) => l.id === firstCity.lead.id)!, 'job_title').city);
  });

  it('creates come before the changes addressed to their email', () => {
    const plan = withCreates(planForLeads(1, [lead('1')], names, 10), 1, 3, names, 'p');
    expect(plan.initial.has(keyOf({ email: 'p-0@example.com' }))).toBe(true);
    for (let i = 0; i < 3; i++) {
      const email = `p-${i}@example.com`;
      const at = plan.changes.findIndex((c) => c.kind === 'create' && c.lead.email === email);
      const later = plan.changes.flatMap((c, n) => (c.kind !== 'create' && c.lead.email === email ? [n] : []));
      expect(later).toHaveLength(2);
      expect(later.every((n) => n > at)).toBe(true);
    }
  });

  it('maps each change to its contract command and to the outbox items it writes', () => {
    const create: PlannedChange = { kind: 'create', lead: { email: 'n@example.com' }, actions: [{ cmd: 'assign_tag', tag_name: 'A' }] };
    expect(commandOf(create)).toEqual({ command: 'leads.create', input: { lead: { email: 'n@example.com' }, actions: [{ cmd: 'assign_tag', tag_name: 'A' }] } });
    expect(outboxChangesOf(create)).toEqual([
      { kind: 'create', lead: { email: 'n@example.com' } },
      { kind: 'action', action: { cmd: 'assign_tag', tag_name: 'A' } },
    ]);
    const edit: PlannedChange = { kind: 'edit', lead: { id: '1' }, changes: { city: 'X' }, seen: { city: 'Y' }, actions: [] };
    expect(commandOf(edit).command).toBe('leads.edit');
    expect(outboxChangesOf(edit)).toEqual([{ kind: 'edit', changes: { city: 'X' } }]);
  });

  it('finds how many changes an outbox holds, and refuses an outbox that lost, reordered or cut a change', () => {
    const plan: PlannedChange[] = [
      { kind: 'actions', lead: { id: '1' }, actions: [{ cmd: 'assign_tag', tag_name: 'A' }] },
      { kind: 'create', lead: { email: 'n@example.com' }, actions: [{ cmd: 'assign_tag', tag_name: 'B' }] },
      { kind: 'actions', lead: { id: '1' }, actions: [{ cmd: 'give_points_to_lead', points: 2 }] },
    ];
    const items = plan.flatMap(outboxChangesOf).map((change) => ({ change }));
    expect(recordedPrefix(plan, [])).toEqual({ changes: 0, items: 0 });
    expect(recordedPrefix(plan, items.slice(0, 3))).toEqual({ changes: 2, items: 3 });
    expect(recordedPrefix(plan, items)).toEqual({ changes: 3, items: 4 });
    expect(() => recordedPrefix(plan, items.slice(0, 2))).toThrow(/belong to no whole change/);
    expect(() => recordedPrefix(plan, [items[1]!, items[0]!, items[2]!])).toThrow(/outbox item 0/);
  });

  it('draws the same numbers from the same seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const draws = Array.from({ length: 5 }, () => a.int(1, 100));
    expect(Array.from({ length: 5 }, () => b.int(1, 100))).toEqual(draws);
    expect(draws.every((n) => n >= 1 && n <= 100)).toBe(true);
  });
});
