// The shape of one numbered schema migration (its own module so migrations kept beside their domain import no runner).
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
