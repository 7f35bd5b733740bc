// Numbered schema migrations of the sandbox database; each runs once, in its own transaction (PRAGMA user_version).

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY, label TEXT NOT NULL, api_key TEXT NOT NULL UNIQUE, api_password TEXT NOT NULL,
  active INTEGER NOT NULL, gdpr_enabled INTEGER NOT NULL DEFAULT 1, page_host TEXT NOT NULL DEFAULT ''
);
CREATE TABLE tags (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL);
CREATE UNIQUE INDEX tags_name ON tags(account_id, name COLLATE NOCASE);
CREATE TABLE lists (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL);
CREATE UNIQUE INDEX lists_name ON lists(account_id, name COLLATE NOCASE);
CREATE TABLE sequences (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL);
CREATE UNIQUE INDEX sequences_name ON sequences(account_id, name COLLATE NOCASE);
CREATE TABLE sequence_steps (sequence_id INTEGER NOT NULL, position INTEGER NOT NULL, step TEXT NOT NULL,
  PRIMARY KEY (sequence_id, step));
CREATE TABLE calendars (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL,
  complete INTEGER NOT NULL);
CREATE UNIQUE INDEX calendars_name ON calendars(account_id, name COLLATE NOCASE);
CREATE TABLE calendar_classes (id INTEGER PRIMARY KEY AUTOINCREMENT, calendar_id INTEGER NOT NULL, name TEXT NOT NULL);
CREATE UNIQUE INDEX classes_name ON calendar_classes(calendar_id, name COLLATE NOCASE);
CREATE TABLE custom_fields (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL,
  identifier TEXT NOT NULL, type TEXT NOT NULL);
CREATE UNIQUE INDEX custom_fields_identifier ON custom_fields(account_id, identifier COLLATE NOCASE);
CREATE TABLE custom_field_options (id INTEGER PRIMARY KEY AUTOINCREMENT, field_id INTEGER NOT NULL,
  position INTEGER NOT NULL, value TEXT NOT NULL);
CREATE TABLE pages (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL,
  url TEXT NOT NULL);
CREATE TABLE memberships (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, name TEXT NOT NULL);
CREATE TABLE membership_levels (id INTEGER PRIMARY KEY AUTOINCREMENT, membership_id INTEGER NOT NULL,
  name TEXT NOT NULL);

CREATE TABLE leads (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, email TEXT NOT NULL,
  first_name TEXT NOT NULL DEFAULT '', middle_name TEXT NOT NULL DEFAULT '', last_name TEXT NOT NULL DEFAULT '',
  last_name2 TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '', phone_country_code TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '', zip TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '', state TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '',
  company TEXT NOT NULL DEFAULT '', lead_picture TEXT NOT NULL DEFAULT '', website TEXT NOT NULL DEFAULT '',
  facebook TEXT NOT NULL DEFAULT '', twitter TEXT NOT NULL DEFAULT '', linkedin TEXT NOT NULL DEFAULT '',
  lead_preferred_time_zone TEXT NOT NULL DEFAULT '', sales_tax_id TEXT NOT NULL DEFAULT '',
  business_type TEXT NOT NULL DEFAULT '',
  date_joined INTEGER NOT NULL, score INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL,
  source_id TEXT NOT NULL DEFAULT '0', ip_country TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',
  blacklisted INTEGER NOT NULL DEFAULT 0,
  gdpr_status TEXT NOT NULL DEFAULT '0', gdpr_status_date TEXT NOT NULL DEFAULT '0000-00-00 00:00:00',
  gdpr_status_ip TEXT NOT NULL DEFAULT '', gdpr_communications TEXT NOT NULL DEFAULT '0',
  deleted INTEGER NOT NULL DEFAULT 0, deleted_at INTEGER
);
-- Deleted leads keep their email reserved, so the index covers them too.
CREATE UNIQUE INDEX leads_email ON leads(account_id, email COLLATE NOCASE);
CREATE TABLE lead_tags (lead_id INTEGER NOT NULL, tag_id INTEGER NOT NULL, PRIMARY KEY (lead_id, tag_id));
CREATE TABLE lead_lists (lead_id INTEGER NOT NULL, list_id INTEGER NOT NULL, active INTEGER NOT NULL,
  PRIMARY KEY (lead_id, list_id));
