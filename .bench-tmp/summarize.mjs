import { readFileSync, readdirSync } from 'node:fs';
const f = readdirSync('.').find((x) => x.endsWith('.cpuprofile'));
const p = JSON.parse(readFileSync(f, 'utf8'));
const self = new Map();
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const dt = p.timeDeltas; const samples = p.samples;
const counts = new Map();
for (let i = 0; i < samples.length; i++) counts.set(samples[i], (counts.get(samples[i]) ?? 0) + (dt[i] ?? 0));
for (const [id, t] of counts) { const n = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + t); }
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total ms', Math.round(total / 1000));
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 35)) console.log(Math.round(v / 1000), k);
