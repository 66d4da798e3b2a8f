/**
 * `tsx test/quality/roles-debug.ts`: each gold person with a role beside the
 * roles extraction gave them, to read why the roles figure moves.
 */
import { readDevCorpus } from './corpus';
import { normalizeName } from './normalize';
import { runText } from './run';

const texts = await readDevCorpus();
for (const t of texts) {
  const outcome = runText(t);
  if (outcome.refused) continue;
  for (const p of t.gold.people) {
    if (!p.role || p.credit) continue;
    const forms = new Set([p.name, ...p.surfaces].map(normalizeName));
    const mine = outcome.entities.filter(
      (e) => e.kind === 'person' && forms.has(normalizeName(e.name)),
    );
    const roles = mine.flatMap((e) => e.roles.map((r) => r.title));
    console.log(
      `${t.gold.file}\t${p.name}\tgold: ${p.role}\tgot: ${mine.length ? roles.join(' | ') || '-' : 'NOT FOUND'}`,
    );
  }
}