CREATE TABLE lead_sequences (lead_id INTEGER NOT NULL, sequence_id INTEGER NOT NULL, step TEXT NOT NULL,
  status TEXT NOT NULL, PRIMARY KEY (lead_id, sequence_id));
CREATE TABLE lead_field_text (lead_id INTEGER NOT NULL, field_id INTEGER NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (lead_id, field_id));
CREATE TABLE lead_field_options (lead_id INTEGER NOT NULL, field_id INTEGER NOT NULL, option_id INTEGER NOT NULL,
  PRIMARY KEY (lead_id, field_id, option_id));
CREATE TABLE lead_bookings (id INTEGER PRIMARY KEY AUTOINCREMENT, lead_id INTEGER NOT NULL,
  class_id INTEGER NOT NULL, starts_at INTEGER, status TEXT NOT NULL);
CREATE INDEX lead_bookings_lead ON lead_bookings(lead_id);
CREATE TABLE lead_memberships (lead_id INTEGER NOT NULL, level_id INTEGER NOT NULL, active INTEGER NOT NULL,
  PRIMARY KEY (lead_id, level_id));
CREATE TABLE point_grants (id INTEGER PRIMARY KEY AUTOINCREMENT, lead_id INTEGER NOT NULL,
  account_id INTEGER NOT NULL, points INTEGER NOT NULL, expires_at INTEGER NOT NULL, expired INTEGER NOT NULL DEFAULT 0);
CREATE INDEX point_grants_due ON point_grants(account_id, expired, expires_at);

CREATE TABLE products (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, name TEXT NOT NULL,
  refund_days INTEGER NOT NULL);
-- kind: one_time | recurring | installments | recurring_installments
CREATE TABLE price_points (id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL, name TEXT NOT NULL,
  kind TEXT NOT NULL, amount REAL NOT NULL, recurring_period TEXT, installments INTEGER,
  recurrence_locked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE subscriptions (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, lead_id INTEGER NOT NULL,
  product_id INTEGER NOT NULL, price_point_id INTEGER NOT NULL, gateway TEXT NOT NULL,
  gateway_subscription_id TEXT NOT NULL, status TEXT NOT NULL, start_date INTEGER NOT NULL, end_date INTEGER,
  current_installment INTEGER NOT NULL, installments_left INTEGER, recurring_period TEXT NOT NULL,
  recurring_period_2 TEXT, next_payment_date INTEGER, amount REAL NOT NULL, quantity INTEGER NOT NULL,
  tax_percent REAL NOT NULL DEFAULT 0, affiliate TEXT, jv TEXT, cancel_fails INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE transactions (
  id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL, lead_id INTEGER NOT NULL,
  type TEXT NOT NULL, product_id INTEGER NOT NULL, price_point_id INTEGER NOT NULL, subscription_id INTEGER,
  parent_id INTEGER, date INTEGER NOT NULL, base_amount REAL NOT NULL, discount REAL NOT NULL DEFAULT 0,
  shipping REAL NOT NULL DEFAULT 0, tax REAL NOT NULL DEFAULT 0, full_amount REAL NOT NULL,
  quantity INTEGER NOT NULL DEFAULT 1, affiliate TEXT, jv TEXT, last4 TEXT NOT NULL DEFAULT '',
  is_test INTEGER NOT NULL DEFAULT 0, refunded_amount REAL NOT NULL DEFAULT 0, refund_fails INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX transactions_lead ON transactions(lead_id);
CREATE INDEX subscriptions_lead ON subscriptions(lead_id);
`,
  },
];
