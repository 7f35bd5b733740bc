// Turns a CSV header record into unique column names (the keys of a mapping) and says what had to change.
import { EMAIL_PATTERN } from './cell-rules';

export interface HeaderResult {
  headers: string[];
  problems: string[];
  /** Set when the first record cannot be a header at all. */
  fatal: string | null;
}

const MAX_HEADER = 200;

export function readHeaders(record: readonly string[]): HeaderResult {
  const problems: string[] = [];
  const headers: string[] = [];
  const seen = new Map<string, number>();
  const emailLike = record.find((cell) => EMAIL_PATTERN.test(cell.trim()));
  if (emailLike !== undefined) {
    return {
      headers: [],
      problems: [],
      fatal: `The first row holds an email address ("${clip(emailLike.trim())}"), so it is data, not column names. Add a header row (e.g. Email,First Name,Last Name) and drop the file again.`,
    };
  }
  record.forEach((raw, index) => {
    let name = raw.replace(/\s+/g, ' ').trim();
    if (name.length > MAX_HEADER) {
      problems.push(`Column ${index + 1} has a name longer than ${MAX_HEADER} characters; it is shown as "Column ${index + 1}".`);
      name = '';
    }
    if (name === '') name = `Column ${index + 1}`;
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      let n = 2;
      while (seen.has(`${key} (${n})`)) n++;
      const renamed = `${name} (${n})`;
      problems.push(`Columns ${first + 1} and ${index + 1} are both called "${name}"; column ${index + 1} is shown as "${renamed}". Map the one that holds the data.`);
      name = renamed;
    }
    seen.set(name.toLowerCase(), index);
    headers.push(name);
  });
  return { headers, problems, fatal: null };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
