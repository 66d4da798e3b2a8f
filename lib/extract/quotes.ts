/**
 * Direct quotes and who said them. News style attributes a quote right after
 * it (`“…,” he said`, `said Phally`, `X added`), before it (`X said: “…”`), or
 * not at all when the speaker is obvious: the next quote paragraph of the same
 * speaker, or the second quote after `he said.` in the same paragraph. A quote
 * left open at the end of a paragraph continues in the next one that opens
 * with a quote mark.
 */
import type { Paragraph } from './document';
import { sentenceAt, type Sentence } from './sentences';
import { PERSON_PRONOUNS, SAID_VERBS } from './lexicon';

/** The words between one pair of quotation marks. */
export interface QuoteSegment {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark (the paragraph end when the quote runs on). */
  close: number;
  innerStart: number;
  innerEnd: number;
  paragraph: number;
  /** True when this paragraph's quote continues one left open in the previous paragraph. */
  continued: boolean;
  /** A few words inside a sentence (“form of intimidation”) rather than a full quotation. */
  scare: boolean;
}

/** A person mentioned outside quotation marks, for finding speakers. */
export interface PersonMention {
  start: number;
  end: number;
  entity: number;
}

/** Resolves "he"/"she" at an offset to an entity, learning the gender it implies. */
export type PronounResolver = (gender: 'male' | 'female', offset: number) => number | null;

