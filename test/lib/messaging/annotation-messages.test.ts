/**
 * The annotation messages through the real router: shape checks answer
 * `bad-request`, the store's checks answer `failed` with the reader's message,
 * and save → list → update → delete → undo works end to end.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { request, type ParamsOf, type Result } from '@/lib/messaging/protocol';
import {
  createMessageRouter,
  type MessageRouter,
  type MessageSender,
} from '@/lib/messaging/router';
import type { DramatisDB } from '@/lib/store/db';
import type { AnnotationRecord } from '@/lib/model/records';
import { freshDb } from '../store/fixtures';

const POLICY = { extensionId: 'dramatis-id', extensionOrigin: 'chrome-extension://dramatis-id/' };
const POPUP: MessageSender = {
  id: 'dramatis-id',
  url: 'chrome-extension://dramatis-id/popup.html',
};
const PAGE = 'https://www.phnompenhpost.com/national/cnrp-alleges';

const QUOTE: ParamsOf<'saveQuote'> = {
  url: `${PAGE}?utm_source=twitter`,
  canonicalUrl: PAGE,
  title: 'CNRP alleges local push',
  quote: {
    type: 'TextQuoteSelector',
    exact: 'We are willing to do farming instead.',
    prefix: 'officials won’t join. ',
    suffix: ' “I’m determined',
  },
  position: { type: 'TextPositionSelector', start: 10, end: 47 },
  note: 'Svay Rieng',
  tags: ['Defections'],
  entityIds: ['person:mao-vibol'],
};

let db: DramatisDB;
let route: MessageRouter;
beforeEach(() => {
  db = freshDb();
  route = createMessageRouter(createBackgroundHandlers(db), POLICY);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

async function send(message: unknown): Promise<Result<unknown>> {
  const reply = route(message, POPUP);
  if (!reply) throw new Error('not routed');
  return reply;
}

async function value<T>(message: unknown): Promise<T> {
  const result = await send(message);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('annotation messages', () => {
  it('save, list on the page, update, delete and undo', async () => {
    const { annotation } = await value<{ annotation: AnnotationRecord }>(
      request('saveQuote', QUOTE),
    );
    expect(annotation).toMatchObject({ url: PAGE, tags: ['defections'], note: 'Svay Rieng' });
    const { annotation: note } = await value<{ annotation: AnnotationRecord }>(
      request('savePageNote', { url: `${PAGE}#x`, title: 'T', note: 'Follow up with Vibol' }),
    );

    const listed = await value<{ annotations: AnnotationRecord[] }>(
      request('getPageAnnotations', { url: `${PAGE}?fbclid=1` }),
    );
    expect(listed.annotations.map((a) => a.id).sort()).toEqual([annotation.id, note.id].sort());

    const updated = await value<{ annotation: AnnotationRecord }>(
      request('updateAnnotation', { id: annotation.id, tags: ['land', 'Defections'] }),
    );
    expect(updated.annotation).toMatchObject({ note: 'Svay Rieng', tags: ['land', 'defections'] });
    expect(await value(request('listTags', {}))).toEqual({
      tags: [
        { tag: 'defections', count: 1 },
        { tag: 'land', count: 1 },
      ],
    });

    const { deleted } = await value<{ deleted: AnnotationRecord }>(
      request('deleteAnnotation', { id: annotation.id }),
    );
    expect(deleted).toEqual(updated.annotation);
    expect(await value(request('deleteAnnotation', { id: annotation.id }))).toEqual({
      deleted: null,
    });
    // Undo: the record travels back through the message as it was answered.
    const restored = await value(
      request('restoreAnnotation', { record: structuredClone(deleted) }),
    );
    expect(restored).toEqual({ annotation: deleted });
    expect(await db.annotations.count()).toBe(2);
  });

  it('answers failed with the reader-facing message when the store refuses the input', async () => {
    const empty = await send(
      request('saveQuote', { ...QUOTE, quote: { ...QUOTE.quote, exact: ' ' } }),
    );
    expect(empty).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: 'Select some text on the page first, then save it as a quote.',
        // The page shows this message in the reader's language (lib/i18n/i18n.ts errorText).
        userMessage: { key: 'selectTextFirst', substitutions: [] },
      },
    });
    const tags = Array.from({ length: 33 }, (_, i) => `t${i}`);
    const many = await send(request('saveQuote', { ...QUOTE, tags }));
    expect(many).toMatchObject({
      ok: false,
      error: { code: 'failed', message: /at most 32 tags/ },
    });
    const gone = await send(request('updateAnnotation', { id: 'missing', note: 'x' }));
    expect(gone).toMatchObject({ ok: false, error: { code: 'failed', message: /was deleted/ } });
    expect(await db.annotations.count()).toBe(0);
  });

  it.each([
    ['saveQuote without a quote', 'saveQuote', { ...QUOTE, quote: undefined }],
    ['saveQuote with a string position', 'saveQuote', { ...QUOTE, position: '10-47' }],
    ['saveQuote with a non-string tag', 'saveQuote', { ...QUOTE, tags: ['ok', 3] }],
    ['saveQuote without a title', 'saveQuote', { ...QUOTE, title: undefined }],
    ['savePageNote without a note', 'savePageNote', { url: PAGE, title: 'T' }],
    ['updateAnnotation with a numeric note', 'updateAnnotation', { id: 'a', note: 5 }],
    ['deleteAnnotation with an empty id', 'deleteAnnotation', { id: '' }],
    ['restoreAnnotation with half a record', 'restoreAnnotation', { record: { id: 'a' } }],
    ['getPageAnnotations without a url', 'getPageAnnotations', { canonicalUrl: PAGE }],
    ['listTags with params', 'listTags', { all: true }],
  ])('refuses %s as a bad request', async (_what, type, params) => {
    const result = await send({ dramatis: 1, type, params });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('answers no annotations for a page that is not on the web', async () => {
    expect(await value(request('getPageAnnotations', { url: 'about:blank' }))).toEqual({
      annotations: [],
    });
  });
});
