import { describe, expect, it } from 'vitest';
import { ACCOUNT_IDS } from '../auth';
import { createClock } from '../est-time';
import { AGENCY_ACCOUNT, DEMO_ACCOUNT, DEMO_LEAD_EMAIL, KARTRA_TIME_ZONES, startSandbox, TEXT_AREA_MAX } from '../index';
import { openState } from '../store/state';
import { bootstrapState, DEMO_SALES_NOTES } from './seed';

describe('demo seed', () => {
  it('seeds both accounts in well under a second', () => {
    const state = openState(createClock());
    const started = performance.now();
    bootstrapState(state, true);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(state.leads.list(ACCOUNT_IDS.demo, true)).toHaveLength(300);
    expect(state.leads.list(ACCOUNT_IDS.agency, true)).toHaveLength(40);
    state.db.close();
  });

  it('is deterministic and realistic', async () => {
    const [a, b] = await Promise.all([startSandbox({ rate: 0 }), startSandbox({ rate: 0 })]);
    try {
      const leadsA = a.inspect.listLeads({ apiKey: DEMO_ACCOUNT.apiKey });
      expect(b.inspect.listLeads({ apiKey: DEMO_ACCOUNT.apiKey })).toEqual(leadsA);
      const states = leadsA.map((l) => a.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, id: l.id })!);
      expect(new Set(states.map((s) => s.email)).size).toBe(300);
      expect(new Set(states.map((s) => s.profile.country)).size).toBeGreaterThanOrEqual(20);
      expect(new Set(states.map((s) => `${s.profile.first_name} ${s.profile.last_name}`)).size).toBeGreaterThan(250);
      expect(new Set(states.map((s) => s.profile.city)).size).toBeGreaterThan(40);
      const zones = new Set<string>(KARTRA_TIME_ZONES);
      for (const s of states) {
        if (s.profile.lead_preferred_time_zone) expect(zones.has(s.profile.lead_preferred_time_zone)).toBe(true);
        expect(s.email).toMatch(/^[a-z0-9.]+@[a-z.]*example\.(com|org|net)$/);
      }
      const joined = states.map((s) => Date.parse(s.dateJoined.replace(' ', 'T') + 'Z'));
      expect(Math.max(...joined) - Math.min(...joined)).toBeGreaterThan(600 * 86_400_000);
      expect(states.filter((s) => s.tags.length > 0).length).toBeGreaterThan(200);
      expect(states.filter((s) => s.lists.some((l) => !l.active)).length).toBeGreaterThan(5);
      expect(states.filter((s) => s.sequences.length > 0).length).toBeGreaterThan(80);
      expect(states.filter((s) => s.calendars.length > 0).length).toBeGreaterThan(5);
      expect(new Set(states.map((s) => s.score)).size).toBeGreaterThan(50);
      const withValues = (type: string) => {
        const field = a.inspect.catalog({ apiKey: DEMO_ACCOUNT.apiKey }).customFields.find((f) => f.type === type)!;
        return states.filter((s) => (s.customFields[field.identifier] ?? '').length > 0).length;
      };
      for (const type of ['input_field', 'text_area', 'drop_down', 'radio_button', 'checkbox']) expect(withValues(type)).toBeGreaterThan(5);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('has the catalog, payments and demo lead the docs promise', async () => {
    const sb = await startSandbox({ rate: 0 });
    try {
      const cat = sb.inspect.catalog({ apiKey: DEMO_ACCOUNT.apiKey });
      expect(cat.tags).toHaveLength(15);
      expect(cat.lists).toHaveLength(6);
      expect(cat.sequences).toHaveLength(4);
      for (const s of cat.sequences) expect(s.steps.length).toBeGreaterThanOrEqual(3);
      expect(cat.calendars.filter((c) => c.complete)).toHaveLength(3);
      expect(cat.customFields).toHaveLength(8);
      expect(cat.pages.length).toBeGreaterThan(0);
      const txs = sb.inspect.transactions({ apiKey: DEMO_ACCOUNT.apiKey });
      expect(txs.length).toBeGreaterThanOrEqual(50);
      expect(txs.length).toBeLessThanOrEqual(80);
      expect(new Set(txs.map((t) => t.type))).toEqual(new Set(['sale', 'rebill', 'refund', 'partial_refund', 'failed', 'chargeback', 'cancellation']));
      const subs = sb.inspect.subscriptions({ apiKey: DEMO_ACCOUNT.apiKey });
      expect(subs).toHaveLength(15);
      expect(new Set(subs.map((s) => s.status))).toEqual(new Set(['Active', 'Paused', 'Cancelled', 'Terminated']));
      expect(new Set(subs.map((s) => s.gateway))).toEqual(new Set(['stripe', 'paypal']));

      const demo = sb.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, email: DEMO_LEAD_EMAIL })!;
      expect(demo.tags.length).toBeGreaterThanOrEqual(2);
      expect(demo.lists.filter((l) => l.active).length).toBeGreaterThanOrEqual(1);

      const agency = sb.inspect.listLeads({ apiKey: AGENCY_ACCOUNT.apiKey });
      expect(agency).toHaveLength(40);
      const demoIds = new Set(sb.inspect.listLeads({ apiKey: DEMO_ACCOUNT.apiKey }).map((l) => l.id));
      expect(agency.filter((l) => demoIds.has(l.id))).toEqual([]);
      expect(sb.inspect.getLead({ apiKey: AGENCY_ACCOUNT.apiKey, email: DEMO_LEAD_EMAIL })).toBeNull();
      const agencyCat = sb.inspect.catalog({ apiKey: AGENCY_ACCOUNT.apiKey });
      expect(agencyCat.tags.length).toBeLessThan(cat.tags.length);
      expect(agencyCat.tags.map((t) => t.name)).not.toContain('Customer');
    } finally {
      await sb.close();
    }
  });

  it('tells its story within what Kartra keeps: every text area fits 365 characters; the demo lead notes her booking', async () => {
    const sb = await startSandbox({ rate: 0 });
    try {
      const apiKey = DEMO_ACCOUNT.apiKey;
      const areas = sb.inspect.catalog({ apiKey }).customFields.filter((f) => f.type === 'text_area').map((f) => f.identifier);
      for (const { id } of sb.inspect.listLeads({ apiKey })) {
        const fields = sb.inspect.getLead({ apiKey, id })!.customFields;
        for (const area of areas) expect([...(fields[area] as string)].length).toBeLessThanOrEqual(TEXT_AREA_MAX);
      }
      const demo = sb.inspect.getLead({ apiKey, email: DEMO_LEAD_EMAIL })!;
      expect(demo.customFields.sales_notes).toBe(DEMO_SALES_NOTES);
      expect(demo.calendars).toContainEqual(expect.objectContaining({ calendar: 'Discovery Calls', className: 'Strategy session' }));
      expect(demo.sequences).toContainEqual({ name: 'Customer Onboarding', step: '2', status: 'active' });
    } finally {
      await sb.close();
    }
  });

  it('seed: false leaves the accounts empty but usable', async () => {
    const sb = await startSandbox({ seed: false, rate: 0 });
    try {
      expect(sb.inspect.listLeads({ apiKey: DEMO_ACCOUNT.apiKey })).toEqual([]);
      expect(sb.inspect.catalog({ apiKey: DEMO_ACCOUNT.apiKey }).tags).toEqual([]);
    } finally {
      await sb.close();
    }
  });
});
