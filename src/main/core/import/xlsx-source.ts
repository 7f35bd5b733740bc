// Excel workbooks (.xlsx): one sheet (the first, or the one the user picked) is streamed by exceljs's WorkbookReader
// (bounded memory) into a UTF-8 CSV in the job's folder, which then goes through the same analysis, limits and pages
// as any CSV file.
import { closeSync, createReadStream, createWriteStream, openSync, readSync, statSync } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { PRIVATE_FILE } from '../store/private-files';
import { csvLine } from './csv-write';

export type WorkbookKind = 'zip' | 'encrypted' | null;

const PK = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Password-protected .xlsx files are OLE containers holding these streams (MS-OFFCRYPTO). */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const SNIFF_BYTES = 1024 * 1024;

/** A ZIP (an .xlsx, or another archive) or an encrypted Office workbook; null for anything else. */
export function sniffWorkbook(path: string): WorkbookKind {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, statSync(path).size));
    const n = readSync(fd, head, 0, head.length, 0);
    const buf = head.subarray(0, n);
    if (PK.every((b, i) => buf[i] === b)) return 'zip';
    if (CFB.every((b, i) => buf[i] === b) && (buf.includes(ENCRYPTION_INFO) || buf.includes(ENCRYPTED_PACKAGE))) return 'encrypted';
    return null;
  } finally {
    closeSync(fd);
  }
}

export const ENCRYPTED_MESSAGE =
  'This Excel workbook is password-protected, so it cannot be read. In Excel open it with its password, choose File › Info › Protect Workbook › Encrypt with Password, clear the password, save, and drop the file again.';

export interface SheetCsv {
  /** The sheet that was read. */
  sheet: string;
  /** Every sheet's name in the workbook's order (empty when the workbook could not be read). */
  sheets: string[];
  rows: number;
  /** Problems worth showing on the mapping screen; `fatal` when nothing can be imported. */
  problems: string[];
  fatal: string | null;
}

type CellValue = ExcelJS.CellValue;

/** A cell as the text a user sees in it: dates as YYYY-MM-DD (with the time when it has one), formulas by their result. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return String(value.error);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  if ('result' in value) return cellText((value.result ?? null) as CellValue);
  if ('formula' in value || 'sharedFormula' in value) return '';
  return '';
}

const columnName = (index: number) => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/** A sheet the user asked for: its name, or its position from 1 (the CLI's --sheet NAME|N). */
export type SheetChoice = string | number;

/** Worksheets as exceljs streams them: the name comes from the workbook's own list when it was read first. */
interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
  id: number | string;
}

/**
 * Streams one sheet of the workbook into `csvPath`: the first, or `choice`. Only one row is held at a time (shared
 * strings and styles are the workbook's own tables, kept as exceljs reads them); the sheets before the chosen one
 * are read through without being kept.
 */
export async function xlsxToCsv(xlsxPath: string, csvPath: string, onProgress: (rows: number) => void, choice?: SheetChoice): Promise<SheetCsv> {
  const input = createReadStream(xlsxPath);
  const out = createWriteStream(csvPath, PRIVATE_FILE);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const order = () => ((reader as unknown as { model?: { sheets?: { name: string; id: number }[] } }).model?.sheets ?? []);
  let sheet = '';
  let found = false;
  let rows = 0;
  let header: string[] | null = null;
  const problems: string[] = [];
  let fatal: string | null = null;
  let seen = 0;
  try {
    for await (const streamed of reader as AsyncIterable<unknown>) {
      const worksheet = streamed as StreamedSheet;
      seen++;
      // Its place in the workbook's tab order (the order the file stores sheets in when the list is not known yet).
      const position = order().findIndex((s) => String(s.id) === String(worksheet.id)) + 1 || seen;
      const wanted = choice === undefined ? true : typeof choice === 'number' ? position === choice : worksheet.name.trim().toLowerCase() === choice.trim().toLowerCase();
      if (!wanted) {
        // Read through, not skipped: exceljs keeps a sheet stored before the workbook's own list in a temp file and
        // deletes it once the sheet is handed over, while the unread sheet's stream is still opening it; the stray
        // ENOENT then killed the worker and failed the next file (xlsx.test.ts, once in a few runs).
        for await (const _row of worksheet) void _row;
        continue;
      }
      found = true;
      sheet = worksheet.name;
      for await (const row of worksheet) {
        const values = row.values as CellValue[];
        // row.values is 1-based and sparse; the CSV keeps the columns in place (empty cells stay empty).
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null).replace(/\r\n?/g, '\n'));
        if (cells.every((c) => c.trim() === '')) continue;
        if (header === null) {
          header = cells;
          const gap = cells.findIndex((c, i) => c.trim() === '' && cells.slice(i + 1).some((n) => n.trim() !== ''));
          if (gap >= 0) {
            fatal = `The header row of sheet "${sheet}" (row ${row.number}) has no name in column ${columnName(gap)}, between named columns — usually merged header cells. Unmerge the header cells in Excel so each column has its own name in one row, then drop the file again.`;
            break;
          }
        } else {
          rows++;
          // Excel stores no trailing empty cells: a row is as wide as its header, so it is not taken for a ragged one.
          while (cells.length < header.length) cells.push('');
        }
        if (!out.write(csvLine(cells))) await once(out, 'drain');
        if (rows % 50_000 === 0 && rows > 0) onProgress(rows);
      }
      break; // one sheet only
    }
  } catch (error) {
    fatal = `This file is an Excel workbook (.xlsx) or another ZIP archive that cannot be read as a workbook (${(error as Error).message}). Open it in Excel and save it again as .xlsx or "CSV UTF-8".`;
  } finally {
    input.destroy();
    out.end();
    await once(out, 'close');
  }
  const sheets = order().map((s) => s.name);
  const listed = sheets.map((n) => `"${n}"`).join(', ');
  if (!fatal && choice !== undefined && !found) {
    const asked = typeof choice === 'number' ? `no sheet ${choice} (it has ${sheets.length || seen})` : `no sheet named "${choice}"`;
    fatal = `This workbook has ${asked}; its sheets are ${listed || '(none)'}. Choose one of them.`;
  }
  if (fatal) return { sheet, sheets, rows: 0, problems, fatal };
  if (header === null) {
    const which = sheets.length > 1 && sheet !== sheets[0] ? `The sheet "${sheet}"` : `The first sheet of this workbook ("${sheet}")`;
    const fix = sheets.length > 1 ? 'Choose another sheet, or put the leads on this one with column names in its first row.' : 'Put the leads on the first sheet, with column names in its first row.';
    return { sheet, sheets, rows: 0, problems, fatal: sheet ? `${which} is empty. ${fix}` : 'This workbook has no sheets.' };
  }
  return { sheet, sheets, rows, problems, fatal: null };
}
