// Schema for views over the lead cache: a narrow copy of each cached lead's filterable values (lead_props)
// and its facets (tags, active lists, sequences, custom values), both kept by triggers on leads_seen;
// saved views and the table layout.
import type { Migration } from '../store/migration';

/**
 * lead_props holds no JSON: counting 25,000 matches then touches small rows instead of whole cached leads.
 * Props and facets are filled by triggers from leads_seen, so every writer of the cache (search, outbox,
 * imports) keeps them right without knowing they exist. Facet tables are WITHOUT ROWID with the lookup key
 * first: "has tag VIP" is one index range, and "has not" a NOT IN over the same range.
 */
const facetInserts = (row: string, from = '') => `
  INSERT OR IGNORE INTO lead_tag (account_id, name, row_id)
    SELECT ${row}.account_id, j.value, ${row}.row_id FROM ${from} json_each(${row}.lead_json, '$.tags') j WHERE j.type = 'text';
  INSERT OR IGNORE INTO lead_list (account_id, name, row_id)
    SELECT ${row}.account_id, json_extract(j.value, '$.list_name'), ${row}.row_id FROM ${from} json_each(${row}.lead_json, '$.lists') j
    WHERE json_extract(j.value, '$.active') AND json_extract(j.value, '$.list_name') IS NOT NULL;
  INSERT OR IGNORE INTO lead_sequence (account_id, name, row_id)
    SELECT ${row}.account_id, json_extract(j.value, '$.sequence_name'), ${row}.row_id FROM ${from} json_each(${row}.lead_json, '$.sequences') j
    WHERE coalesce(json_extract(j.value, '$.status'), '') <> 'unsubscribed' AND json_extract(j.value, '$.sequence_name') IS NOT NULL;
  INSERT OR IGNORE INTO lead_field (account_id, field, value, row_id)
    SELECT ${row}.account_id, json_extract(f.value, '$.field_identifier'), json_extract(f.value, '$.value'), ${row}.row_id
    FROM ${from} json_each(${row}.lead_json, '$.custom_fields') f
    WHERE json_type(f.value, '$.value') = 'text' AND json_extract(f.value, '$.value') <> ''
    UNION ALL
    SELECT ${row}.account_id, json_extract(f.value, '$.field_identifier'), json_extract(o.value, '$.option_value'), ${row}.row_id
    FROM ${from} json_each(${row}.lead_json, '$.custom_fields') f, json_each(f.value, '$.value') o
    WHERE json_type(f.value, '$.value') = 'array';`;

const propsInsert = (row: string, from = '') => `
  INSERT INTO lead_props (row_id, account_id, lead_id, name, email, company, country, city, phone, tags, score, seen_at, joined, source, gdpr)
    SELECT ${row}.row_id, ${row}.account_id, ${row}.lead_id, ${row}.name, ${row}.email, ${row}.company, ${row}.country,
      coalesce(json_extract(${row}.lead_json, '$.city'), ''), coalesce(json_extract(${row}.lead_json, '$.phone'), ''), ${row}.tags, ${row}.score,
      ${row}.seen_at, coalesce(json_extract(${row}.lead_json, '$.date_joined'), ''), coalesce(json_extract(${row}.lead_json, '$.source'), ''),
      coalesce(json_extract(${row}.lead_json, '$.gdpr_lead_status'), '') ${from ? `FROM ${from.replace(/,\s*$/, '')}` : ''};`;

/**
 * The triggers' work for every leads_seen row after `afterRowId`, set-based: a bulk fill (leads/bulk-fill.ts)
 * suspends the per-row triggers and runs this once.
 */
export function viewsCatchUpSql(afterRowId: number): string {
  const source = `(SELECT * FROM leads_seen WHERE row_id > ${Math.trunc(afterRowId)}) s`;
  return `${propsInsert('s', source)}\n${facetInserts('s', `${source},`)}`;
}

/** The names of the triggers on leads_seen this migration creates (a bulk fill checks it knows every one). */
export const VIEWS_TRIGGERS = ['leads_seen_facets_ai', 'leads_seen_facets_au'];

const facetTable = (table: string, key: string) => `
  CREATE TABLE ${table} (
    account_id TEXT NOT NULL,
    ${key} TEXT NOT NULL,
    ${table === 'lead_field' ? 'value TEXT NOT NULL,' : ''}
    row_id INTEGER NOT NULL REFERENCES leads_seen(row_id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, ${key}${table === 'lead_field' ? ', value' : ''}, row_id)
  ) WITHOUT ROWID;
  CREATE INDEX ${table}_row ON ${table} (row_id);`;

export const VIEWS_MIGRATION: Migration = {
  version: 9,
  name: 'views: lead props and facets, saved views, table layout',
  sql: `
    CREATE TABLE lead_props (
      row_id INTEGER PRIMARY KEY REFERENCES leads_seen(row_id) ON DELETE CASCADE,
      account_id TEXT NOT NULL,
      lead_id TEXT NOT NULL,
      name TEXT NOT NULL,
      email TEXT NOT NULL,
      company TEXT NOT NULL,
      country TEXT NOT NULL,
      city TEXT NOT NULL,
      phone TEXT NOT NULL,
      tags TEXT NOT NULL,
      score INTEGER NOT NULL,
      seen_at INTEGER NOT NULL,
      joined TEXT NOT NULL,
      source TEXT NOT NULL,
      gdpr TEXT NOT NULL
    );
    CREATE INDEX lead_props_name ON lead_props (account_id, name COLLATE NOCASE, row_id);
    CREATE INDEX lead_props_score ON lead_props (account_id, score);
    CREATE INDEX lead_props_seen ON lead_props (account_id, seen_at);
    ${facetTable('lead_tag', 'name')}
    ${facetTable('lead_list', 'name')}
    ${facetTable('lead_sequence', 'name')}
    ${facetTable('lead_field', 'field')}
    CREATE TRIGGER leads_seen_facets_ai AFTER INSERT ON leads_seen BEGIN
      ${propsInsert('new')}
      ${facetInserts('new')}
    END;
    CREATE TRIGGER leads_seen_facets_au AFTER UPDATE ON leads_seen BEGIN
      DELETE FROM lead_props WHERE row_id = old.row_id;
      ${propsInsert('new')}
      DELETE FROM lead_tag WHERE row_id = old.row_id;
      DELETE FROM lead_list WHERE row_id = old.row_id;
      DELETE FROM lead_sequence WHERE row_id = old.row_id;
      DELETE FROM lead_field WHERE row_id = old.row_id;
      ${facetInserts('new')}
    END;
    -- Leads cached before this migration.
    ${propsInsert('s', 'leads_seen s')}
    ${facetInserts('s', 'leads_seen s,')}
    CREATE TABLE saved_views (
      id INTEGER PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      filter_json TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX saved_views_name ON saved_views (account_id, name COLLATE NOCASE);
    CREATE TABLE table_layouts (
      account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
      layout_json TEXT NOT NULL
    );
  `,
};
