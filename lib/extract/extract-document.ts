/**
 * One document end to end: read and clean it, find names, group them into
 * entities, then attach roles, affiliations, quotes and aliases, each with the
 * span of `document.text` it came from.
 */
import { aliasKey } from '@/lib/match/normalize';
import type {
  Alias,
  Affiliation,
  Entity,
  Quote,
  Role,
  SourceSpan,
} from '@/lib/model/bundle-format';
import type { ExtractedDocument, RawSource } from '@/lib/model/source';
import { readDocument, type Paragraph } from './document';
import { splitSentences, sentenceAt } from './sentences';
import { findCandidates, tokenize, type Candidate, type Token } from './names';
import { groupCandidates, keyOf, type Group, type GroupAlias } from './entities';
import { attributeQuotes, findQuoteSegments, insideQuote, type PersonMention } from './quotes';
import { pronounResolver } from './coreference';
import { editorialRolesAt, rolesAt } from './roles';
import { isAmbiguousAlias, slugOf } from './aliases';
import type { Cues } from './classify';
import { addDateline } from './dateline';
import { nameCoordinatedBodies } from './coordinated';
import { nameShape } from './name-evidence';
import { givenNameGender, placeKind } from './gazetteer';

/**
 * True for an honorific before a person's given name alone ("Sir Tom" of Tom
 * Harlow, "Dame Ann"): the key is the bare given name, which many people share,
 * so it links only beside the person's full name on the page. "Mr Harlow" is
 * the surname, and stays as linkable as the surname.
 */
function givenNameOnly(form: Alias['form'], key: string, nameKey: string): boolean {
  const words = nameKey.split(' ');
  return (
    form === 'honorific' && words.length > 1 && key === words[0] && givenNameGender(key) !== null
  );
}

