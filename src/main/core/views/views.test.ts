// Views through the real core: the lead cache filled from the sandbox over HTTP, then filters (has / has
// not, in / not in, fields, score, GDPR, dates, source, refresh time), sorts, counts, selections and saved
// views checked against the sandbox's own records of the same leads.
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Lead } from '../../../shared/domain/lead';
import type { FilterCondition, SavedView, TableLayout, ViewRow } from '../../../shared/domain/lead-filter';
import type { Core } from '../core-types';
import { AGENCY_ACCOUNT, DEMO_ACCOUNT, SANDBOX_APP_ID, type RunningSandbox } from '../sandbox';
import { connectedCore } from '../jobs/testing/import-test-kit';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';

const h = new CoreHarness();
const apiKey = DEMO_ACCOUNT.apiKey;
let sandbox: RunningSandbox;
let core: Core;
let cached: Lead[];
type Truth = NonNullable<ReturnType<RunningSandbox['inspect']['getLead']>>;
let truth: Truth[];

interface FilterReply {
  rows: ViewRow[];
  total: number;
  capped: boolean;
}
const filter = async (conditions: FilterCondition[], extra: Record<string, unknown> = {}) =>
  valueOf<FilterReply>(await core.handle('views.filter', { filter: { conditions, text: '' }, limit: 500, ...extra }));
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
const truthIds = (pick: (t: Truth) => boolean) => truth.filter(pick).map((t) => t.id).sort();

beforeAll(async () => {
  sandbox = await h.sandbox();
  ({ core } = await connectedCore(h, sandbox));
  // Fill the cache the way the app does: every lead read from Kartra is kept.
  const listed = sandbox.inspect.listLeads({ apiKey }).filter((l) => !l.deleted);
  cached = await Promise.all(listed.map(async (l) => valueOf<Lead>(await core.handle('leads.find', { query: l.id }))));
  truth = listed.map((l) => sandbox.inspect.getLead({ apiKey, id: l.id })!);
}, 60_000);
afterAll(() => h.cleanup());

