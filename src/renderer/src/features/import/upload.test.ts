import { describe, expect, it } from 'vitest';
import { makeApi } from '../../../../shared/ipc/make-api';
import { makeImportKit } from './testing/import-fake-core';
import { toBase64, uploadFile } from './upload';

describe('uploadFile', () => {
  it('sends the file in ordered chunks with the final flag on the last one only', async () => {
    const kit = makeImportKit();
    const text = 'Email,First name\nada@example.com,Ada\nbob@example.com,Bob\n';
    const file = new File([text], 'people.csv', { type: 'text/csv' });
    const seen: number[] = [];
    const jobId = await uploadFile(makeApi(kit.core), file, (p) => seen.push(p.sent), 16);

    expect(jobId).toBe('job-1');
    expect(kit.core.callsOf('import.begin')).toEqual([{ fileName: 'people.csv', bytes: text.length }]);
    const chunks = kit.core.callsOf('import.chunk');
    expect(chunks).toHaveLength(Math.ceil(text.length / 16));
    expect(chunks.map((c) => c.offset)).toEqual(chunks.map((_, i) => i * 16));
    expect(chunks.map((c) => c.final)).toEqual(chunks.map((_, i) => i === chunks.length - 1));
    const bytes = await new Blob(kit.received.get('job-1')!.map((c) => Uint8Array.from(c))).text();
    expect(bytes).toBe(text);
    expect(seen.at(-1)).toBe(text.length);
  });

  it('sends an empty file as one empty final chunk', async () => {
    const kit = makeImportKit();
    await uploadFile(makeApi(kit.core), new File([], 'empty.csv'));
    expect(kit.core.callsOf('import.chunk')).toEqual([{ jobId: 'job-1', offset: 0, data: '', final: true }]);
  });

  it('stops at the first refused chunk with the core’s message', async () => {
    const kit = makeImportKit();
    kit.core.answer('import.chunk', () => ({ ok: false, error: { code: 'invalid_input', message: 'Chunk out of order.', retryable: false } }));
    await expect(uploadFile(makeApi(kit.core), new File(['abcdef'], 'x.csv'), undefined, 2)).rejects.toThrow('Chunk out of order.');
    expect(kit.core.callsOf('import.chunk')).toHaveLength(1);
  });

  it('encodes binary bytes (all 256 values) to standard base64', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => i % 256);
    expect(toBase64(bytes)).toBe(btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join('')));
  });
});
