/**
 * Bodies named with a shared head word: "the Harbour and Rail Committees",
 * "the Senate Finance and Budget Committees". Each name before the plural head
 * leaves the head implied; each is given its whole name ("Senate Budget
 * Committee") while the text keeps the words as written, for the page to mark.
 */
import type { Candidate } from './names';
import { ORG_HEADS } from './lexicon';

/** The singular of a plural head word ("Committees" → "Committee", "Ministries" → "Ministry"), or null. */
function singularHead(word: string): string | null {
  const singular = /ies$/.test(word)
    ? `${word.slice(0, -3)}y`
    : /s$/.test(word) && !/ss$/.test(word)
      ? word.slice(0, -1)
      : null;
  return singular && ORG_HEADS.has(singular.toLowerCase()) ? singular : null;
}

/** Chambers whose committees are named after them ("House", like "Senate", a head word too). */
const CHAMBERS = new Set(['house', 'chamber']);

/** What joins two parts of a coordinated name: "and", or a comma with or without it. */
const JOINER = /^(?:,\s*(?:and\s+)?|\s+and\s+)$/;

/**
 * Sets `fullName` on the parts of each coordinated name in `candidates` (in text
 * order) and returns the indices it named, so the caller can weigh them as bodies.
 */
export function nameCoordinatedBodies(text: string, candidates: Candidate[]): number[] {
  const named: number[] = [];
  for (let i = 1; i < candidates.length; i++) {
    const last = candidates[i] as Candidate;
    const headToken = last.tokens[last.tokens.length - 1];
    const head = headToken && last.tokens.length > 1 ? singularHead(headToken.text) : null;
    if (!head || !headToken) continue;
    // The parts before the head, back over "A, B and" to the first.
    let from = i;
    while (from > 0) {
      const before = candidates[from - 1] as Candidate;
      const joiner = text.slice(before.end, (candidates[from] as Candidate).start);
      if (
        !JOINER.test(joiner) ||
        before.possessive ||
        singularHead(before.text.split(' ').pop() ?? '')
      )
        break;
      from--;
    }
    if (from === i) continue;
    const first = candidates[from] as Candidate;
    // "the House Finance and Budget Committees": a chamber opening the first part is shared by
    // every part; "the Kestrel Valley and Brackwater Councils" share nothing.
    const opening = first.tokens[0];
    const chamber =
      first.tokens.length > 1 &&
      opening !== undefined &&
      (CHAMBERS.has(opening.lower) || ORG_HEADS.has(opening.lower));
    const shared = chamber ? `${opening.text} ` : '';
    for (let k = from; k <= i; k++) {
      const part = candidates[k] as Candidate;
      const words = k === i ? part.text.slice(0, headToken.start - part.start).trim() : part.text;
      part.fullName = `${k === from ? '' : shared}${words} ${head}`;
      named.push(k);
    }
  }
  return named;
}
