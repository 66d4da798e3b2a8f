/**
 * The reader's notes about an entity: annotations with no quote selector whose
 * `entityIds` name the entity. They live in the annotations table beside saved
 * quotes, so the side panel's search and the export see them without a second
 * kind of record.
 */
import type { DramatisDB } from './db';
import { normalizePageUrl } from './page-url';
import { getProfile } from './profile-shards';
import type { AnnotationRecord } from '@/lib/model/records';
import { UserError } from '@/lib/model/user-error';
import type { EntityNote } from '@/lib/model/views';

/** Longest note accepted, in UTF-16 code units; a note is a paragraph or a page, not a document. */
export const MAX_NOTE_LENGTH = 10_000;

/** What the reader is told when the entity a note is for has left the store (a bundle upgrade dropped it). */
export const PROFILE_GONE = 'This profile is no longer in the store. Reload the page.';

/** The error for {@link PROFILE_GONE}. */
export function profileGone(): UserError {
  return new UserError('profileGone', [], PROFILE_GONE);
}

/** Where a note was written, when the background knows (the tab of the card's frame). */
export interface NotePage {
  url: string;
  title: string;
}

/**
 * What is wrong with `text` as a note, as the error the card shows, or null
 * when it can be saved. An empty new note can be cancelled (Esc); an existing
 * one emptied is deleted instead (`ifEmpty: 'delete'`).
 */
export function noteTextProblem(
  text: string,
  ifEmpty: 'cancel' | 'delete' = 'cancel',
): UserError | null {
  if (text.trim() === '') {
    return ifEmpty === 'cancel'
      ? new UserError('noteEmpty', [], 'Write something before saving, or press Esc to cancel.')
      : new UserError('noteEmptyDelete', [], 'Write something before saving, or delete the note.');
  }
  if (text.length > MAX_NOTE_LENGTH) return noteTooLong(text.length);
  return null;
}

/** The error for a note of `length` characters, over {@link MAX_NOTE_LENGTH}. */
export function noteTooLong(length: number): UserError {
  return new UserError(
    'noteTooLong',
    [MAX_NOTE_LENGTH, length],
    `A note can be at most ${MAX_NOTE_LENGTH.toLocaleString('en-US')} characters; this one has ${length.toLocaleString('en-US')}. Shorten it and save again.`,
  );
}

/** The card's view of an annotation. */
export function toEntityNote(record: AnnotationRecord): EntityNote {
  return {
    id: record.id,
    text: record.note,
    quote: record.quote?.exact ?? null,
    url: record.url,
    pageTitle: record.title,
    created: record.created,
    updated: record.updated,
  };
}

/**
 * The page a note records: only web pages count (a note written in the
 * standalone card has none). Filed under the normalized address, as quotes
 * are, so a note made on a newsletter link (?utm_source=…) is found on the
 * page's next visit and in its list of saved annotations.
 */
function pageFields(page: NotePage | undefined): Pick<AnnotationRecord, 'url' | 'title' | 'site'> {
  const url = page ? normalizePageUrl(page.url) : null;
  if (!page || url === null) return { url: '', title: '', site: '' };
  return { url, title: page.title, site: new URL(url).hostname };
}

/** Options that tests fix; the extension uses the clock and random UUIDs. */
export interface NoteWriteOptions {
  now?: () => number;
  newId?: () => string;
}

/**
 * Saves a new note about `entityId`. The entity check and the write share one
 * transaction, so a bundle import that removes the entity cannot slip between
 * them and leave a note about nothing.
 */
export async function addEntityNote(
  db: DramatisDB,
  input: { entityId: string; text: string; page?: NotePage },
  options: NoteWriteOptions = {},
): Promise<EntityNote> {
  const problem = noteTextProblem(input.text);
  if (problem) throw problem;
  const now = (options.now ?? Date.now)();
  const id = (options.newId ?? (() => crypto.randomUUID()))();
  return db.transaction('rw', [db.profileShards, db.annotations], async () => {
    if ((await getProfile(db, input.entityId)) === undefined) throw profileGone();
    const record: AnnotationRecord = {
      id,
      ...pageFields(input.page),
      created: now,
      updated: now,
      quote: null,
      position: null,
      note: input.text.trim(),
      tags: [],
      entityIds: [input.entityId],
    };
    await db.annotations.add(record);
    return toEntityNote(record);
  });
}

/** Replaces the text of note `id` (a plain note or a saved quote's note). */
export async function updateNote(
  db: DramatisDB,
  input: { id: string; text: string },
  options: Pick<NoteWriteOptions, 'now'> = {},
): Promise<EntityNote> {
  const problem = noteTextProblem(input.text, 'delete');
  if (problem) throw problem;
  const now = (options.now ?? Date.now)();
  return db.transaction('rw', db.annotations, async () => {
    const record = await db.annotations.get(input.id);
    if (!record) {
      throw new UserError(
        'noteGone',
        [],
        'This note was deleted, perhaps in another window. Reload the card.',
      );
    }
    const next = { ...record, note: input.text.trim(), updated: now };
    await db.annotations.put(next);
    return toEntityNote(next);
  });
}

/**
 * Deletes note `id`. Deleting a note that is already gone succeeds: the reader
 * wanted it gone, and a second window may have been first.
 */
export async function deleteNote(db: DramatisDB, input: { id: string }): Promise<void> {
  await db.annotations.delete(input.id);
}

/** The annotations about `entityId`, newest change first, at most `limit`. */
export async function notesAbout(
  db: DramatisDB,
  entityId: string,
  limit: number,
): Promise<{ notes: EntityNote[]; total: number }> {
  const records = await db.annotations.where('entityIds').equals(entityId).toArray();
  records.sort((a, b) => b.updated - a.updated || b.created - a.created);
  return { notes: records.slice(0, limit).map(toEntityNote), total: records.length };
}
