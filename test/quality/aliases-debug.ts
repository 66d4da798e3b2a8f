/**
 * `tsx test/quality/aliases-debug.ts`: the gold (person, surface) pairs the
 * scan did not link although the person was found, to read why aliases move.
 */
import { readDevCorpus } from './corpus';
import { normalizeName } from './normalize';
import { runText } from './run';
import { containsWords } from './score';

const texts = await readDevCorpus();
for (const t of texts) {
  const outcome = runText(t);
  if (outcome.refused) continue;
  for (const p of t.gold.people) {
    if (p.credit) continue;
    const forms = new Set([p.name, ...p.surfaces].map(normalizeName));
    const ids = new Set(
      outcome.entities
        .filter((e) => e.kind === 'person' && forms.has(normalizeName(e.name)))
        .map((e) => e.id),
    );
    if (ids.size === 0) continue;
    for (const surface of p.surfaces) {
      // The scorer's own test: the mention's words are the surface's, or end with them.
      const linked = outcome.mentions.filter((m) =>
        containsWords(normalizeName(m.text), normalizeName(surface)),
      );
      if (linked.some((m) => ids.has(m.entityId))) continue;
      const other = linked.map((m) => m.name).join(', ');
      console.log(
        `${t.gold.file}\t${p.name}\t"${surface}"\t${other ? `linked to ${other}` : 'not linked'}`,
      );
    }
  }
}
