// The demo and agency accounts' catalogs: tags, lists, sequences, calendars, custom fields, pages, memberships,
// products. Names are what a small online business on Kartra would really have.
import type { FieldType } from '../store/catalog-store';
import type { PricePointKind } from '../store/payment-store';

export interface PricePointData {
  id: number;
  name: string;
  kind: PricePointKind;
  amount: number;
  period: string | null;
  installments: number | null;
  locked?: boolean;
}
export interface ProductData {
  id: number;
  name: string;
  refundDays: number;
  pricePoints: PricePointData[];
}
export interface CatalogData {
  /** Tag names with a popularity weight (how often a seeded lead carries them). */
  tags: [string, number][];
  lists: [string, number][];
  sequences: { name: string; steps: number }[];
  calendars: { name: string; complete: boolean; classes: string[] }[];
  fields: { identifier: string; type: FieldType; options?: string[] }[];
  pages: [string, string][];
  memberships: { name: string; levels: string[] }[];
  products: ProductData[];
}

export const DEMO_CATALOG: CatalogData = {
  tags: [
    ['Customer', 30], ['Newsletter Subscriber', 45], ['VIP', 6], ['Webinar Attendee', 18], ['Checklist Download', 25],
    ['Abandoned Cart', 8], ['Affiliate', 4], ['Podcast Listener', 12], ['Free Trial', 10], ['Churned', 5],
    ['Black Friday 2024', 9], ['Coaching Client', 5], ['Beta Tester', 3], ['Referral', 7], ['Summit 2025 Ticket', 6],
  ],
  lists: [
    ['Newsletter', 55], ['Product Updates', 25], ['Webinar Invites', 20], ['Customers', 22], ['Partners', 4], ['Re-engagement', 8],
  ],
  sequences: [
    { name: 'Welcome Series', steps: 5 },
    { name: 'Customer Onboarding', steps: 6 },
    { name: 'Webinar Follow-up', steps: 3 },
    { name: 'Win-back Campaign', steps: 4 },
  ],
  calendars: [
    { name: 'Discovery Calls', complete: true, classes: ['15-minute intro call', 'Strategy session'] },
    { name: 'Group Coaching', complete: true, classes: ['Tuesday cohort', 'Thursday cohort'] },
    { name: 'Product Demos', complete: true, classes: ['Live demo', 'Q&A clinic'] },
    // Not completed in Kartra's editor: calendar_subscribe answers 257 for it.
    { name: 'Office Hours (draft)', complete: false, classes: ['Open slot'] },
  ],
  fields: [
    { identifier: 'job_title', type: 'input_field' },
    { identifier: 'referral_code', type: 'input_field' },
    { identifier: 'sales_notes', type: 'text_area' },
    { identifier: 'goals', type: 'text_area' },
    { identifier: 'company_size', type: 'drop_down', options: ['Just me', '2-10', '11-50', '51-200', '201+'] },
    { identifier: 'industry', type: 'drop_down', options: ['Retail', 'Software', 'Education', 'Health & Wellness', 'Consulting', 'Hospitality'] },
    { identifier: 'preferred_contact', type: 'radio_button', options: ['Email', 'Phone', 'SMS'] },
    { identifier: 'interests', type: 'checkbox', options: ['Email marketing', 'Sales funnels', 'Memberships', 'Webinars', 'Affiliate programs'] },
  ],
  pages: [
    ['Home', 'home'], ['Free Checklist Opt-in', 'checklist'], ['Webinar Registration', 'webinar'],
    ['Thank You', 'thank-you'], ['Growth Course Sales Page', 'growth-course'], ['Member Login', 'members'],
  ],
  memberships: [
    { name: 'Growth Academy', levels: ['Basic', 'Pro'] },
    { name: 'Inner Circle', levels: ['Member'] },
  ],
  products: [
    {
      id: 501, name: 'Growth Course', refundDays: 30,
      pricePoints: [
        { id: 5011, name: 'Pay in full', kind: 'one_time', amount: 297, period: null, installments: null },
        { id: 5012, name: 'Three payments', kind: 'installments', amount: 109, period: 'monthly', installments: 3 },
      ],
    },
    {
      id: 502, name: 'Inner Circle Membership', refundDays: 14,
      pricePoints: [
        { id: 5021, name: 'Monthly', kind: 'recurring', amount: 49, period: 'monthly', installments: null },
        { id: 5022, name: 'Annual', kind: 'recurring', amount: 490, period: 'yearly', installments: null, locked: true },
      ],
    },
    {
      id: 503, name: 'Checklist Bundle', refundDays: 60,
      pricePoints: [{ id: 5031, name: 'Standard', kind: 'one_time', amount: 19, period: null, installments: null }],
    },
    {
      id: 504, name: 'Coaching Package', refundDays: 7,
      pricePoints: [{ id: 5041, name: 'Coaching plan', kind: 'recurring_installments', amount: 199, period: 'monthly', installments: 6 }],
    },
  ],
};

export const AGENCY_CATALOG: CatalogData = {
  tags: [
    ['Client', 30], ['Prospect', 40], ['Referral Partner', 8], ['Event Attendee', 15], ['Needs Follow-up', 20], ['Newsletter', 35],
  ],
  lists: [['Agency Newsletter', 50], ['Client Updates', 30], ['Case Study Readers', 15]],
  sequences: [
    { name: 'Prospect Nurture', steps: 4 },
    { name: 'Client Onboarding', steps: 3 },
  ],
  calendars: [{ name: 'Consultations', complete: true, classes: ['Initial consultation', 'Quarterly review'] }],
  fields: [
    { identifier: 'monthly_budget', type: 'input_field' },
    { identifier: 'business_stage', type: 'drop_down', options: ['Idea', 'Launched', 'Scaling'] },
    { identifier: 'services_wanted', type: 'checkbox', options: ['SEO', 'Paid ads', 'Copywriting', 'Funnel build'] },
  ],
  pages: [['Agency Home', 'home'], ['Book a Consultation', 'consult']],
  memberships: [],
  products: [
    {
      id: 601, name: 'Marketing Retainer', refundDays: 14,
      pricePoints: [{ id: 6011, name: 'Monthly retainer', kind: 'recurring', amount: 1500, period: 'monthly', installments: null }],
    },
    {
      id: 602, name: 'Funnel Audit', refundDays: 30,
      pricePoints: [{ id: 6021, name: 'One-off audit', kind: 'one_time', amount: 450, period: null, installments: null }],
    },
  ],
};

export const NOTES = [
  'Asked about team pricing on the last call.',
  'Prefers to be contacted after 3pm local time.',
  'Met at the spring summit; interested in the coaching package.',
  'Came in through the podcast interview with Sam.',
  'Wants an invoice with the company VAT number.',
];

export const JOB_TITLES = [
  'Founder', 'Marketing Manager', 'Owner', 'Head of Growth', 'Operations Lead', 'Freelance Designer',
  'Fitness Coach', 'Content Strategist', 'Sales Director', 'Studio Manager',
];

export const GOALS = [
  'Grow the email list to 5,000 subscribers this year.',
  'Launch a membership site before the summer.',
  'Automate onboarding so new clients get everything on day one.',
  'Replace three separate tools with one platform.',
];