/** Extracts one source document; throws `SourceError` when it is not a usable news article. */
export function extractDocument(src: RawSource): ExtractedDocument {
  const read = readDocument(src);
  const { document, paragraphs } = read;
  const text = document.text;
  const docId = document.id;
  const span = (start: number, end: number): SourceSpan => ({ doc: docId, start, end });
  const sentences = splitSentences(text, paragraphs);
  const tokens = tokenize(text, 0, text.length, new Set(sentences.map((s) => s.start)));
  const paragraphOf = (offset: number): number => paragraphIndexAt(paragraphs, offset);

  // Header paragraphs (title line, byline, masthead) only contribute the byline's people and the publisher.
  const bylineKeys = new Set(document.byline.map(aliasKey));
  const publisherKey = document.publisher
    ? aliasKey(document.publisher.replace(/^the\s+/i, ''))
    : null;
  const boost = new Map<number, Partial<Cues>>();
  const candidates: Candidate[] = [];
  // The photo credits' agencies, each whole as the credit wrote it ("SS Kestrel", "KESTREL PRESS"),
  // in their place in text order.
  const creditsAt = read.creditParagraph === null ? undefined : paragraphs[read.creditParagraph];
  let agencies = creditsAt ? creditCandidates(text, tokens, creditsAt) : [];
  const addAgencies = (): void => {
    for (const agency of agencies) {
      boost.set(candidates.length, { org: 3 });
      candidates.push(agency);
    }
    agencies = [];
  };
  for (const c of findCandidates(text, tokens)) {
    if (creditsAt && c.start >= creditsAt.start) addAgencies();
    const at = paragraphOf(c.start);
    const p = paragraphs[at];
    const key = keyOf(c.text);
    if (at === read.creditParagraph) continue; // read whole below
    if (key === publisherKey) boost.set(candidates.length, { org: 2 });
    else if (p?.header && at === read.bylineParagraph && bylineKeys.has(key)) {
      boost.set(candidates.length, { strongPerson: 2 });
    } else if (p?.header && at === 0 && !isSentenceCase(text.slice(p.start, p.end))) {
      // A title-case headline capitalizes every word: only a full name opening with a given name counts.
      const shape = nameShape(c.tokens.map((t) => t.text));
      if (!(c.tokens.length > 1 && shape.givenFirst && shape.allNameLike)) continue;
    } else if (p?.header && at !== 0) continue;
    candidates.push(c);
  }
  addAgencies();
  for (const i of nameCoordinatedBodies(text, candidates)) boost.set(i, { org: 2 });
  const { groups, mentionGroup } = groupCandidates(text, tokens, candidates, boost);
  const index = new Map<Group, number>(groups.map((g, i) => [g, i]));
  const segments = findQuoteSegments(text, paragraphs);
  const quoted = (offset: number): boolean => insideQuote(segments, offset);

  // People named outside quotes are the ones a "he said" can point at.
  const people: PersonMention[] = [];
  const honorifics = new Map<number, string>();
  candidates.forEach((c, i) => {
    const g = mentionGroup[i];
    if (!g || g.kind !== 'person' || quoted(c.start) || paragraphs[paragraphOf(c.start)]?.header)
      return;
    const entity = index.get(g) ?? -1;
    people.push({ start: c.start, end: c.end, entity });
    if (c.honorific && !honorifics.has(entity)) honorifics.set(entity, c.honorific);
  });
  const resolvePronoun = pronounResolver(people, tokens, sentences, honorifics, quoted);
  const speakers = attributeQuotes({ text, sentences, segments, people, resolvePronoun });

  const roles = groups.map((): Role[] => []);
  const affiliations = groups.map((): Affiliation[] => []);
  const quotes = groups.map((): Quote[] => []);
  // Candidates ascend by start (found left to right), so a role's span is found by binary search.
  const entityIn = (start: number, end: number, kinds: string[]): Group[] => {
    const found: Group[] = [];
    for (let i = firstStartingAt(candidates, start); i < candidates.length; i++) {
      const c = candidates[i]!;
      if (c.start >= end) break;
      const g = mentionGroup[i];
      if (g && kinds.includes(g.kind ?? '') && c.end <= end) found.push(g);
    }
    return found;
  };
  const idOf = (g: Group): string => `${g.kind}:${slugOf(g.name)}`;

  candidates.forEach((c, i) => {
    const g = mentionGroup[i];
    if (!g || g.kind !== 'person') return;
    const gi = index.get(g) ?? -1;
    // Inside a quote the words are the speaker's; only an editor's brackets are the article's.
    const foundRoles = quoted(c.start) ? editorialRolesAt(c, text) : rolesAt(c, text, tokens);
    for (const found of foundRoles) {
      const orgs = entityIn(found.start, found.end, ['organization']);
      if (!roles[gi]?.some((r) => r.title.toLowerCase() === found.title.toLowerCase())) {
        roles[gi]?.push({
          title: found.title,
          organizationId: orgs[0] ? idOf(orgs[0]) : null,
          source: span(found.evidenceStart, found.evidenceEnd),
        });
      }
      for (const a of entityIn(found.start, found.end, ['organization', 'place'])) {
        if (a === g || affiliations[gi]?.some((x) => x.entityId === idOf(a))) continue;
        affiliations[gi]?.push({
          entityId: idOf(a),
          name: a.name,
          source: span(found.evidenceStart, found.evidenceEnd),
        });
      }
    }
  });

  // The byline: the people who reported the story, with the label the page gave them.
  if (read.bylineParagraph !== null) {
    const p = paragraphs[read.bylineParagraph];
    const label = p
      ? /^(reporters?|authors?|correspondents?)\b/i.exec(text.slice(p.start, p.end))?.[1]
      : undefined;
    candidates.forEach((c, i) => {
      const g = mentionGroup[i];
      if (!p || !g || g.kind !== 'person' || c.start < p.start || c.end > p.end) return;
      const gi = index.get(g) ?? -1;
      if (roles[gi]?.length === 0)
        roles[gi]?.push({
          title: label ?? 'byline',
          organizationId: null,
          source: span(p.start, p.end),
        });
    });
  }

  // A sentence split by its attribution (“We will,” he said, “win.”) is one quote, joined with " … ".
  segments.forEach((s, i) => {
    const speaker = speakers[i];
    if (typeof speaker !== 'number' || speaker < 0) return;
    const prev = segments[i - 1];
    const inner = text.slice(s.innerStart, s.innerEnd);
    const lead = inner.length - inner.trimStart().length;
    const trimmed = inner.trim();
    const last = sentenceAt(sentences, Math.max(s.open, s.close - 1));
    const contextEnd = Math.max(last?.end ?? s.close, s.close);
    const held = quotes[speaker]?.at(-1);
    const resumes =
      prev &&
      speakers[i - 1] === speaker &&
      prev.paragraph === s.paragraph &&
      /^\p{Ll}/u.test(trimmed) &&
      /,\s*$/.test(text.slice(prev.innerStart, prev.innerEnd)) &&
      held &&
      held.source.end <= prev.innerEnd;
    if (resumes && held) {
      held.text = `${held.text.replace(/,\s*$/, '')} … ${trimmed}`;
      held.source = span(held.source.start, s.innerStart + lead + trimmed.length);
      held.context = span(held.context.start, Math.max(held.context.end, contextEnd));
      return;
    }
    const first = sentenceAt(sentences, s.open);
    quotes[speaker]?.push({
      text: trimmed,
      source: span(s.innerStart + lead, s.innerStart + lead + trimmed.length),
      context: span(first?.start ?? s.open, contextEnd),
    });
  });

  // A role stated in the body wins over one read from a photo caption.
  roles.forEach((list, gi) => {
    const caption = (r: Role) =>
      isCaption(text, paragraphs[paragraphOf(r.source.start)] ?? { start: 0, end: 0 });
    if (list.some((r) => !caption(r))) roles[gi] = list.filter((r) => !caption(r));
  });

  const sharedTokens = tokensInSeveralNames(groups);
  const entities = groups.map((g, gi): Entity => {
    const aliases: Alias[] = [];
    for (const a of g.aliases) {
      const key = keyOf(a.text);
      if (!key || aliases.some((x) => x.key === key && x.form === a.form)) continue;
      aliases.push({
        text: a.text,
        key,
        form: a.form,
        ambiguous: isAmbiguousAlias(a.text, sharedTokens) || givenNameOnly(a.form, key, g.key),
        source: span(a.start, a.end),
      });
    }
    const surname = g.kind === 'person' ? surnameAlias(g) : null;
    if (surname && !aliases.some((x) => x.key === keyOf(surname.text))) {
      aliases.push({
        text: surname.text,
        key: keyOf(surname.text),
        form: 'short',
        ambiguous: isAmbiguousAlias(surname.text, sharedTokens),
        source: span(surname.start, surname.end),
      });
    }
    return {
      id: idOf(g),
      kind: g.kind ?? 'person',
      name: g.name,
      aliases,
      roles: roles[gi] ?? [],
      affiliations: affiliations[gi] ?? [],
      quotes: quotes[gi] ?? [],
      mentions: [{ doc: docId, count: g.mentions.length }],
      related: [],
    };
  });
  for (const e of entities) {
    e.related = entities
      .filter((o) => o.id !== e.id)
      .map((o) => ({ entityId: o.id, documents: 1 }));
  }
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return addDateline({ document, entities }, read.dateline);
}

