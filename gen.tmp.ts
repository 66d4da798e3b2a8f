import { ScaleProfiles } from './test/bench/scale-names';
const n = Number(process.argv[2]);
let t = performance.now();
const s = new ScaleProfiles(n);
console.log('plan', Math.round(performance.now() - t), 'ms', (process.memoryUsage().rss / 1e6) | 0, 'MB rss');
t = performance.now();
let c = 0; const keys = new Set<string>(); let prev = '';
for (const e of s.inIdOrder()) { c++; if (e.id <= prev) throw new Error('order ' + e.id); prev = e.id; for (const a of e.aliases) if (!a.ambiguous) { if (keys.has(a.key)) throw new Error('dup ' + a.key); keys.add(a.key); } }
console.log('iterate', Math.round(performance.now() - t), 'ms', c, (process.memoryUsage().rss / 1e6) | 0, 'MB rss');
console.log([...s.first(30)].map((e) => e.name + (e.acronym ? ` (${e.acronym})` : '')).join('; '));
console.log(s.sample(n).slice(0, 12).map((e) => e.name).join('; '));