describe('views.filter', () => {
  it('"has tag VIP and not in list Newsletter" keeps exactly those leads, counted exactly', async () => {
    const reply = await filter([
      { kind: 'tag', op: 'has', name: 'VIP' },
      { kind: 'list', op: 'not_in', name: 'Newsletter' },
    ]);
    const expected = truthIds((t) => t.tags.includes('VIP') && !t.lists.some((l) => l.name === 'Newsletter' && l.active));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(reply.rows)).toEqual(expected);
    expect(reply.total).toBe(expected.length);
    expect(reply.capped).toBe(false);
  });

  it('has-not and not-in are the exact complements, and an unsubscribed list membership counts as not in', async () => {
    const all = truth.length;
    for (const [has, hasNot, pick] of [
      [{ kind: 'tag', op: 'has', name: 'Customer' }, { kind: 'tag', op: 'has_not', name: 'Customer' }, (t: Truth) => t.tags.includes('Customer')],
      [{ kind: 'list', op: 'in', name: 'Newsletter' }, { kind: 'list', op: 'not_in', name: 'Newsletter' }, (t: Truth) => t.lists.some((l) => l.name === 'Newsletter' && l.active)],
    ] as const) {
      const yes = await filter([has]);
      const no = await filter([hasNot]);
      expect(ids(yes.rows)).toEqual(truthIds(pick));
      expect(ids(no.rows)).toEqual(truthIds((t) => !pick(t)));
      expect(yes.total + no.total).toBe(all);
    }
    expect(truth.some((t) => t.lists.some((l) => l.name === 'Newsletter' && !l.active)), 'the demo data has unsubscribed members').toBe(true);
  });

  it('filters by sequence, score range, GDPR status, date joined and source', async () => {
    const seq = truth.find((t) => t.sequences.some((s) => s.status === 'active'))!.sequences.find((s) => s.status === 'active')!.name;
    expect(ids((await filter([{ kind: 'sequence', op: 'in', name: seq }])).rows)).toEqual(
      truthIds((t) => t.sequences.some((s) => s.name === seq && s.status === 'active')),
    );
    expect(ids((await filter([{ kind: 'sequence', op: 'not_in', name: seq }])).rows)).toEqual(
      truthIds((t) => !t.sequences.some((s) => s.name === seq && s.status === 'active')),
    );
    expect(ids((await filter([{ kind: 'score', min: 50, max: 120 }])).rows)).toEqual(truthIds((t) => t.score >= 50 && t.score <= 120));
    expect(ids((await filter([{ kind: 'gdpr', statuses: ['3', '5'] }])).rows)).toEqual(truthIds((t) => ['3', '5'].includes(t.gdpr.status)));
    const days = truth.map((t) => t.dateJoined.slice(0, 10)).sort();
    const [from, to] = [days[50]!, days[200]!];
    expect(ids((await filter([{ kind: 'joined', from, to }])).rows)).toEqual(
      truthIds((t) => t.dateJoined.slice(0, 10) >= from && t.dateJoined.slice(0, 10) <= to),
    );
    expect(ids((await filter([{ kind: 'source', value: 'CHECKOUT' }])).rows)).toEqual(truthIds((t) => t.source === 'checkout'));
    const combined = await filter([
      { kind: 'tag', op: 'has', name: 'Newsletter Subscriber' },
      { kind: 'score', min: 100, max: null },
      { kind: 'source', value: 'single-optin' },
    ]);
    expect(ids(combined.rows)).toEqual(truthIds((t) => t.tags.includes('Newsletter Subscriber') && t.score >= 100 && t.source === 'single-optin'));
  });

  it('filters by a custom field value (text or one of the selected options), empty and not empty', async () => {
    const values = (l: Lead, id: string) => {
      const f = l.custom_fields.find((c) => c.field_identifier === id);
      if (!f) return [];
      return typeof f.value === 'string' ? (f.value ? [f.value] : []) : f.value.map((o) => o.option_value);
    };
    const byId = (pick: (l: Lead) => boolean) => cached.filter(pick).map((l) => l.id).sort();
    const checkbox = cached.flatMap((l) => l.custom_fields).find((f) => f.field_type === 'checkbox' && Array.isArray(f.value) && f.value.length > 1)!;
    const option = (checkbox.value as { option_value: string }[])[1]!.option_value;
    expect(ids((await filter([{ kind: 'field', field: checkbox.field_identifier, op: 'is', value: option.toUpperCase() }])).rows)).toEqual(
      byId((l) => values(l, checkbox.field_identifier).some((v) => v.toLowerCase() === option.toLowerCase())),
    );
    expect(ids((await filter([{ kind: 'field', field: 'job_title', op: 'contains', value: 'found' }])).rows)).toEqual(
      byId((l) => values(l, 'job_title').some((v) => v.toLowerCase().includes('found'))),
    );
    const empty = await filter([{ kind: 'field', field: 'job_title', op: 'empty', value: '' }]);
    const notEmpty = await filter([{ kind: 'field', field: 'job_title', op: 'not_empty', value: '' }]);
    expect(ids(empty.rows)).toEqual(byId((l) => values(l, 'job_title').length === 0));
    expect(empty.total + notEmpty.total).toBe(cached.length);
    // LIKE's wildcards are taken literally.
    expect((await filter([{ kind: 'field', field: 'job_title', op: 'contains', value: '%' }])).total).toBe(0);
  });

  it('sorts by any column, custom fields included, and pages without gaps or repeats', async () => {
    const byScore = await filter([], { sort: { column: 'score', dir: 'desc' } });
    const scores = byScore.rows.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const first = await filter([], { sort: { column: 'field:job_title', dir: 'asc' }, limit: 120 });
    const second = await filter([], { sort: { column: 'field:job_title', dir: 'asc' }, limit: 200, offset: 120 });
    const all = [...first.rows, ...second.rows];
    expect(ids(all)).toEqual(truthIds(() => true));
    const titles = all.map((r) => (r.fields.job_title ?? '').toLowerCase());
    expect(titles).toEqual([...titles].sort());
    expect(first.rows[0]).toMatchObject({ lists: expect.any(Array), joined: expect.any(String), source: expect.any(String) });
  });

  it('combines search words with conditions', async () => {
    const reply = await filter([{ kind: 'tag', op: 'has', name: 'VIP' }], { filter: { text: 'olivia', conditions: [{ kind: 'tag', op: 'has', name: 'VIP' }] } });
    expect(reply.rows.map((r) => r.email)).toContain('olivia.bennett@example.com');
    expect(reply.rows.every((r) => r.tags.includes('VIP') && /olivia/i.test(`${r.name} ${r.email}`))).toBe(true);
  });

  it('keeps facets right when a cached lead changes, and filters by last refresh', async () => {
    const lead = cached.find((l) => !l.tags.includes('VIP'))!;
    expect(ids((await filter([{ kind: 'tag', op: 'has', name: 'VIP' }])).rows)).not.toContain(lead.id);
    valueOf(await core.handle('leads.applyActions', { lead: { id: lead.id }, actions: [{ cmd: 'assign_tag', tag_name: 'VIP' }] }));
    expect(ids((await filter([{ kind: 'tag', op: 'has', name: 'VIP' }])).rows)).toContain(lead.id);
    valueOf(await core.handle('leads.applyActions', { lead: { id: lead.id }, actions: [{ cmd: 'unassign_tag', tag_name: 'VIP' }] }));
    expect(ids((await filter([{ kind: 'tag', op: 'has', name: 'VIP' }])).rows)).not.toContain(lead.id);
    expect((await filter([{ kind: 'refreshed', op: 'within', days: 1 }])).total).toBe(cached.length);
    expect((await filter([{ kind: 'refreshed', op: 'older', days: 1 }])).total).toBe(0);
  });

  it('refuses a bad filter with the field at fault', async () => {
    const bad = errorOf(await core.handle('views.filter', { filter: { conditions: [{ kind: 'score', min: 10, max: 2 }] } }));
    expect(bad).toMatchObject({ code: 'invalid_input' });
    expect(bad.message).toContain('the lowest score must not be above the highest');
    expect(errorOf(await core.handle('views.filter', { filter: {}, sort: { column: 'field:bad name', dir: 'asc' } })).code).toBe('invalid_input');
  });
});

