import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DramatisDB } from '@/lib/store/db';
import { annotationsForUrl } from '@/lib/store/annotations';
import { importBundle } from '@/lib/store/import-bundle';
import {
  addEntityNote,
  deleteNote,
  MAX_NOTE_LENGTH,
  noteTextProblem,
  notesAbout,
  PROFILE_GONE,
  updateNote,
} from '@/lib/store/notes';
import { bundle, freshDb } from './fixtures';

let db: DramatisDB;
beforeEach(async () => {
  db = freshDb();
  await importBundle(db, bundle());
});
afterEach(async () => {
  await db.delete();
});

const MU = 'person:mu-sochua';
const fixed = { now: () => 1234, newId: () => 'note-1' };

describe('noteTextProblem', () => {
  it('refuses empty and blank notes, saying what to do', () => {
    expect(noteTextProblem('')?.message).toMatch(/Write something/);
    expect(noteTextProblem(' \n\t ')?.message).toMatch(/Write something/);
  });

  it('accepts up to the limit and names both lengths beyond it', () => {
    expect(noteTextProblem('x'.repeat(MAX_NOTE_LENGTH))).toBeNull();
    expect(noteTextProblem('x'.repeat(MAX_NOTE_LENGTH + 1))?.message).toBe(
      'A note can be at most 10,000 characters; this one has 10,001. Shorten it and save again.',
    );
  });
});

describe('addEntityNote', () => {
  it('stores an annotation about the entity with no selector', async () => {
    const note = await addEntityNote(db, { entityId: MU, text: '  Fled in 2017.  ' }, fixed);
    expect(note).toMatchObject({ id: 'note-1', text: 'Fled in 2017.', quote: null, created: 1234 });
    expect(await db.annotations.get('note-1')).toEqual({
      id: 'note-1',
      url: '',
      title: '',
      site: '',
      created: 1234,
      updated: 1234,
      quote: null,
      position: null,
      note: 'Fled in 2017.',
      tags: [],
      entityIds: [MU],
    });
  });

  it('records the web page it was written on, without the fragment', async () => {
    await addEntityNote(
      db,
      { entityId: MU, text: 'x', page: { url: 'https://news.example/a#top', title: 'A' } },
      fixed,
    );
    expect(await db.annotations.get('note-1')).toMatchObject({
      url: 'https://news.example/a',
      title: 'A',
      site: 'news.example',
    });
  });

  it('files the note under the normalized address, so the page finds it again', async () => {
    const url = 'https://news.example/a?id=7&utm_source=newsletter&fbclid=xyz#comments';
    await addEntityNote(db, { entityId: MU, text: 'x', page: { url, title: 'A' } }, fixed);
    expect(await db.annotations.get('note-1')).toMatchObject({
      url: 'https://news.example/a?id=7',
      site: 'news.example',
    });
    const onPage = await annotationsForUrl(db, 'https://news.example/a?id=7&utm_medium=email');
    expect(onPage.map((record) => record.id)).toEqual(['note-1']);
  });

  it('keeps extension pages out of the record', async () => {
    const page = { url: 'chrome-extension://abc/popover.html?entity=x', title: 'Card' };
    await addEntityNote(db, { entityId: MU, text: 'x', page }, fixed);
    expect(await db.annotations.get('note-1')).toMatchObject({ url: '', site: '' });
  });

  it('writes nothing for an invalid note or an unknown entity', async () => {
    await expect(addEntityNote(db, { entityId: MU, text: ' ' }, fixed)).rejects.toThrow(
      /Write something/,
    );
    await expect(addEntityNote(db, { entityId: 'person:gone', text: 'x' }, fixed)).rejects.toThrow(
      PROFILE_GONE,
    );
    expect(await db.annotations.count()).toBe(0);
  });

  it('writes nothing when the transaction fails after the check', async () => {
    await addEntityNote(db, { entityId: MU, text: 'first' }, fixed);
    // Same id again: the add fails inside the transaction and nothing changes.
    await expect(addEntityNote(db, { entityId: MU, text: 'second' }, fixed)).rejects.toThrow();
    expect((await notesAbout(db, MU, 10)).notes.map((n) => n.text)).toEqual(['first']);
  });
});

describe('updateNote and deleteNote', () => {
  it('replaces the text and the updated time, keeping the rest', async () => {
    await addEntityNote(db, { entityId: MU, text: 'old' }, fixed);
    const note = await updateNote(db, { id: 'note-1', text: 'new' }, { now: () => 9999 });
    expect(note).toMatchObject({ text: 'new', created: 1234, updated: 9999 });
    expect(await db.annotations.get('note-1')).toMatchObject({ note: 'new', entityIds: [MU] });
  });

  it('refuses an empty update and points at delete instead', async () => {
    await addEntityNote(db, { entityId: MU, text: 'old' }, fixed);
    await expect(updateNote(db, { id: 'note-1', text: '' })).rejects.toThrow(/delete the note/);
  });

  it('says so when the note is gone', async () => {
    await expect(updateNote(db, { id: 'nope', text: 'x' })).rejects.toThrow(/deleted/);
  });

  it('deletes, and deleting twice is fine', async () => {
    await addEntityNote(db, { entityId: MU, text: 'old' }, fixed);
    await deleteNote(db, { id: 'note-1' });
    await deleteNote(db, { id: 'note-1' });
    expect(await db.annotations.count()).toBe(0);
  });
});
