// Excel workbooks (.xlsx): the first sheet is streamed by exceljs's WorkbookReader (bounded memory) into a UTF-8 CSV
// in the job's folder, which then goes through the same analysis, limits and pages as any CSV file.
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
  /** The sheet that was read (the workbook's first). */
  sheet: string;
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

/**
 * Streams the workbook's first sheet into `csvPath`. Only one row is held at a time (shared strings and styles
 * are the workbook's own tables, kept as exceljs reads them).
 */
export async function xlsxToCsv(xlsxPath: string, csvPath: string, onProgress: (rows: number) => void): Promise<SheetCsv> {
  const input = createReadStream(xlsxPath);
  const out = createWriteStream(csvPath, PRIVATE_FILE);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let sheet = '';
  let rows = 0;
  let header: string[] | null = null;
  const problems: string[] = [];
  let fatal: string | null = null;
  try {
    for await (const worksheet of reader) {
      sheet = (worksheet as unknown as { name: string }).name;
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
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
      break; // the first sheet only
    }
  } catch (error) {
    fatal = `This file is an Excel workbook (.xlsx) or another ZIP archive that cannot be read as a workbook (${(error as Error).message}). Open it in Excel and save it again as .xlsx or "CSV UTF-8".`;
  } finally {
    input.destroy();
    out.end();
    await once(out, 'close');
  }
  const sheets = ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map((s) => s.name);
  if (sheets.length > 1) problems.push(`This workbook has ${sheets.length} sheets (${sheets.map((n) => `"${n}"`).join(', ')}); the first, "${sheet}", was read. Move the leads to the first sheet to import another one.`);
  if (fatal) return { sheet, rows: 0, problems, fatal };
  if (header === null) {
    return { sheet, rows: 0, problems, fatal: sheet ? `The first sheet of this workbook ("${sheet}") is empty. Put the leads on the first sheet, with column names in its first row.` : 'This workbook has no sheets.' };
  }
  return { sheet, rows, problems, fatal: null };
}
