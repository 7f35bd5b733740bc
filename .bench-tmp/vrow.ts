import { compileMapping, validateRow } from '../src/main/core/import/validate-row';
import { suggestMapping } from '../src/main/core/import/aliases';
import { DuplicateFinder } from '../src/main/core/import/duplicates';
const fields = [{ field_id: '5', field_identifier: 'company_size', field_type: 'drop_down' as const, options: ['Just me','2-10','11-50','51-200','201+'].map((v,i)=>({option_id: String(601+i), option_value: v})) }];
const h = ['Email','First Name','Last Name','Phone','Company','City','Zip code','Country','Time zone','Company size'];
const cm = compileMapping(h, suggestMapping(h, fields), fields);
const COUNTRIES = ['US', 'DE', 'France', 'GB', 'Norway', 'ES', 'Canada', 'NL'];
const ZONES = ['America/New_York', 'Europe/Brussels', 'Europe/London', 'America/Chicago', 'Asia/Tokyo', ''];
const SIZES = ['Just me', '2-10', '11-50', '51-200', '201+', ''];
const rows: string[][] = [];
for (let i = 1; i <= 1e6; i++) rows.push([`bench${i}@example.com`, `First${i % 977}`, `Last, ${i % 313}`, `+1 555 ${String(i % 1e7).padStart(7, '0')}`, `Company ${i % 1000}`, `City ${i % 200}`, `${10000 + (i % 90000)}`, COUNTRIES[i % 8]!, ZONES[i % 6]!, SIZES[i % 6]!]);
for (let k = 0; k < 3; k++) {
  let t = performance.now(); let keys: string[] = [];
  for (const r of rows) keys.push(validateRow(cm, r, false, false).emailKey);
  const a = performance.now() - t; t = performance.now();
  const d = new DuplicateFinder(); let n = 0; keys.forEach((key, i) => { if (d.check(key, i + 1) !== null) n++; });
  console.log('validateRow', Math.round(a), 'dups', Math.round(performance.now() - t), n);
}
