import { tokenize, findCandidates } from '@/lib/extract/names';
const text = process.argv[2]!;
const tokens = tokenize(text, 0, text.length, new Set([0]));
console.log(tokens.map((t) => t.text).join('|'));
for (const c of findCandidates(text, tokens)) console.log(JSON.stringify({ t: c.text }));
