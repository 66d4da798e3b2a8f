/**
 * `tsx test/quality/one-debug.ts FILE`: what extraction finds in one plain-text
 * file (people with their roles, organizations, places), to read a rule's effect
 * on a fixture of your own.
 */
import { readFileSync } from 'node:fs';
import { buildBundle } from '@/lib/profiles/build-bundle';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx test/quality/one-debug.ts FILE');
const bundle = buildBundle([{ origin: file, format: 'txt', content: readFileSync(file, 'utf8') }]);
for (const e of bundle.entities) {
  const roles = e.roles.map((r) => r.title).join(' | ');
  console.log(`${e.kind}\t${e.name}\t${roles}`);
}
