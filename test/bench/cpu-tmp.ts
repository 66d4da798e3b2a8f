import { extractDocument } from '@/lib/extract';
import { generateArticle } from './articles';
import { generateEntities } from './names';
import { Random } from './random';
const pool = generateEntities(3000, 11);
const rng = new Random(7);
const sources = Array.from({ length: 600 }, (_, i) => generateArticle(rng, pool, i));
for (const s of sources.slice(0, 100)) extractDocument(s); // warm
const t0 = process.cpuUsage();
for (let r = 0; r < 2; r++) for (const s of sources) extractDocument(s);
const u = process.cpuUsage(t0);
console.log(`${((1200 / (u.user + u.system)) * 1e6).toFixed(0)} docs per CPU-second`);