describe('views.counts and selections', () => {
  it('counts cached leads per tag and per active list as the sandbox has them', async () => {
    const counts = valueOf<{ total: number; tags: Record<string, number>; lists: Record<string, number> }>(await core.handle('views.counts', {}));
    expect(counts.total).toBe(truth.length);
    for (const tag of ['VIP', 'Customer', 'Newsletter Subscriber']) expect(counts.tags[tag]).toBe(truth.filter((t) => t.tags.includes(tag)).length);
    for (const list of ['Newsletter', 'Partners']) {
      expect(counts.lists[list]).toBe(truth.filter((t) => t.lists.some((l) => l.name === list && l.active)).length);
    }
  });

  it('a whole-view selection counts every match but the exceptions; an id selection counts cached ids', async () => {
    const view = { text: '', conditions: [{ kind: 'tag', op: 'has', name: 'Customer' }] };
    const matches = (await filter(view.conditions as FilterCondition[])).rows;
    const except = matches.slice(0, 2).map((r) => r.id);
    expect(valueOf<{ count: number }>(await core.handle('views.countSelection', { selection: { kind: 'view', filter: view, except } })).count).toBe(
      matches.length - 2,
    );
    expect(valueOf<{ count: number }>(await core.handle('views.countSelection', { selection: { kind: 'ids', ids: [...except, '99999999'] } })).count).toBe(2);
    const resolved = valueOf<{ ids: string[] }>(await core.handle('views.resolveSelection', { selection: { kind: 'view', filter: view, except } })).ids;
    expect(resolved.sort()).toEqual(ids(matches).filter((id) => !except.includes(id)));
  });
});

describe('saved views and layout', () => {
  afterEach(async () => {
    for (const v of valueOf<{ views: SavedView[] }>(await core.handle('views.list', {})).views) await core.handle('views.delete', { id: v.id });
  });

  it('saves, renames, refuses a clashing name, deletes; per account', async () => {
    const vipFilter = { text: '', conditions: [{ kind: 'tag', op: 'has', name: 'VIP' }] };
    const saved = valueOf<SavedView>(await core.handle('views.save', { name: 'VIPs', filter: vipFilter }));
    expect(saved.filter).toEqual(vipFilter);
    expect(errorOf(await core.handle('views.save', { name: 'vips', filter: vipFilter }))).toMatchObject({ code: 'already_exists' });
    const renamed = valueOf<SavedView>(await core.handle('views.save', { id: saved.id, name: 'Top VIPs', filter: vipFilter }));
    expect(renamed.id).toBe(saved.id);
    expect(valueOf<{ views: SavedView[] }>(await core.handle('views.list', {})).views.map((v) => v.name)).toEqual(['Top VIPs']);
    const layout: TableLayout = { columns: [{ key: 'email', width: 240 }, { key: 'field:job_title', width: 160 }], sort: { column: 'score', dir: 'desc' } };
    valueOf(await core.handle('views.saveLayout', { layout }));
    expect(valueOf<{ layout: TableLayout }>(await core.handle('views.layout', {})).layout).toEqual(layout);

    const agency = valueOf<{ id: string }>(
      await core.handle('accounts.connect', { label: 'Agency', appId: SANDBOX_APP_ID, apiKey: AGENCY_ACCOUNT.apiKey, apiPassword: AGENCY_ACCOUNT.apiPassword, apiUrl: sandbox.url }),
    );
    expect(agency.id).toBeTruthy();
    expect(valueOf<{ views: SavedView[] }>(await core.handle('views.list', {})).views).toEqual([]);
    expect(valueOf<{ layout: TableLayout | null }>(await core.handle('views.layout', {})).layout).toBeNull();
    expect(errorOf(await core.handle('views.delete', { id: saved.id })).code).toBe('not_found');
    const demo = valueOf<{ accounts: { id: string; label: string }[] }>(await core.handle('accounts.list', {})).accounts.find((a) => a.label !== 'Agency')!;
    valueOf(await core.handle('accounts.switch', { id: demo.id }));
    expect(valueOf<{ views: SavedView[] }>(await core.handle('views.delete', { id: saved.id })).views).toEqual([]);
  });
});
