// Fills the accounts with deterministic, realistic demo data (leads with tags, lists, sequences, custom values,
// bookings, memberships, payments) and makes sure the fixed accounts exist.
import { ACCOUNT_IDS, ACCOUNT_ROWS } from '../auth';
import { DAY_MS, formatEst } from '../est-time';
import { createRng, type Rng } from '../rng';
import { hasOptions } from '../store/catalog-store';
import type { LeadValues } from '../store/lead-store';
import type { SandboxState } from '../store/state';
import { AGENCY_CATALOG, DEMO_CATALOG, GOALS, JOB_TITLES, NOTES, type CatalogData } from './catalog-data';
import { COMPANIES, COUNTRIES, EMAIL_DOMAINS, type CountryData } from './people';
import { seedPayments, type PaymentPlan } from './seed-payments';

/** A seeded lead of the demo account with several tags, two lists, a sequence, custom values and payments. */
export const DEMO_LEAD_EMAIL = 'olivia.bennett@example.com';

interface SeedPlan {
  accountId: number;
  rngSeed: number;
  leads: number;
  catalog: CatalogData;
  pageHost: string;
  gdpr: boolean;
  customerTag: string;
  payments: PaymentPlan;
}

const PLANS: SeedPlan[] = [
  {
    accountId: ACCOUNT_IDS.demo, rngSeed: 20240611, leads: 300, catalog: DEMO_CATALOG, pageHost: 'demostore.kartra.com',
    gdpr: true, customerTag: 'Customer', payments: { subscriptions: 15, sales: 18 },
  },
  {
    accountId: ACCOUNT_IDS.agency, rngSeed: 777001, leads: 40, catalog: AGENCY_CATALOG, pageHost: 'agencyclient.kartra.com',
    gdpr: false, customerTag: 'Client', payments: { subscriptions: 2, sales: 3 },
  },
];

const SOURCES: [string, number][] = [
  ['single-optin', 30], ['double-optin', 20], ['checkout', 15], ['import', 12], ['api', 10], ['manual', 6],
  ['affiliate-signup', 4], ['helpdesk', 3],
];

/** Creates the fixed accounts (always) and seeds every still-empty account (when `seed`). One transaction. */
export function bootstrapState(state: SandboxState, seed: boolean): void {
  state.db.transaction(() => {
    for (const row of ACCOUNT_ROWS) state.catalog.upsertAccount(row);
    // Kartra-looking ids (lead "39260", transaction "48110", option "612"); AUTOINCREMENT then resumes after reopen.
    state.catalog.startIdsAt('leads', 39000);
    state.catalog.startIdsAt('transactions', 48000);
    state.catalog.startIdsAt('subscriptions', 14800);
    state.catalog.startIdsAt('custom_field_options', 600);
    state.catalog.startIdsAt('tags', 100);
    state.catalog.startIdsAt('lists', 200);
    state.catalog.startIdsAt('sequences', 300);
    if (!seed) return;
    for (const plan of PLANS) if (state.catalog.isEmpty(plan.accountId)) seedAccount(state, plan);
  });
}

function weighted<T>(rng: Rng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
}

