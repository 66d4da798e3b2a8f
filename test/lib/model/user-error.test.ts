/**
 * Errors for the reader cross from lib/ to the page as a message key with
 * values (lib/model/user-error.ts): the background's answer carries them, the page
 * translates them (errorText), and the English `message` that logs and the CLI
 * print says the same as the English messages.json.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readDocument } from '@/lib/extract/document';
import { SourceError } from '@/lib/model/source';
import { parseImport } from '@/lib/export';
import { errorText, translate } from '@/lib/i18n/i18n';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { request } from '@/lib/messaging/protocol';
import { createMessageRouter, type MessageSender } from '@/lib/messaging/router';
import { sendMessage } from '@/lib/messaging/send';
import { checkQuote, cleanEntityIds, cleanTags, pageFields } from '@/lib/store/annotation-input';
import { noteTextProblem, profileGone } from '@/lib/store/notes';
import { settingsPatchError } from '@/lib/model/settings';
import { userMessageOf } from '@/lib/model/user-error';
import { usePseudoLocale } from '@/test/pseudo-locale';
import { freshDb } from '@/test/lib/store/fixtures';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The error `run` throws. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** Straight and curly quotes are the same words; messages.json prints curly ones. */
const sameQuotes = (text: string) => text.replace(/[“”]/g, '"');

describe('the English of an error and of messages.json', () => {
  const webPagesOnly = thrown(() => pageFields({ url: 'chrome://settings', title: '' }));
  const cases: [string, unknown][] = [
    ['an empty note', noteTextProblem('')],
    ['an emptied note', noteTextProblem('', 'delete')],
    ['a long note', noteTextProblem('x'.repeat(10_001))],
    ['a profile gone', profileGone()],
    [
      'no quote',
      thrown(() => checkQuote({ type: 'TextQuoteSelector', exact: ' ', prefix: '', suffix: '' })),
    ],
    ['a long tag', thrown(() => cleanTags(['x'.repeat(65)]))],
    ['many tags', thrown(() => cleanTags(Array.from({ length: 33 }, (_, i) => `t${i}`)))],
    ['many entities', thrown(() => cleanEntityIds(Array.from({ length: 201 }, (_, i) => `e${i}`)))],
    ['a page that is not on the web', webPagesOnly],
    ['a site that is not a host', settingsPatchError({ disabledSites: ['https://x.org/'] })],
    ['too many sites', settingsPatchError({ disabledSites: Array(1001).fill('x.org') })],
    ['a setting mistyped', settingsPatchError({ hoverDelay: 3 })],
    ['a file that is not JSON', thrown(() => parseImport('{'))],
    ['a file of something else', thrown(() => parseImport('{"bookmarks": []}'))],
    [
      'a collection elsewhere',
      thrown(() => parseImport('{"type": "AnnotationCollection", "first": "p2"}')),
    ],
  ];

  it.each(cases)('says the same for %s', (_, error) => {
    expect(userMessageOf(error)).not.toBeNull();
    expect(sameQuotes(errorText(error))).toBe((error as Error).message);
  });

  it('says the same for an annotation of a file it skips, naming its field', () => {
    const file = {
      type: 'AnnotationCollection',
      first: { items: [{ type: 'Annotation', created: 'soon' }] },
    };
    const [skipped] = parseImport(JSON.stringify(file)).skipped;
    expect(translate(skipped!.userMessage)).toBe(skipped!.reason);
    expect(skipped!.reason).toBe('first.items[0].created: expected an ISO 8601 date, found "soon"');
  });

  it('says the same for a source that holds no article (the CLI prints the English)', () => {
    const error = thrown(() =>
      readDocument({ origin: 'signin.txt', format: 'txt', content: 'Sign in to continue.' }),
    );
    expect(error).toBeInstanceOf(SourceError);
    const { problem, problemMessage } = error as SourceError;
    expect(translate(problemMessage!)).toBe(problem);
    expect((error as SourceError).message).toMatch(/^signin\.txt: no news article found/);
  });
});

describe('an error on its way from the background to a page', () => {
  const OPTIONS_PAGE: MessageSender = {
    id: 'dramatis-id',
    url: 'chrome-extension://dramatis-id/options.html',
  };
  const POLICY = { extensionId: 'dramatis-id', extensionOrigin: 'chrome-extension://dramatis-id/' };

  it('keeps its key and values in the answer, and the page translates them', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = freshDb();
    const route = createMessageRouter(createBackgroundHandlers(db), POLICY);
    const answer = await route(request('updateNote', { id: 'gone', text: '  ' }), OPTIONS_PAGE);
    // Structured cloning is what crosses contexts: the answer must survive it.
    const received = structuredClone(answer);
    expect(received).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: 'Write something before saving, or delete the note.',
        userMessage: { key: 'noteEmptyDelete', substitutions: [] },
      },
    });
    usePseudoLocale();
    expect(received?.ok === false && errorText(received.error)).toBe('NOTEEMPTYDELETE[]');
    await db.delete();
  });

  it('refuses bad settings with the message for the site the reader added', async () => {
    const route = createMessageRouter(createBackgroundHandlers(freshDb()), POLICY);
    const answer = await route(
      request('updateSettings', { patch: { disabledSites: ['localhost:8080'] } }),
      OPTIONS_PAGE,
    );
    expect(answer?.ok === false && errorText(answer.error)).toBe(
      '“localhost:8080” is not a host name: write it like www.example.com, lower case, without https:// or a path.',
    );
  });

  it('tells the reader, in their language, that the background does not answer', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fakeBrowser.runtime.onMessage.removeAllListeners();
    const result = await sendMessage('getStoreStatus', {});
    expect(result.ok === false && errorText(result.error)).toBe(
      'Dramatis is not responding. Reload the extension or restart the browser.',
    );
    usePseudoLocale();
    expect(result.ok === false && errorText(result.error)).toBe('DRAMATISNOTRESPONDING[]');
  });
});