/**
 * The agencies of the credits paragraph (written "AFP; Kestrel Press"), each a
 * candidate of its own; "Kestrel Press Ruritania", an agency's desk in a
 * country, is the agency.
 */
function creditCandidates(text: string, tokens: Token[], p: Paragraph): Candidate[] {
  const found: Candidate[] = [];
  let start = p.start;
  // The paragraph is near the text's start: its tokens are found once, then read in order.
  let next = tokens.findIndex((t) => t.start >= start);
  for (const part of text.slice(p.start, p.end).split('; ')) {
    const end = start + part.length;
    const first = next;
    while (next >= 0 && next < tokens.length && (tokens[next] as Token).end <= end) next++;
    let inside = first >= 0 ? tokens.slice(first, next) : [];
    const last = inside[inside.length - 1];
    if (inside.length > 2 && last && placeKind(last.text) === 'country')
      inside = inside.slice(0, -1);
    const lastKept = inside[inside.length - 1];
    if (first >= 0 && lastKept) {
      found.push({
        text: text.slice(start, lastKept.end),
        start,
        end: lastKept.end,
        tokens: inside,
        first,
        honorific: null,
        honorificStart: start,
        title: null,
        possessive: false,
      });
    }
    start = end + 2;
  }
  return found;
}

/**
 * True for a photo caption: it places people in the picture ("(left)",
 * "(centre)"), opens with a picture label, or closes with a photo credit.
 */