const slug = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
const fill = (rng: Rng, pattern: string) =>
  pattern.replace(/[#A]/g, (c) => (c === '#' ? String(rng.int(0, 9)) : String.fromCharCode(65 + rng.int(0, 25))));

function seedAccount(state: SandboxState, plan: SeedPlan): void {
  const { catalog, leads } = state;
  const rng = createRng(plan.rngSeed);
  const now = state.clock.now();
  const id = plan.accountId;
  const tags = plan.catalog.tags.map(([name, w]) => ({ id: catalog.insertTag(id, name), name, w }));
  const lists = plan.catalog.lists.map(([name, w]) => ({ id: catalog.insertList(id, name), name, w }));
  const sequences = plan.catalog.sequences.map((s) => {
    const steps = Array.from({ length: s.steps }, (_, i) => String(i + 1));
    return { id: catalog.insertSequence(id, s.name, steps), name: s.name, steps };
  });
  for (const c of plan.catalog.calendars) catalog.insertCalendar(id, c.name, c.complete, c.classes);
  const classes = catalog.calendars(id).filter((c) => c.complete).flatMap((c) => catalog.classes(c.id));
  for (const f of plan.catalog.fields) catalog.insertField(id, f.identifier, f.type, f.options ?? []);
  const fields = catalog.fields(id);
  for (const [name, path] of plan.catalog.pages) catalog.insertPage(id, name, `https://${plan.pageHost}/page/${path}`);
  const levels = plan.catalog.memberships.flatMap((m) => catalog.insertMembership(id, m.name, m.levels));

  const emails = new Set<string>();
  const customers: number[] = [];
  const countryWeights = COUNTRIES.map((c) => [c, c.weight] as [CountryData, number]);
  const field = (identifier: string) => fields.find((f) => f.identifier === identifier);
  const optionByValue = (identifier: string, value: string) => field(identifier)?.options.find((o) => o.value === value)?.id;

  for (let n = 0; n < plan.leads; n++) {
    const demoLead = plan.accountId === ACCOUNT_IDS.demo && n === 0;
    const country = demoLead ? COUNTRIES[0]! : weighted(rng, countryWeights);
    const place = demoLead ? country.places[0]! : rng.pick(country.places);
    const first = demoLead ? 'Olivia' : rng.pick(country.first);
    const last = demoLead ? 'Bennett' : rng.pick(country.last);
    let email = demoLead ? DEMO_LEAD_EMAIL : `${slug(first)}.${slug(last)}@${rng.pick(EMAIL_DOMAINS)}`;
    while (emails.has(email)) email = email.replace('@', `${rng.int(1, 99)}@`);
    emails.add(email);
    const company = demoLead ? 'Brightside Bakery' : rng.chance(0.6) ? rng.pick(COMPANIES) : '';
    const joined = demoLead ? now - 412 * DAY_MS : now - rng.int(0, 729) * DAY_MS - rng.int(0, 86_399) * 1000;
    const gdprStatus = plan.gdpr ? weighted(rng, [['1', 3], ['2', 5], ['3', 1], ['5', 1]] as [string, number][]) : '0';
    const ip = `${rng.pick(['203.0.113', '198.51.100', '192.0.2'])}.${rng.int(1, 254)}`;
    const number = String(rng.int(1, 240));
    const street = rng.pick(country.streets);
    const values: LeadValues & { email: string; date_joined: number; source: string } = {
      email,
      first_name: first,
      last_name: last,
      middle_name: rng.chance(0.05) ? rng.pick(country.first) : '',
      phone_country_code: country.phone,
      phone: Array.from({ length: country.phoneDigits }, (_, i) => (i === 0 ? rng.int(2, 9) : rng.int(0, 9))).join(''),
      ip,
      ip_country: country.name,
      address: country.numberFirst ? `${number} ${street}` : `${street} ${number}`,
      zip: fill(rng, place.zip),
      city: place.city,
      state: place.state,
      country: country.name,
      company,
      website: company && rng.chance(0.6) ? `https://www.${slug(company)}.example` : '',
      lead_preferred_time_zone: rng.chance(0.85) || demoLead ? place.tz : '',
      date_joined: joined,
      score: demoLead ? 120 : Math.floor(rng.next() ** 2 * 300),
      source: demoLead ? 'checkout' : weighted(rng, SOURCES),
      source_id: String(rng.int(1000, 9999)),
      notes: rng.chance(0.1) ? rng.pick(NOTES) : '',
      blacklisted: rng.chance(0.03) ? 1 : 0,
      gdpr_status: demoLead && plan.gdpr ? '2' : gdprStatus,
      gdpr_status_date: plan.gdpr ? formatEst(joined) : '0000-00-00 00:00:00',
      gdpr_status_ip: plan.gdpr ? ip : '',
      gdpr_communications: gdprStatus === '1' || gdprStatus === '2' || !plan.gdpr || demoLead ? '1' : '0',
    };
    const leadId = leads.insert(id, values);

    const leadTags = demoLead
      ? tags.filter((t) => ['Customer', 'Newsletter Subscriber', 'VIP'].includes(t.name))
      : tags.filter((t) => rng.chance(t.w / 100));
    for (const t of leadTags) leads.addTag(leadId, t.id);
    if (leadTags.some((t) => t.name === plan.customerTag)) customers.push(leadId);
    const leadLists = demoLead ? lists.filter((l) => ['Newsletter', 'Customers'].includes(l.name)) : lists.filter((l) => rng.chance(l.w / 100));
    for (const l of leadLists) {
      leads.setList(leadId, l.id, true);
      if (!demoLead && rng.chance(0.15)) leads.setList(leadId, l.id, false);
    }
    if (demoLead || rng.chance(0.4)) {
      const s = demoLead ? sequences[1] ?? sequences[0]! : rng.pick(sequences);
      leads.subscribeSequence(leadId, s.id, demoLead ? '2' : rng.pick(s.steps));
      if (!demoLead && rng.chance(0.15)) leads.unsubscribeSequence(leadId, s.id);
    }
    seedCustomValues(state, rng, leadId, fields, demoLead, company !== '');
    if (demoLead && field('company_size')) {
      leads.setOptions(leadId, field('company_size')!.id, [optionByValue('company_size', '2-10')!]);
      leads.setOptions(leadId, field('preferred_contact')!.id, [optionByValue('preferred_contact', 'Email')!]);
    }
    if (classes.length > 0 && (demoLead || rng.chance(0.08))) {
      const cls = demoLead ? classes[1] ?? classes[0]! : rng.pick(classes);
      const start = now + (demoLead ? 9 : rng.int(-30, 45)) * DAY_MS;
      leads.book(leadId, cls.id, start, start < now ? 'attended' : rng.chance(0.2) ? 'pending' : 'active');
    }
    if (levels.length > 0 && (demoLead || rng.chance(0.12))) {
      leads.grantMembership(leadId, demoLead ? levels[1] ?? levels[0]! : rng.pick(levels), !rng.chance(0.1));
    }
  }
  seedPayments(state, id, rng, plan.catalog.products, customers, plan.payments);
}

/**
 * The demo lead's notes: close to the 365 characters a Kartra text area keeps (kartra-api.md §0.4 E9), and the
 * place where her strategy-session booking is visible in the app, since get_lead reports no bookings (E7).
 */
export const DEMO_SALES_NOTES =
  'Strategy session booked in Discovery Calls for next week (Kartra shows bookings only in its calendar, not ' +
  'through the API). Onboarding: she is at step 2 of Customer Onboarding; move her to step 4 once the workshop ' +
  'recording is sent. Prefers email, answers fast in the mornings. Interested in the Pro level of Growth Academy ' +
  'for her team of five.';

function seedCustomValues(
  state: SandboxState,
  rng: Rng,
  leadId: number,
  fields: ReturnType<SandboxState['catalog']['fields']>,
  demoLead: boolean,
  hasCompany: boolean,
): void {
  const { leads } = state;
  for (const f of fields) {
    if (!hasOptions(f.type)) {
      const value =
        f.identifier === 'job_title' && (demoLead || rng.chance(0.5)) ? (demoLead ? 'Founder' : rng.pick(JOB_TITLES))
        : f.identifier === 'goals' && (demoLead || rng.chance(0.15)) ? rng.pick(GOALS)
        : f.identifier === 'referral_code' && rng.chance(0.1) ? `FRIEND-${rng.int(100, 999)}`
        : f.identifier === 'monthly_budget' && rng.chance(0.5) ? `$${rng.int(5, 60) * 100}`
        : f.identifier === 'sales_notes' && demoLead ? DEMO_SALES_NOTES
        : f.identifier === 'sales_notes' && rng.chance(0.08) ? 'Follow up after the product demo.'
        : '';
      if (value) leads.setText(leadId, f.id, value);
      continue;
    }
    if (f.options.length === 0) continue;
    if (f.type === 'checkbox') {
      if (demoLead || rng.chance(0.5)) leads.setOptions(leadId, f.id, rng.sample(f.options, rng.int(1, 3)).map((o) => o.id));
    } else if ((f.identifier === 'industry' || f.identifier === 'company_size' ? hasCompany : true) && rng.chance(0.6)) {
      leads.setOptions(leadId, f.id, [rng.pick(f.options).id]);
    }
  }
}
