/**
 * Scoring one dev text against its gold by the corpus README's contract:
 * people found and false people, organizations and places the same way, roles
 * that share a content word with the gold role, and aliases the scan matcher
 * links to the right person.
 */
import type { Entity, EntityKind } from '@/lib/model/bundle-format';
import type { Mention } from '@/lib/match';
import type { GoldEntity, GoldPerson, GoldText } from './corpus';
import { contentWords, normalizeName } from './normalize';

/** Found/false counts for one kind of entity. */
export interface KindCounts {
  /** Gold entities counted for recall (people named only in credits are left out). */
  gold: number;
  found: number;
  extracted: number;
  falsePositives: number;
}

/** Everything counted on one text; sums of these give every figure of the report. */
export interface TextCounts {
  people: KindCounts;
  organizations: KindCounts;
  places: KindCounts;
  roles: { gold: number; matched: number };
  aliases: { pairs: number; linked: number };
  refused: number;
}

/** What extraction gave for one text: the bundle's entities and the scan's mentions, or a refusal. */
export type TextOutcome =
  { refused: false; entities: Entity[]; mentions: Mention[] } | { refused: true; reason: string };

/** Names a gold entity may be found under. */
function forms(g: GoldEntity): Set<string> {
  return new Set([g.name, ...g.surfaces].map(normalizeName));
}

function countKind(gold: GoldEntity[], counted: GoldEntity[], extracted: Entity[]): KindCounts {
  const names = extracted.map((e) => normalizeName(e.name));
  const known = new Set(gold.flatMap((g) => [...forms(g)]));
  // A single word of a gold name ("Roe" for Jane Roe) is not counted as false.
  const words = new Set(gold.flatMap((g) => normalizeName(g.name).split(' ')));
  return {
    gold: counted.length,
    found: counted.filter((g) => names.some((n) => forms(g).has(n))).length,
    extracted: extracted.length,
    falsePositives: names.filter((n) => !known.has(n) && !words.has(n)).length,
  };
}

/** The extracted entities of `kind` that stand for gold entity `g`. */
function matchesOf(g: GoldEntity, extracted: Entity[]): Entity[] {
  const f = forms(g);
  return extracted.filter((e) => f.has(normalizeName(e.name)));
}

function sharesContentWord(a: string, b: string): boolean {
  const wa = contentWords(a);
  return [...contentWords(b)].some((w) => wa.has(w));
}

/** No counts yet. */
export function emptyCounts(): TextCounts {
  const kind = (): KindCounts => ({ gold: 0, found: 0, extracted: 0, falsePositives: 0 });
  return {
    people: kind(),
    organizations: kind(),
    places: kind(),
    roles: { gold: 0, matched: 0 },
    aliases: { pairs: 0, linked: 0 },
    refused: 0,
  };
}

/** Scores one text. */
export function scoreText(gold: GoldText, outcome: TextOutcome): TextCounts {
  const people = gold.people.filter((p) => !p.credit);
  const withRole = people.filter((p): p is GoldPerson & { role: string } => Boolean(p.role));
  const pairs = people.reduce((n, p) => n + new Set(p.surfaces).size, 0);
  const counts = emptyCounts();
  if (outcome.refused) {
    counts.people.gold = people.length;
    counts.organizations.gold = gold.organizations.length;
    counts.places.gold = gold.places.length;
    counts.roles.gold = withRole.length;
    counts.aliases.pairs = pairs;
    counts.refused = 1;
    return counts;
  }
  const ofKind = (kind: EntityKind) => outcome.entities.filter((e) => e.kind === kind);
  const persons = ofKind('person');
  counts.people = countKind(gold.people, people, persons);
  counts.organizations = countKind(gold.organizations, gold.organizations, ofKind('organization'));
  counts.places = countKind(gold.places, gold.places, ofKind('place'));
  counts.roles.gold = withRole.length;
  counts.roles.matched = withRole.filter((p) =>
    matchesOf(p, persons).some((e) => e.roles.some((r) => sharesContentWord(r.title, p.role))),
  ).length;
  counts.aliases.pairs = pairs;
  for (const p of people) {
    const ids = new Set(matchesOf(p, persons).map((e) => e.id));
    for (const surface of new Set(p.surfaces)) {
      const key = normalizeName(surface);
      // A surface written only inside a longer linked form ("Ahmad Rizal" in every
      // "Datuk Seri Ahmad Rizal") is linked by that mention: the scan marks the longest form.
      const linked = outcome.mentions.some(
        (m) => ids.has(m.entityId) && containsWords(normalizeName(m.text), key),
      );
      if (linked) counts.aliases.linked++;
    }
  }
  return counts;
}

/**
 * True when a mention's words are the surface's, or the surface of two words or
 * more after a prefix ("datuk seri anwar ibrahim" ends with "anwar ibrahim"). A
 * one-word surface needs its own mention: "Lee" is not linked by "Lee Ji-Hoon".
 */
export function containsWords(words: string, part: string): boolean {
  return words === part || (part.includes(' ') && words.endsWith(` ${part}`));
}

/** Adds `b` into `a`. */
export function addCounts(a: TextCounts, b: TextCounts): void {
  for (const kind of ['people', 'organizations', 'places'] as const) {
    a[kind].gold += b[kind].gold;
    a[kind].found += b[kind].found;
    a[kind].extracted += b[kind].extracted;
    a[kind].falsePositives += b[kind].falsePositives;
  }
  a.roles.gold += b.roles.gold;
  a.roles.matched += b.roles.matched;
  a.aliases.pairs += b.aliases.pairs;
  a.aliases.linked += b.aliases.linked;
  a.refused += b.refused;
}
