/** Publication dates as newsrooms print them, turned into ISO 8601. */
import { MONTHS } from './lexicon';

const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const ISO =
  /\b(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/;
const DAY_MONTH_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`,
  'i',
);
const MONTH_DAY_YEAR = new RegExp(
  `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`,
  'i',
);
const SLASHED = /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/;

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1800 || year > 2200) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  return MONTHS.get(name.slice(0, 3).toLowerCase()) ?? 0;
}

/** A date found in a line, with the text that stated it. */
export interface FoundDate {
  iso: string;
  matched: string;
}

/**
 * Finds the first date in `text`: ISO (kept as a full timestamp when it has a
 * time and zone), "07 November 2017", "Nov. 7, 2017" or "2017/11/07".
 */
export function findDate(text: string): FoundDate | null {
  const m1 = ISO.exec(text);
  if (m1) {
    const date = iso(Number(m1[1]), Number(m1[2]), Number(m1[3]));
    if (date) return { iso: m1[4] && /Z|[+-]\d/.test(m1[4]) ? m1[0] : date, matched: m1[0] };
  }
  const m2 = DAY_MONTH_YEAR.exec(text);
  if (m2) {
    const date = iso(Number(m2[3]), monthNumber(m2[2] ?? ''), Number(m2[1]));
    if (date) return { iso: date, matched: m2[0] };
  }
  const m3 = MONTH_DAY_YEAR.exec(text);
  if (m3) {
    const date = iso(Number(m3[3]), monthNumber(m3[1] ?? ''), Number(m3[2]));
    if (date) return { iso: date, matched: m3[0] };
  }
  const m4 = SLASHED.exec(text);
  if (m4) {
    const date = iso(Number(m4[1]), Number(m4[2]), Number(m4[3]));
    if (date) return { iso: date, matched: m4[0] };
  }
  return null;
}

/** Parses a metadata date field; null when it states no recognisable date. */
export function parseDate(text: string): string | null {
  return findDate(text)?.iso ?? null;
}
