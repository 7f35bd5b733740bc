import { parse } from '../node_modules/csv-parse/lib/sync.js';
function offsets(buf, extra = {}) {
  const out = [];
  parse(buf, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, ...extra, on_record: (r, ctx) => { out.push([ctx.bytes, ctx.lines, JSON.stringify(r)]); return null; } });
  return out;
}
for (const [label, text, extra] of [
  ['lf', 'a,b\n1,2\n3,4\n', {}],
  ['crlf', 'a,b\r\n1,2\r\n3,4\r\n', {}],
  ['cr', 'a,b\r1,2\r3,4\r', {}],
  ['quoted nl', 'a,b\n1,"x\ny"\n3,4\n', {}],
  ['bom', '\ufeffa,b\n1,2\n', {}],
  ['sep', 'sep=;\na;b\n1;2\n', { delimiter: ';', from_line: 2 }],
  ['blank', 'a,b\n\n\n1,2\n\n3,4', {}],
  ['noeol', 'a,b\n1,2\n3,4', {}],
]) {
  const buf = Buffer.from(text);
  console.log(label, JSON.stringify(text), JSON.stringify(offsets(buf, extra)));
}
