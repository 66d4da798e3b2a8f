/**
 * Checks and tidies what a reader saves as an annotation, before anything is
 * written. Every problem the reader can cause is a UserError (lib/model/user-error.ts)
 * that the popup or side panel shows in the reader's language, so each says
 * what to do; a malformed shape is a sender's bug, a TypeError in English.
 */
import type {
  AnnotationRecord,
  TextPositionSelector,
  TextQuoteSelector,
} from '@/lib/model/records';
import { noteTooLong, MAX_NOTE_LENGTH } from './notes';
import { normalizePageUrl } from './page-url';
import { UserError } from '@/lib/model/user-error';
import type { PageInput } from '@/lib/model/annotation';
import { isRecord } from '@/lib/model/json-check';

/** Longest quote accepted, in UTF-16 code units: a few paragraphs, not a whole article. */
export const MAX_QUOTE_LENGTH = 10_000;

/** Longest prefix or suffix accepted; Dramatis keeps 32 characters, other tools (imports) a little more. */
export const MAX_CONTEXT_LENGTH = 1_000;

/** Most tags on one annotation. */
export const MAX_TAGS = 32;

/** Longest tag accepted, after trimming. */
export const MAX_TAG_LENGTH = 64;

/** Most entities one annotation may be about. */
export const MAX_ENTITY_IDS = 200;

/** Longest entity id accepted (ids are `kind:slug`). */
const MAX_ENTITY_ID_LENGTH = 300;

/** Longest page title kept; a title is not the reader's text, so a longer one is cut, not refused. */
export const MAX_TITLE_LENGTH = 500;

const count = (n: number): string => n.toLocaleString('en-US');

/** Throws when `note` (which may be empty) is too long. */
export function checkNoteLength(note: string): string {
  if (typeof note !== 'string') throw new TypeError('A note must be text.');
  if (note.length > MAX_NOTE_LENGTH) throw noteTooLong(note.length);
  return note.trim();
}

/**
 * Tags as stored: trimmed, inner spaces collapsed, lowercased, a leading "#"
 * dropped (readers type hashtags), blanks dropped, duplicates dropped in the
 * order typed. Lowercase, so "Land Dispute" and "land dispute" are one tag in
 * the completion list and in search.
 */
export function cleanTags(tags: readonly string[]): string[] {
  if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string')) {
    throw new TypeError('Tags must be a list of words.');
  }
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.normalize('NFC').trim().replace(/^#+/, '').replace(/\s+/g, ' ').toLowerCase();
    if (tag === '') continue;
    if (tag.length > MAX_TAG_LENGTH) {
      throw new UserError(
        'tagTooLong',
        [tag.slice(0, 20), MAX_TAG_LENGTH],
        `The tag "${tag.slice(0, 20)}…" is longer than ${MAX_TAG_LENGTH} characters. Shorten it and save again.`,
      );
    }
    seen.add(tag);
  }
  if (seen.size > MAX_TAGS) {
    throw new UserError(
      'tooManyTags',
      [MAX_TAGS, seen.size],
      `An annotation can have at most ${MAX_TAGS} tags; this one has ${seen.size}. Remove some and save again.`,
    );
  }
  return [...seen];
}

/** Entity ids, deduplicated; throws on a malformed id (a bug in the sender, not the reader's doing). */
export function cleanEntityIds(ids: readonly string[]): string[] {
  const valid = (id: unknown) =>
    typeof id === 'string' && id.length > 0 && id.length <= MAX_ENTITY_ID_LENGTH;
  if (!Array.isArray(ids) || !ids.every(valid)) throw new TypeError('Malformed entity ids.');
  const unique = [...new Set(ids)];
  if (unique.length > MAX_ENTITY_IDS) {
    throw new UserError(
      'tooManyEntities',
      [MAX_ENTITY_IDS],
      `An annotation can be about at most ${MAX_ENTITY_IDS} people and organizations.`,
    );
  }
  return unique;
}

/**
 * The quote selector as stored; throws when there is no quote or it is too
 * long. Takes `unknown` because it also guards records restored from messages.
 */
export function checkQuote(quote: unknown): TextQuoteSelector {
  if (
    !isRecord(quote) ||
    quote.type !== 'TextQuoteSelector' ||
    typeof quote.exact !== 'string' ||
    typeof quote.prefix !== 'string' ||
    typeof quote.suffix !== 'string'
  ) {
    throw new TypeError('Malformed quote selector.');
  }
  const { exact, prefix, suffix } = quote;
  if (exact.trim() === '') {
    throw new UserError(
      'selectTextFirst',
      [],
      'Select some text on the page first, then save it as a quote.',
    );
  }
  if (exact.length > MAX_QUOTE_LENGTH) {
    throw new UserError(
      'quoteTooLong',
      [MAX_QUOTE_LENGTH, exact.length],
      `A quote can be at most ${count(MAX_QUOTE_LENGTH)} characters; this one has ${count(exact.length)}. Select less and save again.`,
    );
  }
  if (prefix.length > MAX_CONTEXT_LENGTH || suffix.length > MAX_CONTEXT_LENGTH) {
    throw new UserError(
      'quoteContextTooLong',
      [MAX_CONTEXT_LENGTH],
      `A quote's context can be at most ${count(MAX_CONTEXT_LENGTH)} characters.`,
    );
  }
  return { type: 'TextQuoteSelector', exact, prefix, suffix };
}

/** The position selector as stored (null allowed: it is only a hint); throws when malformed. */
export function checkPosition(position: unknown): TextPositionSelector | null {
  if (position === null) return null;
  if (
    !isRecord(position) ||
    position.type !== 'TextPositionSelector' ||
    !Number.isSafeInteger(position.start) ||
    !Number.isSafeInteger(position.end) ||
    (position.start as number) < 0 ||
    (position.end as number) < (position.start as number)
  ) {
    throw new TypeError('Malformed quote position.');
  }
  return {
    type: 'TextPositionSelector',
    start: position.start as number,
    end: position.end as number,
  };
}

/** The page title as stored: trimmed and cut to {@link MAX_TITLE_LENGTH}. */
export function cleanTitle(title: string): string {
  return typeof title === 'string' ? title.trim().slice(0, MAX_TITLE_LENGTH) : '';
}

/** The url, title and site fields of a new annotation; throws when the page is not a web page. */
export function pageFields(page: PageInput): Pick<AnnotationRecord, 'url' | 'title' | 'site'> {
  const url = typeof page.url === 'string' ? normalizePageUrl(page.url, page.canonicalUrl) : null;
  if (url === null) {
    throw new UserError(
      'webPagesOnly',
      [],
      'Quotes and notes can be saved on web pages only (addresses with http or https).',
    );
  }
  return { url, title: cleanTitle(page.title), site: new URL(url).hostname };
}

/** A deleted record, checked field by field; an entity note written outside a page has an empty url. */
export function checkRecord(record: AnnotationRecord): AnnotationRecord {
  const { id, url, created, updated } = record;
  if (typeof id !== 'string' || id.length === 0 || id.length > 300) {
    throw new TypeError('Malformed annotation id.');
  }
  if (!Number.isFinite(created) || !Number.isFinite(updated)) {
    throw new TypeError('Malformed annotation dates.');
  }
  const page =
    url === '' ? { url: '', title: '', site: '' } : pageFields({ url, title: record.title });
  return {
    id,
    ...page,
    created,
    updated,
    quote: record.quote === null ? null : checkQuote(record.quote),
    position: checkPosition(record.position),
    note: checkNoteLength(record.note),
    tags: cleanTags(record.tags),
    entityIds: cleanEntityIds(record.entityIds),
  };
}
