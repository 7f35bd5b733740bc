import { createReadStream } from 'node:fs';
import { parse } from '../node_modules/csv-parse/lib/index.js';
const file = process.argv[2];
const base = { delimiter: ',', bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: 1e6 };
async function readable(extra = {}) {
  let n = 0; const p = parse({ ...base, ...extra });
  p.on('readable', () => { while (p.read() !== null) n++; });
  createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(p);
  await new Promise((r) => p.on('end', r)); return n;
}
async function onrec() {
  let n = 0; const p = parse({ ...base, on_record: (r, ctx) => { n++; return null; } });
  p.resume();
  createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(p);
  await new Promise((r) => p.on('end', r)); return n;
}
async function onrecBytes() {
  let n = 0, b = 0; const p = parse({ ...base, on_record: (r, ctx) => { n++; b = ctx.bytes; return null; } });
  p.resume();
  createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(p);
  await new Promise((r) => p.on('end', r)); return n;
}
async function infoTrue() {
  let n = 0; const p = parse({ ...base, info: true });
  p.on('readable', () => { let x; while ((x = p.read()) !== null) n++; });
  createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(p);
  await new Promise((r) => p.on('end', r)); return n;
}
for (let round = 0; round < 2; round++) for (const [name, fn] of [['readable', readable], ['on_record', onrec], ['on_record+bytes', onrecBytes], ['info', infoTrue]]) {
  const t = performance.now(); const n = await fn(); console.log(name, Math.round(performance.now() - t), n);
}
