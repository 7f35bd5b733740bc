const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const rows = []; for (let i = 0; i < 1e6; i++) rows.push([`user${i}@example.com`, `First${i%977}`, `Last, ${i%313}`, `+1 555 ${i}`, `Company ${i%1000}`, `City ${i%200}`, `${10000+i%90000}`, 'US', 'America/New_York', '2-10']);
function a() { let n = 0; for (const r of rows) for (const c of r) if (CONTROL.test(c)) n++; return n; }
function b() { let n = 0; for (const r of rows) if (CONTROL.test(r.join('\u0009'))) n++; return n; }
function c() { let n = 0; for (const r of rows) for (const s of r) { for (let i = 0; i < s.length; i++) { const ch = s.charCodeAt(i); if ((ch < 32 && ch !== 9 && ch !== 10 && ch !== 13) || ch === 127) { n++; break; } } } return n; }
for (let k = 0; k < 3; k++) for (const [name, f] of [['regex/cell', a], ['join+regex', b], ['loop', c]]) { const t = performance.now(); const n = f(); console.log(name, Math.round(performance.now() - t), n); }