/** Finds the quote segments of body paragraphs (header paragraphs hold no quotes). */
export function findQuoteSegments(text: string, paragraphs: Paragraph[]): QuoteSegment[] {
  const segments: QuoteSegment[] = [];
  let leftOpen = false;
  paragraphs.forEach((p, index) => {
    if (p.header) return;
    let open = -1;
    for (let i = p.start; i < p.end; i++) {
      const ch = text[i];
      const prev = i > p.start ? (text[i - 1] ?? ' ') : ' ';
      const opens = ch === '“' || (ch === '"' && open < 0 && /[\s([—–-]/.test(prev));
      const closes = ch === '”' || (ch === '"' && open >= 0);
      if (opens && open < 0) open = i;
      else if (closes && open >= 0) {
        segments.push(makeSegment(text, open, i + 1, index, open === p.start && leftOpen));
        leftOpen = false;
        open = -1;
      }
    }
    const continues = open === p.start && leftOpen;
    leftOpen = open >= 0;
    if (open >= 0) segments.push(makeSegment(text, open, p.end, index, continues));
  });
  segments.forEach((s, i) => dropAttributionComma(text, s, segments[i + 1]));
  return segments;
}

/**
 * Ends a quote where the speaker's words end: the comma of `“…every spring,” said
 * Marsh` is the attribution's punctuation, moved inside the marks by house style.
 * Kept when the next quote of the paragraph resumes the same sentence in lower case
 * (`“We will,” he said, “win.”`), where it marks the join of the two halves.
 */
function dropAttributionComma(text: string, s: QuoteSegment, next: QuoteSegment | undefined): void {
  if (s.innerEnd === s.close) return; // left open at the paragraph's end: no attribution follows
  const inner = text.slice(s.innerStart, s.innerEnd);
  const comma = /,\s*$/.exec(inner);
  if (!comma) return;
  const resumed =
    next !== undefined &&
    next.paragraph === s.paragraph &&
    /^\s*\p{Ll}/u.test(text.slice(next.innerStart, next.innerEnd));
  if (!resumed) s.innerEnd = s.innerStart + comma.index;
}

function makeSegment(
  text: string,
  open: number,
  close: number,
  paragraph: number,
  continued: boolean,
): QuoteSegment {
  const closedByMark = /["”]/.test(text[close - 1] ?? '');
  const innerEnd = closedByMark ? close - 1 : close;
  const inner = text.slice(open + 1, innerEnd).trim();
  const words = inner.split(/\s+/).length;
  const scare = !continued && closedByMark && words <= 10 && !/[.,!?…]$/.test(inner);
  return { open, close, innerStart: open + 1, innerEnd, paragraph, continued, scare };
}

/** True when `offset` falls inside one of the segments. */
export function insideQuote(segments: QuoteSegment[], offset: number): boolean {
  return segments.some((s) => offset > s.open && offset < s.close);
}

const SAID = (word: string): boolean => SAID_VERBS.has(word.toLowerCase());

/** Shared inputs of the attribution pass. */
export interface AttributionContext {
  text: string;
  sentences: Sentence[];
  segments: QuoteSegment[];
  /** Person mentions outside quotes, in text order. */
  people: PersonMention[];
  resolvePronoun: PronounResolver;
}

/** Speaker named right after the quote: `,” he said`, `,” said Phally`, `,” Phally added`, `according to X`. */
function speakerAfter(
  ctx: AttributionContext,
  s: QuoteSegment,
  sentenceEnd: number,
): number | null {
  const windowEnd = Math.min(sentenceEnd, s.close + 120);
  const after = ctx.text.slice(s.close, windowEnd);
  const pron = /^[\s,.!?—–-]*(?:(he|she)\s+(\p{L}+)|(\p{L}+)\s+(he|she)\b)/iu.exec(after);
  if (pron) {
    const [, p1, v1, v2, p2] = pron;
    const pronoun = (p1 ?? p2 ?? '').toLowerCase();
    if (SAID(v1 ?? v2 ?? ''))
      return ctx.resolvePronoun(PERSON_PRONOUNS.get(pronoun) ?? 'male', s.close);
  }
  for (const m of ctx.people) {
    if (m.start < s.close || m.start >= windowEnd) continue;
    const between = ctx.text.slice(s.close, m.start);
    const following = ctx.text.slice(m.end, Math.min(windowEnd, m.end + 40));
    const gap = /^[\s,.!?—–-]*(?:(\p{L}+)\s+)?(?:[\p{L}\p{N}’'.-]+\s+){0,6}$/u.exec(between);
    if (!gap) break;
    const verbBefore = gap[1] !== undefined && SAID(gap[1]);
    const verbAfter = /^(?:,[^,]*,)?\s+(\p{L}+)/u.exec(following);
    const according = /according to\s+(?:[\p{L}’'-]+\s+){0,5}$/iu.test(between);
    if (verbBefore || according || (verbAfter && SAID(verbAfter[1] ?? ''))) return m.entity;
    break;
  }
  return null;
}

/** Speaker named before the quote in the same sentence: `X said: “…”`, `X told reporters that “…”`, scare quotes. */
function speakerBefore(
  ctx: AttributionContext,
  s: QuoteSegment,
  sentenceStart: number,
): number | null {
  const before = ctx.text.slice(sentenceStart, s.open);
  const words = before.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hasVerb = words.some(SAID);
  if (!hasVerb) return null;
  // The subject: the first person the sentence names, with a speech verb between them and the quote
  // ("X said: “…”", "X disagreed, saying the strategy was a “…”"), or the sentence's opening pronoun.
  const subject = ctx.people.find(
    (m) =>
      m.start >= sentenceStart &&
      m.end <= s.open &&
      (
        ctx.text
          .slice(m.end, s.open)
          .toLowerCase()
          .match(/\p{L}+/gu) ?? []
      ).some(SAID),
  );
  const pronoun = /^(?:[\p{L}]+,\s+)?(he|she)\b/iu.exec(before.trim());
  if (subject && (!pronoun || subject.start < sentenceStart + (pronoun.index ?? 0)))
    return subject.entity;
  if (pronoun)
    return ctx.resolvePronoun(
      PERSON_PRONOUNS.get((pronoun[1] ?? '').toLowerCase()) ?? 'male',
      s.open,
    );
  return null;
}

/**
 * Attributes each quote segment: returns the speaker's entity index per segment,
 * or null when no speaker can be told, or undefined for a scare quote that is
 * not a quotation at all (no speech verb in its sentence).
 */
export function attributeQuotes(ctx: AttributionContext): (number | null | undefined)[] {
  const speakers: (number | null | undefined)[] = [];
  for (const s of ctx.segments) {
    const sentence = sentenceAt(ctx.sentences, s.open);
    const sentenceStart = sentence?.start ?? s.open;
    const sentenceEnd = sentenceAt(ctx.sentences, Math.max(s.open, s.close - 1))?.end ?? s.close;
    const speaker = speakerAfter(ctx, s, sentenceEnd) ?? speakerBefore(ctx, s, sentenceStart);
    if (s.scare && speaker === null) {
      speakers.push(undefined);
      continue;
    }
    speakers.push(speaker);
  }
  // Unattributed quotes take the speaker of the quotes around them.
  for (let i = 0; i < ctx.segments.length; i++) {
    if (speakers[i] !== null) continue;
    const s = ctx.segments[i] as QuoteSegment;
    const sameParagraph = ctx.segments
      .map((o, j) => ({ o, j }))
      .filter(
        ({ o, j }) => o.paragraph === s.paragraph && j !== i && typeof speakers[j] === 'number',
      );
    if (sameParagraph.length > 0) {
      const nearest = sameParagraph.sort((a, b) => Math.abs(a.j - i) - Math.abs(b.j - i))[0];
      speakers[i] = nearest ? speakers[nearest.j] : null;
      continue;
    }
    // A quote left open at a paragraph end belongs to whoever the continuation is attributed to.
    const next = ctx.segments[i + 1];
    const nextSpeaker = speakers[i + 1];
    if (next?.continued && typeof nextSpeaker === 'number') {
      speakers[i] = nextSpeaker;
      continue;
    }
    const prev = ctx.segments[i - 1];
    const prevSpeaker = speakers[i - 1];
    // A quote paragraph right after one attributed to X (or continuing X's quote) is X's.
    const opensParagraph = /(?:^|\n)\s*$/.test(ctx.text.slice(Math.max(0, s.open - 2), s.open));
    if (
      prev &&
      typeof prevSpeaker === 'number' &&
      (s.continued || (opensParagraph && s.paragraph === prev.paragraph + 1))
    ) {
      speakers[i] = prevSpeaker;
    }
  }
  return speakers;
}
