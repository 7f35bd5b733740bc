import { createReadStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { openDatabase } from '../src/main/core/store/database';
import { analyzeFile } from '../src/main/core/import/analyze-file';
import { RowValidator, validatePass } from '../src/main/core/import/validate-job';
import { compileMapping } from '../src/main/core/import/validate-row';
import { suggestMapping } from '../src/main/core/import/aliases';
import { parserOptions, READ_CHUNK } from '../src/main/core/import/csv-source';
const file = process.argv[2]!;
const dir = mkdtempSync(join(tmpdir(), 'inproc-'));
const db = openDatabase(join(dir, 'db.sqlite'));
db.prepare("INSERT INTO accounts (id,label,kind,app_id,api_url,test_mode,created_at) VALUES ('a','a','sandbox','x','y',0,0)").run();
db.prepare("INSERT INTO jobs (id,account_id,kind,name,status,created_at,updated_at) VALUES ('j','a','import','n','uploading',0,0)").run();
const fields = [{ field_id: '5', field_identifier: 'company_size', field_type: 'drop_down' as const, options: ['Just me','2-10','11-50','51-200','201+'].map((v,i)=>({option_id: String(601+i), option_value: v})) }];
async function bare() {
  let n = 0; const p = parse({ ...parserOptions(',', false), on_record: () => { n++; return null; } });
  p.resume(); createReadStream(file, { highWaterMark: READ_CHUNK }).pipe(p);
  await new Promise<void>((r) => p.on('end', () => r())); return n;
}
async function analyzeOnly() { return (await analyzeFile({ sourcePath: file, workDir: dir, pageSize: 500, sampleRows: 20 }, () => null, () => {})).rowCount; }
async function analyzeValidate() {
  let v: RowValidator | null = null;
  const r = await analyzeFile({ sourcePath: file, workDir: dir, pageSize: 500, sampleRows: 20 }, (h) => (v = new RowValidator(db, 'j', dir, compileMapping(h, suggestMapping(h, fields), fields))), () => {});
  await (v as RowValidator | null)?.finish(); return r;
}
(async () => {
  let layout: any;
  for (let round = 0; round < 2; round++) {
    for (const [name, fn] of [['bare', bare], ['analyze-only', analyzeOnly], ['analyze+validate', async () => { const r = await analyzeValidate(); layout = r.layout; return r.rowCount; }], ['validatePass', async () => { const h = ['Email','First Name','Last Name','Phone','Company','City','Zip code','Country','Time zone','Company size']; return (await validatePass(db, { jobId: 'j', workDir: dir, layout, headers: h, mapping: suggestMapping(h, fields), fields }, compileMapping(h, suggestMapping(h, fields), fields), () => {})).ready; }]] as const) {
      if (name === 'validatePass' && !layout) continue;
      const c = process.cpuUsage(); const t = performance.now(); const n = await fn(); const cu = process.cpuUsage(c);
      console.log(round, name, Math.round(performance.now() - t), 'cpu', Math.round((cu.user + cu.system) / 1000), n);
    }
  }
})();
