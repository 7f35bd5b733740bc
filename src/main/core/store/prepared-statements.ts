// Prepared statements kept per SQL text: a repo prepares each query once, on first use, and reuses it.
import type { StatementSync } from 'node:sqlite';
import type { Db } from './database';

/** A function that answers the prepared statement for `text`, preparing it on first use. */
export function preparedStatements(db: Db): (text: string) => StatementSync {
  const statements = new Map<string, StatementSync>();
  return (text) => {
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = db.prepare(text)));
    return statement;
  };
}
