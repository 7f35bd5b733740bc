// Finds a CSV file's delimiter (comma, semicolon or tab) from its first records, honouring Excel's `sep=` line.
export type Delimiter = ',' | ';' | '\t';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** The file starts with Excel's `sep=X` line, which is not a record. */
  sepLine: boolean;
  /** Set when the file declares a delimiter this app cannot use. */
  unsupported: string | null;
}

const SEP_LINE = /^sep=(.)(\r\n|\n|\r|$)/i;
const MAX_RECORDS = 50;

/** `text` is the decoded start of the file without BOM; it may end in the middle of a record. */
export function detectDelimiter(text: string, complete: boolean): DelimiterGuess {
  const sep = SEP_LINE.exec(text);
  if (sep) {
    const declared = sep[1] ?? ',';
    if ((DELIMITERS as readonly string[]).includes(declared)) return { delimiter: declared as Delimiter, sepLine: true, unsupported: null };
    return { delimiter: ',', sepLine: true, unsupported: declared };
  }
  const counts = countPerRecord(text, complete);
  if (counts.length === 0) return { delimiter: ',', sepLine: false, unsupported: null };
  let best: { delimiter: Delimiter; score: number; header: number } = { delimiter: ',', score: 0, header: 0 };
  DELIMITERS.forEach((delimiter, d) => {
    const header = counts[0]?.[d] ?? 0;
    if (header === 0) return;
    // Every record of a well-formed file has as many delimiters as its header (ragged rows lower the score).
    const consistent = counts.filter((c) => c[d] === header).length / counts.length;
    if (consistent > best.score || (consistent === best.score && header > best.header)) best = { delimiter, score: consistent, header };
  });
  return { delimiter: best.delimiter, sepLine: false, unsupported: null };
}

/** Per record (outside quotes, blank lines skipped): how many of each candidate it holds. */
function countPerRecord(text: string, complete: boolean): number[][] {
  const records: number[][] = [];
  let current = [0, 0, 0];
  let chars = 0;
  let quoted = false;
  const finish = () => {
    if (chars > 0) records.push(current);
    current = [0, 0, 0];
    chars = 0;
  };
  for (let i = 0; i < text.length && records.length < MAX_RECORDS; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (c === '"') {
      quoted = true;
      chars++;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      finish();
    } else {
      chars++;
      const d = c === ',' ? 0 : c === ';' ? 1 : c === '\t' ? 2 : -1;
      if (d >= 0) current[d] = (current[d] ?? 0) + 1;
    }
  }
  // A record cut off by the end of the sample would count too few delimiters.
  if (complete && records.length < MAX_RECORDS) finish();
  return records;
}
