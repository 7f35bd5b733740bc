// Workbooks made by tests and the benchmark with exceljs itself: plain sheets (streamed, any size), merged header
// cells, an empty sheet, several sheets, and a password-protected file's container (which exceljs cannot write).
import ExcelJS from 'exceljs';

type Cell = ExcelJS.CellValue;

/** A small workbook of sheets, each a list of rows, with merged ranges. */
export async function writeWorkbook(path: string, sheets: { name: string; rows: Iterable<Cell[]>; merges?: string[] }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow(row);
    for (const range of s.merges ?? []) ws.mergeCells(range);
  }
  await wb.xlsx.writeFile(path);
}

/** A large one-sheet workbook, written row by row by the streaming writer (the benchmark's 100,000 rows). */
export async function writeLargeWorkbook(path: string, rows: Iterable<Cell[]>): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Leads');
  for (const row of rows) ws.addRow(row).commit();
  ws.commit();
  await wb.commit();
}

/** The OLE container Office writes for a password-protected workbook (MS-OFFCRYPTO): its directory names the encryption streams. */
export function encryptedWorkbookBytes(): Buffer {
  const SECTOR = 512;
  const buf = Buffer.alloc(SECTOR * 3, 0);
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x3e, 24); // minor version
  buf.writeUInt16LE(3, 26); // major version (512-byte sectors)
  buf.writeUInt16LE(0xfffe, 28); // byte order
  buf.writeUInt16LE(9, 30); // sector shift
  buf.writeUInt16LE(6, 32); // mini sector shift
  buf.writeUInt32LE(1, 44); // FAT sectors
  buf.writeUInt32LE(1, 48); // first directory sector
  buf.writeUInt32LE(4096, 56); // mini stream cutoff
  buf.writeUInt32LE(END, 60); // no mini FAT
  buf.writeUInt32LE(END, 68); // no DIFAT sectors
  buf.writeUInt32LE(0, 76); // the FAT is sector 0
  for (let i = 80; i < SECTOR; i += 4) buf.writeUInt32LE(FREE, i);
  const fat = SECTOR; // sector 0
  buf.writeUInt32LE(0xfffffffd, fat); // FAT sector
  buf.writeUInt32LE(END, fat + 4); // directory
  for (let i = 8; i < SECTOR; i += 4) buf.writeUInt32LE(FREE, fat + i);
  const dir = SECTOR * 2; // sector 1
  const entry = (n: number, name: string, type: number, child: number, right: number) => {
    const at = dir + n * 128;
    buf.write(`${name}\0`, at, 'utf16le');
    buf.writeUInt16LE((name.length + 1) * 2, at + 64);
    buf.writeUInt8(type, at + 66);
    buf.writeUInt8(1, at + 67);
    buf.writeUInt32LE(FREE, at + 68);
    buf.writeUInt32LE(right, at + 72);
    buf.writeUInt32LE(child, at + 76);
    buf.writeUInt32LE(END, at + 116); // empty streams
  };
  entry(0, 'Root Entry', 5, 1, FREE);
  entry(1, 'EncryptionInfo', 2, FREE, 2);
  entry(2, 'EncryptedPackage', 2, FREE, FREE);
  return buf;
}
