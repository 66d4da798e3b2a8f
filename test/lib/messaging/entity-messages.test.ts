/**
 * The card's messages through the real router: shape checks, answers, and
 * errors the card can show as they are.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { request, type Result } from '@/lib/messaging/protocol';
import {
  createMessageRouter,
  type MessageRouter,
  type MessageSender,
} from '@/lib/messaging/router';
import type { DramatisDB } from '@/lib/store/db';
import { importBundle } from '@/lib/store/import-bundle';
import type { EntityNote } from '@/lib/model/views';
import type { EntityProfile } from '@/lib/model/profile';
import { bundle, freshDb } from '../store/fixtures';

const POLICY = { extensionId: 'dramatis-id', extensionOrigin: 'chrome-extension://dramatis-id/' };
/** The popover page in an article's tab: the sender carries the tab. */
const CARD_FRAME: MessageSender = {
  id: 'dramatis-id',
  url: 'chrome-extension://dramatis-id/popover.html',
  tab: {
    id: 3,
    url: 'https://www.phnompenhpost.com/a#x',
    title: 'An article',
  } as MessageSender['tab'],
};

let db: DramatisDB;
let route: MessageRouter;
beforeEach(async () => {
  db = freshDb();
  await importBundle(db, bundle());
  route = createMessageRouter(createBackgroundHandlers(db), POLICY);
  // The router logs the handler errors these tests provoke.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

async function send(message: unknown): Promise<Result<unknown>> {
  const reply = route(message, CARD_FRAME);
  if (!reply) throw new Error('not routed');
  return reply;
}

describe('getEntityProfile', () => {
  it('answers the profile, or null for an entity the store does not hold', async () => {
    const found = await send(request('getEntityProfile', { entityId: 'person:mu-sochua' }));
    expect(found).toMatchObject({ ok: true, value: { profile: { name: 'Mu Sochua' } } });
    const missing = await send(request('getEntityProfile', { entityId: 'person:nobody' }));
    expect(missing).toEqual({ ok: true, value: { profile: null } });
  });

  it('refuses a malformed id', async () => {
    for (const entityId of ['', 'x'.repeat(301), 42]) {
      const result = await send({ dramatis: 1, type: 'getEntityProfile', params: { entityId } });
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
  });
});

describe('note messages', () => {
  it('adds a note that remembers the article page, updates and deletes it', async () => {
    const added = await send(
      request('addEntityNote', { entityId: 'person:mu-sochua', text: 'Check her 2019 trip.' }),
    );
    expect(added.ok).toBe(true);
    const note = (added as { value: { note: EntityNote } }).value.note;
    expect(note).toMatchObject({
      text: 'Check her 2019 trip.',
      url: 'https://www.phnompenhpost.com/a',
    });

    const updated = await send(request('updateNote', { id: note.id, text: 'Checked.' }));
    expect(updated).toMatchObject({ ok: true, value: { note: { id: note.id, text: 'Checked.' } } });

    const profile = await send(request('getEntityProfile', { entityId: 'person:mu-sochua' }));
    const notes = (profile as { value: { profile: EntityProfile } }).value.profile.notes;
    expect(notes.map((n) => n.text)).toEqual(['Checked.']);

    expect(await send(request('deleteNote', { id: note.id }))).toEqual({ ok: true, value: {} });
    expect(await db.annotations.count()).toBe(0);
  });

  it('says what to do about a blank note or a profile that is gone', async () => {
    const blank = await send(request('addEntityNote', { entityId: 'person:mu-sochua', text: ' ' }));
    expect(blank).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Write something/) },
    });
    const gone = await send(request('addEntityNote', { entityId: 'person:gone', text: 'x' }));
    expect(gone).toMatchObject({
      ok: false,
      error: { message: 'This profile is no longer in the store. Reload the page.' },
    });
  });
});
