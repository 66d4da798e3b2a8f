/**
 * The dateline: where a story was filed, in capitals at the start of its first
 * paragraph ("BRACKWATER —", "LONDON (Reuters) -", "SAN JUAN, Puerto Rico, May 3
 * (AP) —"). News style writes a place there and nothing else, so the words in
 * capitals name a place even though the name finder, rightly, takes a word in
 * capitals elsewhere for an acronym or a shouted headline. The agency in
 * brackets is the organization that filed the story.
 */
import { aliasKey } from '@/lib/match/normalize';
import type { Entity } from '@/lib/model/bundle-format';
import type { ExtractedDocument } from '@/lib/model/source';
import { slugOf } from './aliases';
import { isCommonWord } from './common-words';

/** The place a dateline names, as a span of `document.text`. */
export interface Dateline {
  /** The place as written ("NEW YORK"). */
  text: string;
  /** The place in ordinary capitalization ("New York"), the entity's display name. */
  name: string;
  start: number;
  end: number;
  /** Length of the whole dateline with its separator ("NEW YORK (AP) — "), which is not prose. */
  length: number;
  /** The news agency in brackets ("Reuters" of "LONDON (Reuters) —"), an organization; or null. */
  agency: { text: string; start: number; end: number } | null;
}

/** An agency's name in a dateline's brackets: capitalized words or initials, no date or number. */
const AGENCY = /^\p{Lu}[\p{L}.&'’-]*(?:\s\p{Lu}[\p{L}.&'’-]*){0,3}$/u;

/** A word in capitals: "LONDON", "ST.", "PORT-AU-PRINCE", "N'DJAMENA". */
const CAPS_WORD = String.raw`\p{Lu}[\p{Lu}'’.-]*\p{Lu}\.?`;
const DATELINE = new RegExp(
  String.raw`^(${CAPS_WORD}(?:\s${CAPS_WORD}){0,3})` +
    // A region or country after a comma ("SAN JUAN, Puerto Rico"), and a date ("May 3").
    String.raw`(?:,\s(?:\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2}))?` +
    String.raw`(?:,\s\p{Lu}\p{Ll}{2,8}\.?\s\d{1,2})?` +
    // The agency in brackets, then a dash or colon before the story's first word, capitalized
    // ("NATO-led talks" is no dateline).
    String.raw`\s*(?:\(([^()\n]{1,40})\)\s*)?(?:[—–]|--?|:)\s*(?=["“‘]?[\p{Lu}\d])`,
  'u',
);
/** Labels written in capitals before a story that are not places ("EXCLUSIVE —", "UPDATE 2 -"). */
const KICKERS = new Set([
  'ANALYSIS',
  'BREAKING',
  'COMMENT',
  'CORRECTION',
  'EDITORIAL',
  'EXCLUSIVE',
  'FACTBOX',
  'FEATURE',
  'INTERVIEW',
  'LIVE',
  'OPINION',
  'REVIEW',
  'UPDATE',
  'URGENT',
  'WATCH',
]);

/** "NEW YORK" → "New York", "PORT-AU-PRINCE" → "Port-Au-Prince", "ST. LOUIS" → "St. Louis". */
function ordinaryCase(caps: string): string {
  return caps.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, lead: string, letter: string) => {
    return lead + letter.toUpperCase();
  });
}

/**
 * The dateline at the start of `paragraph` (text from offset `start` of the
 * document), or null. A transcript's speaker label ("SMITH:") is a name, not a
 * place, so a colon counts only after an agency in brackets.
 */
export function findDateline(paragraph: string, start = 0): Dateline | null {
  const m = DATELINE.exec(paragraph);
  if (!m || !m[1]) return null;
  const place = m[1];
  const words = place.split(/\s+/);
  if (words.some((w) => KICKERS.has(w.replace(/[.]/g, '')))) return null;
  if (m[0].trimEnd().endsWith(':') && !/\)\s*:$/.test(m[0].trimEnd())) return null;
  const inBrackets = m[2]?.trim();
  const agencyAt = inBrackets ? m[0].indexOf(inBrackets, place.length) : -1;
  return {
    text: place,
    name: ordinaryCase(place),
    start,
    end: start + place.length,
    length: m[0].length,
    // "(Updated)" is a note, not an agency.
    agency:
      inBrackets && AGENCY.test(inBrackets) && !isCommonWord(inBrackets.toLowerCase())
        ? { text: inBrackets, start: start + agencyAt, end: start + agencyAt + inBrackets.length }
        : null,
  };
}

/**
 * Adds the dateline's place and agency to an extracted document: the place
 * (and the agency, an organization) as a new entity whose alias points at the
 * dateline, or one more alias and mention of the entity of that kind the
 * document already has under that name. An entity of another kind under the
 * same name is left alone (the dateline cannot say which is meant).
 */
export function addDateline(
  extracted: ExtractedDocument,
  dateline: Dateline | null,
): ExtractedDocument {
  if (!dateline) return extracted;
  const withPlace = addNamedSpan(extracted, 'place', dateline.name, dateline);
  const agency = dateline.agency;
  return agency ? addNamedSpan(withPlace, 'organization', agency.text, agency) : withPlace;
}

/** Adds one entity of `kind` named `name`, written at `span`, or one more alias and mention of it. */
function addNamedSpan(
  extracted: ExtractedDocument,
  kind: 'place' | 'organization',
  name: string,
  span: { text: string; start: number; end: number },
): ExtractedDocument {
  const doc = extracted.document.id;
  const source = { doc, start: span.start, end: span.end };
  const key = aliasKey(name);
  const alias = {
    text: span.text,
    key: aliasKey(span.text),
    form: 'name' as const,
    ambiguous: false,
    source,
  };
  const same = extracted.entities.find(
    (e) => aliasKey(e.name) === key || e.aliases.some((a) => aliasKey(a.text) === key),
  );
  if (same) {
    if (same.kind !== kind) return extracted;
    const entities = extracted.entities.map((e) => {
      if (e !== same) return e;
      const aliases = e.aliases.some((a) => a.key === alias.key && a.form === alias.form)
        ? e.aliases
        : [...e.aliases, alias];
      const mentions = e.mentions.map((m) => (m.doc === doc ? { ...m, count: m.count + 1 } : m));
      return { ...e, aliases, mentions };
    });
    return { ...extracted, entities };
  }
  const id = `${kind}:${slugOf(name)}`;
  const added: Entity = {
    id,
    kind,
    name,
    aliases: [alias],
    roles: [],
    affiliations: [],
    quotes: [],
    mentions: [{ doc, count: 1 }],
    related: extracted.entities.map((e) => ({ entityId: e.id, documents: 1 })),
  };
  const entities = extracted.entities.map((e) => ({
    ...e,
    related: [...e.related, { entityId: id, documents: 1 }],
  }));
  entities.push(added);
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...extracted, entities };
}
