// Writes a run's rows (one lead per line) as a small CSV in the job's folder, with the page offsets the runner
// reads it by — the same layout an uploaded import file has.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine } from '../import/csv-write';
import type { PageLayout } from '../jobs/job-repo';
import { PAGE_SIZE } from '../jobs/row-repo';
import { ensurePrivateDir, PRIVATE_FILE } from '../store/private-files';

export function writeRowsFile(folder: string, headers: readonly string[], rows: readonly (readonly string[])[]): PageLayout {
  ensurePrivateDir(folder);
  const path = join(folder, 'targets.csv');
  const parts = [csvLine(headers)];
  let offset = Buffer.byteLength(parts[0]!);
  const starts: number[] = [];
  rows.forEach((row, i) => {
    if (i % PAGE_SIZE === 0) starts.push(offset);
    const line = csvLine(row);
    parts.push(line);
    offset += Buffer.byteLength(line);
  });
  writeFileSync(path, parts.join(''), PRIVATE_FILE);
  return { path, delimiter: ',', sepLine: false, pageSize: PAGE_SIZE, starts, end: offset };
}
