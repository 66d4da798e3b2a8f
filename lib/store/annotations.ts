/**
 * The reader's saved quotes and page notes: the only code that writes them.
 * Each write runs in one read-write transaction, so a failure (storage full,
 * the browser closing the database) leaves the store as it was, never half an
 * annotation; and a refusal by the browser reaches the reader as a message that
 * says what to do instead of an IndexedDB error name.
 */
import type { DramatisDB } from './db';

import {
  checkNoteLength,
  checkPosition,
  checkQuote,
  checkRecord,
  cleanEntityIds,
  cleanTags,
  pageFields,
} from './annotation-input';

import { noteTextProblem, type NoteWriteOptions } from './notes';

import { UserError } from '@/lib/model/user-error';

import { normalizePageUrl } from './page-url';

import type { AnnotationRecord } from '@/lib/model/records';
import type { AnnotationPatch, PageNoteInput, QuoteInput, TagCount } from '@/lib/model/annotation';

/** What the reader is told when the browser refuses a write; the popup keeps the draft, so nothing is lost. */
export const STORAGE_REFUSED =
  'Your browser refused to save (storage full?). Nothing was lost; free some space and try again.';

/** What the reader is told when the annotation to change was deleted meanwhile. */
export const ANNOTATION_GONE =
  'This annotation was deleted, perhaps in another window. Reload the page.';

/** IndexedDB and Dexie error names that mean the browser would not write, not that the input was wrong. */
const REFUSALS = new Set([
  'QuotaExceededError',
  'UnknownError',
  'AbortError',
  'DatabaseClosedError',
  'OpenFailedError',
  'InvalidStateError',
]);

/** True when `error` (or what it wraps: Dexie puts the cause of an aborted transaction in `inner`) is a refusal. */
function isStorageRefusal(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { name, inner, cause } = error as { name?: unknown; inner?: unknown; cause?: unknown };
  if (typeof name === 'string' && REFUSALS.has(name)) return true;
  return isStorageRefusal(inner, depth + 1) || isStorageRefusal(cause, depth + 1);
}

/** Runs `write`; a storage refusal becomes {@link STORAGE_REFUSED}, logged with its cause. */
async function writing<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isStorageRefusal(error)) throw error;
    console.error(`Dramatis: ${what} failed in IndexedDB:`, error);
    throw new UserError('storageRefused', [], STORAGE_REFUSED, { cause: error });
  }
}

/** The new annotation's id and time: random UUIDs and the clock, unless a test fixes them. */
function stamp(options: NoteWriteOptions): { id: string; now: number } {
  return {
    id: (options.newId ?? (() => crypto.randomUUID()))(),
    now: (options.now ?? Date.now)(),
  };
}

/** Adds `record` in its own transaction. */
function add(db: DramatisDB, record: AnnotationRecord, what: string): Promise<AnnotationRecord> {
  return writing(what, () =>
    db.transaction('rw', db.annotations, async () => {
      await db.annotations.add(record);
      return record;
    }),
  );
}

/**
 * Saves a quote the reader selected on a page, with an optional note, tags and
 * entities. Throws an Error with a message for the reader when the quote is
 * empty or too long, the note too long, there are too many tags, the page is
 * not a web page, or the browser refuses the write ({@link STORAGE_REFUSED}).
 */
export async function saveQuote(
  db: DramatisDB,
  input: QuoteInput,
  options: NoteWriteOptions = {},
): Promise<AnnotationRecord> {
  const quote = checkQuote(input.quote);
  const position = checkPosition(input.position);
  const page = pageFields(input);
  const note = checkNoteLength(input.note ?? '');
  const tags = cleanTags(input.tags ?? []);
  const entityIds = cleanEntityIds(input.entityIds ?? []);
  const { id, now } = stamp(options);
  const record: AnnotationRecord = {
    ...page,
    id,
    created: now,
    updated: now,
    quote,
    position,
    note,
    tags,
    entityIds,
  };
  return add(db, record, 'saving a quote');
}

