import { createReadStream } from 'node:fs';
import { parse } from '../node_modules/csv-parse/lib/index.js';
const file = process.argv[2];
async function run(label, extra) {
  const t = performance.now(); let n = 0; let last = 0;
  const p = parse({ delimiter: ',', bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: 1e6, ...extra });
  p.on('readable', () => { while (p.read() !== null) n++; });
  createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(p);
  await new Promise((r) => p.on('end', r));
  console.log(label, Math.round(performance.now() - t), n);
}
const offsets = [];
await run('plain', {});
await run('on_record', { on_record: (rec, ctx) => { if (ctx.records % 500 === 1) offsets.push(ctx.bytes); return rec; } });
await run('plain2', {});
console.log(offsets.slice(0, 3));
