// Encoding and delimiter detection on byte-level edge cases: BOMs, UTF-16 without BOM, Windows-1252, binary files, sep= lines.
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './delimiter';
import { decodeSample, detectEncoding, Utf8Checker, utf8SafeEnd } from './encoding';

const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

describe('detectEncoding', () => {
  it('reads byte-order marks', () => {
    expect(detectEncoding(Buffer.from('\uFEFFemail\n', 'utf8'), true).encoding).toBe('utf-8-bom');
    expect(detectEncoding(Buffer.from('\uFEFFemail\n', 'utf16le'), true).encoding).toBe('utf-16le');
    expect(detectEncoding(utf16be('\uFEFFemail\n'), true).encoding).toBe('utf-16be');
  });

  it('recognises UTF-16 without a BOM from its zero bytes', () => {
    expect(detectEncoding(Buffer.from('email,name\na@b.co,Zoë\n', 'utf16le'), true).encoding).toBe('utf-16le');
    expect(detectEncoding(utf16be('email,name\na@b.co,Zoë\n'), true).encoding).toBe('utf-16be');
  });

  it('tells UTF-8 from Windows-1252 (Excel "CSV" in the Windows code page)', () => {
    expect(detectEncoding(Buffer.from('name\nRené Größe €\n', 'utf8'), true).encoding).toBe('utf-8');
    const cp1252 = Buffer.from([0x6e, 0x0a, 0x52, 0x65, 0x6e, 0xe9, 0x20, 0x47, 0x72, 0xf6, 0xdf, 0x65, 0x20, 0x80, 0x0a]);
    expect(detectEncoding(cp1252, true).encoding).toBe('windows-1252');
    expect(decodeSample(cp1252, 'windows-1252', true)).toBe('n\nRené Größe €\n');
  });

  it('does not call a sample cut inside a character broken unless it is the whole file', () => {
    const text = Buffer.from('name\nZoë', 'utf8');
    const cut = text.subarray(0, text.length - 1);
    expect(detectEncoding(cut, false).encoding).toBe('utf-8');
    expect(detectEncoding(cut, true).encoding).toBe('windows-1252');
    expect(utf8SafeEnd(cut)).toBe(cut.length - 1);
    expect(utf8SafeEnd(text)).toBe(text.length);
  });

  it('names workbooks and binary data instead of parsing them', () => {
    expect(detectEncoding(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), true).notText).toContain('Excel workbook (.xlsx)');
    expect(detectEncoding(Buffer.from('%PDF-1.7\n'), true).notText).toContain('PDF');
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 256));
    expect(detectEncoding(noise, true).notText).toContain('binary data');
    // One NUL in a text export is a damaged cell, reported on its row, not a binary file.
    expect(detectEncoding(Buffer.from('email,name\na@b.co,x\u0000y\n'), true).notText).toBeNull();
  });

  it('checks UTF-8 across chunk boundaries', () => {
    const bytes = Buffer.from('é€😀', 'utf8');
    const checker = new Utf8Checker();
    for (let i = 0; i < bytes.length; i++) expect(checker.push(bytes.subarray(i, i + 1))).toBe(true);
    expect(checker.end()).toBe(true);
    const broken = new Utf8Checker();
    expect(broken.push(Buffer.from([0x61, 0xe9, 0x62]))).toBe(false);
    const truncated = new Utf8Checker();
    expect(truncated.push(Buffer.from([0x61, 0xe2, 0x82]))).toBe(true);
    expect(truncated.end()).toBe(false);
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter every record agrees on', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6\n', true).delimiter).toBe(',');
    expect(detectDelimiter('a;b;c\n1,5;2,25;3\n4;5;6\n', true).delimiter).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2, 3\n', true).delimiter).toBe('\t');
  });

  it('ignores delimiters inside quotes, including quoted line breaks', () => {
    expect(detectDelimiter('name;note\n"Smith, J";"a,b\nc,d"\nX;Y\n', true).delimiter).toBe(';');
  });

  it("honours Excel's sep= line", () => {
    expect(detectDelimiter('sep=;\r\na,b;c\n', true)).toEqual({ delimiter: ';', sepLine: true, unsupported: null });
    expect(detectDelimiter('SEP=|\na|b\n', true)).toMatchObject({ sepLine: true, unsupported: '|' });
  });

  it('falls back to comma for a single column, and ignores a record cut off by the sample', () => {
    expect(detectDelimiter('email\na@b.co\n', true).delimiter).toBe(',');
    expect(detectDelimiter('a;b\n1;2\n3;4\n5,6,7,8,9', false).delimiter).toBe(';');
  });
});