/** Saves a note about a whole page; the note must not be blank. Errors as {@link saveQuote}. */
export async function savePageNote(
  db: DramatisDB,
  input: PageNoteInput,
  options: NoteWriteOptions = {},
): Promise<AnnotationRecord> {
  const problem = noteTextProblem(input.note);
  if (problem) throw problem;
  const page = pageFields(input);
  const tags = cleanTags(input.tags ?? []);
  const entityIds = cleanEntityIds(input.entityIds ?? []);
  const { id, now } = stamp(options);
  const record: AnnotationRecord = {
    ...page,
    id,
    created: now,
    updated: now,
    quote: null,
    position: null,
    note: input.note.trim(),
    tags,
    entityIds,
  };
  return add(db, record, 'saving a page note');
}

/**
 * Changes the note, tags or entities of annotation `id` and answers it as
 * saved. A note without a quote cannot be emptied (delete it instead); a
 * quote's note can. Throws {@link ANNOTATION_GONE} when it was deleted meanwhile.
 */
export async function updateAnnotation(
  db: DramatisDB,
  id: string,
  patch: AnnotationPatch,
  options: Pick<NoteWriteOptions, 'now'> = {},
): Promise<AnnotationRecord> {
  const note = patch.note === undefined ? undefined : checkNoteLength(patch.note);
  const tags = patch.tags === undefined ? undefined : cleanTags(patch.tags);
  const entityIds = patch.entityIds === undefined ? undefined : cleanEntityIds(patch.entityIds);
  const now = (options.now ?? Date.now)();
  return writing('updating an annotation', () =>
    db.transaction('rw', db.annotations, async () => {
      const record = await db.annotations.get(id);
      if (!record) throw new UserError('annotationGone', [], ANNOTATION_GONE);
      if (record.quote === null && note === '') {
        throw new UserError(
          'pageNoteEmpty',
          [],
          'A page note cannot be empty. Write something, or delete the note.',
        );
      }
      const next: AnnotationRecord = {
        ...record,
        note: note ?? record.note,
        tags: tags ?? record.tags,
        entityIds: entityIds ?? record.entityIds,
        updated: now,
      };
      await db.annotations.put(next);
      return next;
    }),
  );
}

/**
 * Deletes annotation `id` and answers the deleted record, so the reader can
 * undo with {@link restoreAnnotation}; null when it was already gone (another
 * window was first: the reader wanted it gone, so that is no error).
 */
export async function deleteAnnotation(
  db: DramatisDB,
  id: string,
): Promise<AnnotationRecord | null> {
  return writing('deleting an annotation', () =>
    db.transaction('rw', db.annotations, async () => {
      const record = await db.annotations.get(id);
      if (record) await db.annotations.delete(id);
      return record ?? null;
    }),
  );
}

/**
 * Puts back an annotation answered by {@link deleteAnnotation} (undo), with
 * its id and dates. The record is checked as a new one would be, because it
 * comes back through a message. Restoring twice keeps the first.
 */
export async function restoreAnnotation(
  db: DramatisDB,
  record: AnnotationRecord,
): Promise<AnnotationRecord> {
  const restored = checkRecord(record);
  return writing('restoring an annotation', () =>
    db.transaction('rw', db.annotations, async () => {
      const existing = await db.annotations.get(restored.id);
      if (existing) return existing;
      await db.annotations.add(restored);
      return restored;
    }),
  );
}

/**
 * The annotations saved on the page at `url` (and `canonicalUrl`, as passed
 * when saving), oldest first: what the content script re-anchors and the
 * popup lists as "saved on this page". Also finds those filed before the page
 * declared (or stopped declaring) its canonical link. Empty for non-web pages.
 */
export async function annotationsForUrl(
  db: DramatisDB,
  url: string,
  canonicalUrl?: string | null,
): Promise<AnnotationRecord[]> {
  const keys = new Set<string>();
  for (const key of [normalizePageUrl(url, canonicalUrl), normalizePageUrl(url)]) {
    if (key !== null) keys.add(key);
  }
  if (keys.size === 0) return [];
  const records = await db.annotations
    .where('url')
    .anyOf([...keys])
    .toArray();
  return records.sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
}

/** Every tag in use with its count, most used first (then alphabetical), for tag completion. */
export async function allTags(db: DramatisDB): Promise<TagCount[]> {
  // Reads only the multiEntry tags index, not the records.
  const keys = await db.annotations.orderBy('tags').keys();
  const counts = new Map<string, number>();
  for (const key of keys) {
    if (typeof key === 'string') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
