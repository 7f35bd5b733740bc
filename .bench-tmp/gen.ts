import { createWriteStream } from 'node:fs';
const COUNTRIES = ['US', 'DE', 'France', 'GB', 'Norway', 'ES', 'Canada', 'NL'];
const ZONES = ['America/New_York', 'Europe/Brussels', 'Europe/London', 'America/Chicago', 'Asia/Tokyo', ''];
const SIZES = ['Just me', '2-10', '11-50', '51-200', '201+', ''];
(async () => {
const out = createWriteStream('/tmp/imp-exp/bench1m.csv');
out.write('Email,First Name,Last Name,Phone,Company,City,Zip code,Country,Time zone,Company size\n');
let buf = ''; const prefix='bench';
for (let i = 1; i <= 1000000; i++) {
  const email = i % 331 === 0 ? `broken.${i}@` : i % 997 === 0 ? `${prefix}${i - 1}@example.com` : `${prefix}${i}@example.com`;
  buf += `${email},First${i % 977},"Last, ${i % 313}",+1 555 ${String(i % 10_000_000).padStart(7, '0')},Company ${i % 1000},City ${i % 200},${10000 + (i % 90000)},${COUNTRIES[i % 8]},${ZONES[i % 6]},${SIZES[i % 6]}\n`;
  if (buf.length > 1 << 20) { if (!out.write(buf)) await new Promise((r) => out.once('drain', r)); buf = ''; }
}
out.end(buf); })();
