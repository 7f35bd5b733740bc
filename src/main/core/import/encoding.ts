// Detects how a CSV file is encoded (BOM, UTF-16 without BOM, UTF-8 or Windows-1252) and recognises files that are not text.
import { isUtf8 } from 'node:buffer';
import type { FileAnalysis } from '../../../shared/domain/import';

export type FileEncoding = FileAnalysis['encoding'];

export interface EncodingGuess {
  encoding: FileEncoding;
  /** Why the file cannot be read as CSV text (a workbook, an image, binary data), else null. */
  notText: string | null;
}

/** Signatures of files people drop by mistake; each gets a message that says what it is. */
const MAGIC: readonly [readonly number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'an Excel workbook (.xlsx) or another ZIP archive, not CSV text. In Excel use File › Save As › "CSV UTF-8"'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel workbook (.xls) or another Office document, not CSV text. In Excel use File › Save As › "CSV UTF-8"'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document, not CSV text'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image, not CSV text'],
  [[0xff, 0xd8, 0xff], 'a JPEG image, not CSV text'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image, not CSV text'],
  [[0x1f, 0x8b], 'a gzip archive, not CSV text'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program, not CSV text'],
];

const startsWith = (buf: Uint8Array, sig: readonly number[]) => buf.length >= sig.length && sig.every((b, i) => buf[i] === b);

/** Bytes of the byte-order mark that starts a file of this encoding. */
export function bomLength(buf: Uint8Array): number {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return 3;
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) return 2;
  return 0;
}

/**
 * Guess from the first bytes of a file (64 KB is plenty). `complete` says the sample is the whole
 * file, so a multi-byte character cut at its end counts as broken rather than truncated.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8-bom', notText: null };
  if (startsWith(sample, [0xff, 0xfe])) return { encoding: 'utf-16le', notText: null };
  if (startsWith(sample, [0xfe, 0xff])) return { encoding: 'utf-16be', notText: null };
  for (const [signature, what] of MAGIC) if (startsWith(sample, signature)) return { encoding: 'utf-8', notText: `This file is ${what}.` };

  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, notText: null };

  let nul = 0;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) nul++;
    else if ((byte < 0x09 || (byte > 0x0d && byte < 0x20)) && byte !== 0x1b) control++;
  }
  // One stray NUL in a text export is reported on its row; binary files are full of them.
  if (sample.length > 0 && (nul + control) / sample.length > 0.02 && nul + control >= 4) {
    return { encoding: 'utf-8', notText: 'This file holds binary data, not CSV text (it may be a renamed spreadsheet, image or archive).' };
  }
  const end = complete ? sample.length : utf8SafeEnd(sample);
  return { encoding: isUtf8(sample.subarray(0, end)) ? 'utf-8' : 'windows-1252', notText: null };
}

/** UTF-16 text without a BOM shows a zero byte in every other position (ASCII-heavy data, as CSV is). */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 2) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) zeroEven++;
    if (sample[2 * i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd / pairs > 0.3 && zeroEven / pairs < 0.05) return 'utf-16le';
  if (zeroEven / pairs > 0.3 && zeroOdd / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Length of the buffer without a multi-byte UTF-8 sequence that continues past its end. */
export function utf8SafeEnd(buf: Uint8Array): number {
  const len = buf.length;
  let i = len - 1;
  let back = 0;
  while (i >= 0 && back < 3 && ((buf[i] ?? 0) & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return len;
  const lead = buf[i] ?? 0;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return len - i < need ? i : len;
}

/**
 * Streaming UTF-8 validity check: feed the raw chunks in order; `push` returns false at the first
 * invalid sequence, `end` false when the file ends inside a character.
 */
export class Utf8Checker {
  private carry: Uint8Array = new Uint8Array(0);

  push(chunk: Uint8Array): boolean {
    const data = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const end = utf8SafeEnd(data);
    if (!isUtf8(data.subarray(0, end))) return false;
    this.carry = data.slice(end);
    return true;
  }

  end(): boolean {
    return this.carry.length === 0;
  }
}

/** The WHATWG decoder label for an encoding that is decoded in JavaScript (UTF-8 goes to the parser as is). */
export function decoderLabel(encoding: FileEncoding): 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}

/** Decodes a whole (small) buffer: the sample used for delimiter detection, BOM removed. */
export function decodeSample(sample: Uint8Array, encoding: FileEncoding, complete: boolean): string {
  const bytes = encoding === 'utf-16le' || encoding === 'utf-16be' ? sample.subarray(0, complete ? sample.length : sample.length - (sample.length % 2)) : sample;
  // A sample cut inside a character ends with a replacement char; that is harmless for detection.
  return new TextDecoder(decoderLabel(encoding)).decode(bytes);
}
