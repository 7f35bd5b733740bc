// Sends a picked or dropped File to the core in slices (import.begin + ordered import.chunk), never as one big string.
import type { LeadDeskApi } from '../../api/api';
import { unwrap } from '../../api/unwrap';

/** Raw bytes per chunk: 3 MiB becomes 4 MiB of base64, inside the contract's 4 MB-per-chunk budget. */
export const CHUNK_BYTES = 3 * 1024 * 1024;

export interface UploadProgress {
  sent: number;
  total: number;
}

/** Base64 of bytes, built in small runs so a large slice never hits the argument limit of String.fromCharCode. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const RUN = 0x8000;
  for (let i = 0; i < bytes.length; i += RUN) {
    binary += String.fromCharCode(...bytes.subarray(i, i + RUN));
  }
  return btoa(binary);
}

/** Reads one slice of the file; Blob.arrayBuffer where the platform has it, FileReader otherwise. */
async function readSlice(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return new Uint8Array(await blob.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(blob);
  });
}

/**
 * Uploads the file and resolves to the new job's id. The chunks go one after the other (each waits for
 * the previous answer) so the core receives them in order; the last one carries `final` — also for an
 * empty file, which is one empty final chunk, so the core can say what is wrong with it.
 */
export async function uploadFile(
  api: LeadDeskApi,
  file: File,
  onProgress: (progress: UploadProgress) => void = () => undefined,
  chunkBytes: number = CHUNK_BYTES,
): Promise<string> {
  const { jobId } = await unwrap(api.import.begin({ fileName: file.name || 'import.csv', bytes: file.size }));
  let offset = 0;
  onProgress({ sent: 0, total: file.size });
  do {
    const end = Math.min(file.size, offset + chunkBytes);
    const data = toBase64(await readSlice(file.slice(offset, end)));
    await unwrap(api.import.chunk({ jobId, offset, data, final: end >= file.size }));
    offset = end;
    onProgress({ sent: offset, total: file.size });
  } while (offset < file.size);
  return jobId;
}