function isCaption(text: string, p: { start: number; end: number }): boolean {
  const block = text.slice(p.start, p.end);
  return (
    /\((?:left|right|centre|center|pictured|above|below|top|bottom|front|back)\)/i.test(block) ||
    /^(?:photo|picture|pictured|image|caption)\b/i.test(block) ||
    /(?:photo|picture|image)\s*(?::|by)\s*\S[^.]*$/i.test(block)
  );
}

/** Particles that belong to the family name after them: "de Jong", "van der Berg", "al-". */
const SURNAME_PARTICLES = new Set([
  'de',
  'van',
  'von',
  'der',
  'den',
  'da',
  'del',
  'di',
  'du',
  'la',
  'le',
]);

/**
 * The family name of a person's full name, as written in the first full
 * mention: news style calls people by it on second reference ("Jane Roe" →
 * "Roe"), even where the text itself has not yet done so (a caption, a later
 * page). Initials and suffixes are no family name.
 */
function surnameAlias(g: Group): GroupAlias | null {
  const full = g.aliases.find((a) => a.form === 'name');
  if (!full) return null;
  const words = full.text.split(' ');
  // "Tariq bin Omar": the last word of a patronymic name is the father's, not a family name.
  if (words.length < 2 || words.some((w) => /^(?:bin|binti|bint|ibn)$/i.test(w))) return null;
  let from = words.length - 1;
  while (from > 1 && SURNAME_PARTICLES.has((words[from - 1] ?? '').toLowerCase())) from--;
  const text = words.slice(from).join(' ');
  const last = words[words.length - 1] ?? '';
  const letters = /^[\p{L}\p{M}'’ -]+$/u.test(text) && /\p{L}{3}/u.test(last);
  if (!letters || /^(?:jr|sr|ii|iii|iv)\.?$/i.test(last)) return null;
  const start = full.start + full.text.length - text.length;
  return { text, form: 'short', start, end: start + text.length };
}

/**
 * True for a headline written like a sentence ("Ruritania counts votes as rivals
 * trade blame"): its capitals are names, so its candidates count. A headline in
 * title case capitalizes every word and would give junk names.
 */
function isSentenceCase(line: string): boolean {
  const head = line.split(/\s+[|–—-]\s+/)[0] ?? line;
  const words = head.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length < 4) return false;
  const capitals = words.slice(1).filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitals / (words.length - 1) < 0.5;
}

/** Lowercase words that occur in the names of two or more entities ("Sen" in two people's names). */
function tokensInSeveralNames(groups: Group[]): Set<string> {
  const owners = new Map<string, Set<number>>();
  groups.forEach((g, i) => {
    for (const word of g.name.toLowerCase().split(/\s+/)) {
      if (!owners.has(word)) owners.set(word, new Set());
      owners.get(word)?.add(i);
    }
  });
  return new Set([...owners].filter(([, s]) => s.size >= 2).map(([w]) => w));
}

/**
 * The first paragraph holding `offset` (start ≤ offset ≤ end), or -1. A binary
 * search over the ends, which ascend: scanning the list for each candidate made
 * a long source quadratic (a 1 MB article took seconds per thousand paragraphs).
 */
function paragraphIndexAt(paragraphs: readonly { start: number; end: number }[], offset: number) {
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (paragraphs[middle]!.end < offset) low = middle + 1;
    else high = middle;
  }
  const found = paragraphs[low];
  return found && found.start <= offset ? low : -1;
}

/** Index of the first of `spans` (ascending by start) that starts at or after `offset`. */
function firstStartingAt(spans: readonly { start: number }[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
