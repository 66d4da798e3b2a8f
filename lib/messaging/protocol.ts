/**
 * The one protocol between Dramatis's contexts. Every message is declared here,
 * grouped by direction, with what it carries and what it answers.
 *
 * Why a protocol at all: only extension contexts may open the profile store (a
 * content script's IndexedDB is the page's), so everything else asks the
 * background. Answers cross contexts as structured-cloned JSON, where an `Error`
 * loses its message, so every answer is a {@link Result}: ok with a value, or an
 * error with a code and a message.
 *
 * Adding a message: declare it in the direction's map with a doc comment, add a
 * params check to the matching validator table, the senders allowed to send it
 * (./senders.ts) and its shape in words (./param-shapes.ts) (the compiler
 * insists on all three), then a handler where that direction is answered.
 */
import type {
  AliasKeyRecord,
  AnnotationRecord,
  BundleMeta,
  EntityCorrection,
  ImportState,
} from '@/lib/model/records';
import type { AnnotationPatch, PageNoteInput, QuoteInput, TagCount } from '@/lib/model/annotation';
import type {
  AddSourceResult,
  EntityNote,
  EntitySuggestion,
  ImportOutcome,
  RemoveSourceResult,
  StoreCounts,
} from '@/lib/model/views';
import type { ExtractedDocument } from '@/lib/model/source';
import {
  isAnnotationExtras,
  isCorrectionShape,
  isExtractedShape,
  isPageAddress,
  isPageShape,
  isPositionShape,
  isQuoteShape,
  isRecordShape,
} from './annotation-params';
import {
  settingsPatchError,
  settingsPatchProblem,
  type Settings,
  type SettingsPatch,
  type Theme,
} from '@/lib/model/settings';
import type { EntityProfile } from '@/lib/model/profile';
import type { PageTextAnswer } from '@/lib/match/page-text';
import { countPageTexts } from '@/lib/match/page-text-codec';
import type { UserError, UserMessage } from '@/lib/model/user-error';
import type { QuotePlacement } from '@/lib/model/page-state';
import { isRecord as isPlainObject } from '@/lib/model/json-check';
import { isCanonicalTooLong } from '@/lib/model/web-link';

/** Marks our envelopes so the background ignores messages it does not own; bumped on incompatible change. */
export const PROTOCOL_VERSION = 1;

/**
 * Most characters of page text one {@link BackgroundMessages.matchPageText}
 * request may carry (about 160,000 words); the content script batches far below it.
 */
export const MAX_MATCH_CHARS = 1_000_000;

/** Most texts (page blocks) one {@link BackgroundMessages.matchPageText} request may carry. */
export const MAX_MATCH_TEXTS = 20_000;

/** Longest alias key accepted; no newsroom name comes close, so longer is a bug. */
export const MAX_KEY_LENGTH = 200;

/** Longest entity or note id accepted (ids are `kind:slug` or UUIDs); longer is a bug. */
export const MAX_ID_LENGTH = 300;

/** A message that carries nothing. */
export type NoParams = Record<string, never>;

/** What {@link BackgroundMessages.getStoreStatus} answers. */
export interface StoreStatus {
  counts: StoreCounts;
  /** The bundle in the store; null before the first successful import. */
  bundle: BundleMeta | null;
  /** Where loading the shipped bundle stands, with its error if it failed. */
  import: ImportState;
}

/** One candidate key that is an alias of a known entity. A key can hit several entities. */
export type AliasHit = AliasKeyRecord;

/**
 * Messages to the background, from extension pages and content scripts.
 * Each entry: `params` sent, `result` answered on success.
 */
export interface BackgroundMessages {
  /**
   * How much the profile store holds (people, organizations, places, documents,
   * annotations), which bundle it holds, and whether loading the shipped bundle is
   * running or failed. Sent by the options page.
   */
  getStoreStatus: { params: NoParams; result: StoreStatus };
  /**
   * The mentions in these texts (the page's blocks, in page order, compacted and
   * joined into one string by lib/match/page-text-codec.ts), resolved against
   * the entities the page has already `confirmed` (lib/match/page-text.ts).
   * Sent by the content script while it walks the page; answered from the alias
   * index, so cost follows the text, not the store. At most
   * {@link MAX_MATCH_TEXTS} texts and {@link MAX_MATCH_CHARS} characters in all.
   */
  matchPageText: { params: { text: string; confirmed: string[] }; result: PageTextAnswer };
  /**
   * The reader's page settings (marking on/off, disabled sites, kinds, hover
   * delay, click mode), defaults filled in. Sent by the content script at start
   * and by the popup and options page.
   */
  getSettings: { params: NoParams; result: Settings };
  /**
   * Changes some page settings and answers all of them after the change. The
   * background then sends {@link ContentMessages.settingsChanged} to every tab, so
   * pages apply it without a reload. A bad value is a `bad-request` whose message
   * says what is wrong (e.g. the allowed hover delay range), ready to show.
   */
  updateSettings: { params: { patch: SettingsPatch }; result: Settings };
  /**
   * Everything the profile card shows about one entity: roles, affiliations and
   * quotes each with the sentence and document they came from, document count,
   * related entities and the reader's notes, corrections applied. `profile` is
   * null when the store no longer holds the entity. Sent by the popover page and
   * the side panel.
   */
  getEntityProfile: { params: { entityId: string }; result: { profile: EntityProfile | null } };
  /**
   * Saves a note about an entity (an annotation without a quote). The text must
   * not be blank and at most `MAX_NOTE_LENGTH` characters; a bad note is a
   * `failed` result whose message says what to do. Sent by the popover page.
   */
  addEntityNote: { params: { entityId: string; text: string }; result: { note: EntityNote } };
  /** Replaces the text of a note or saved quote's note; same rules as {@link addEntityNote}. */
  updateNote: { params: { id: string; text: string }; result: { note: EntityNote } };
  /** Deletes a note or saved quote; deleting one that is already gone succeeds. */
  deleteNote: { params: { id: string }; result: NoParams };
  /**
   * Saves a quote the reader selected: the selectors from lib/anchor's
   * `describeQuote`, the tab's url and the page's canonical link, title, and an
   * optional note, tags and entities. Bad input (empty quote, over
   * 10,000 characters, over 32 tags) or a full disk is a `failed` result whose
   * message the popup shows as is. Sent by the popup (the context menu and
   * the shortcut save in the background itself).
   */
  saveQuote: { params: QuoteInput; result: { annotation: AnnotationRecord } };
  /** Saves a note about the whole page; the note must not be blank. Errors as {@link saveQuote}. */
  savePageNote: { params: PageNoteInput; result: { annotation: AnnotationRecord } };
  /** Changes the note, tags or entities of an annotation (absent fields stay); answers it as saved. */
  updateAnnotation: {
    params: { id: string } & AnnotationPatch;
    result: { annotation: AnnotationRecord };
  };
  /**
   * Deletes an annotation and answers the deleted record (null when already
   * gone), which the sender keeps to offer Undo with {@link restoreAnnotation}.
   */
  deleteAnnotation: { params: { id: string }; result: { deleted: AnnotationRecord | null } };
  /** Puts back a record answered by {@link deleteAnnotation} (Undo), with its id and dates. */
  restoreAnnotation: {
    params: { record: AnnotationRecord };
    result: { annotation: AnnotationRecord };
  };
  /**
   * The annotations saved on a page, oldest first, found by its url and
   * canonical link as when saving (tracking parameters and fragment ignored).
   * The content script re-anchors the quotes (an unplaceable one is shown as
   * orphaned); the popup lists them. Empty for pages that are not http(s).
   */
  getPageAnnotations: {
    params: { url: string; canonicalUrl?: string | null };
    result: { annotations: AnnotationRecord[] };
  };
  /** Every tag in use with its count, most used first, for tag completion. */
  listTags: { params: NoParams; result: { tags: TagCount[] } };
  /**
   * One annotation by id, null when it was deleted. Sent by the popover frame,
   * which is told only the id of a hovered saved quote, never the page's URL.
   */
  getAnnotation: { params: { id: string }; result: { annotation: AnnotationRecord | null } };
  /**
   * Re-finds the page's saved quotes in its text (lib/anchor's `anchorQuote`,
   * exact then fuzzy). Sent by the content script with the text of its
   * `buildTextIndex`, once per visit and again when late content arrives: the
   * matcher runs here so the content script stays small. Answers one placement
   * per saved quote, in text offsets, or `orphaned` for one that cannot be placed.
   * At most {@link MAX_PAGE_TEXT} characters.
   */
  anchorPageAnnotations: {
    params: { url: string; canonicalUrl?: string | null; text: string };
    result: { placements: QuotePlacement[] };
  };
  /**
   * Entities whose name or an alias fuzzily matches `query` (fuse.js; typos and
   * partial names allowed), best first, at most {@link MAX_ENTITY_SUGGESTIONS}.
   * Sent by the popup to add an entity to a quote by name.
   */
  searchEntities: { params: { query: string }; result: { entities: EntitySuggestion[] } };
  /**
   * Merges the reader's correction into an entity's (rename, kind, hide, note,
   * role titles, merge, extra names) and answers nothing; open tabs then look
   * their names up again. Sent by the options page.
   */
  correctEntity: { params: { entityId: string; correction: EntityCorrection }; result: NoParams };
  /**
   * Stores the annotations of an import file that the options page previewed
   * (`planImport`), all or none in one transaction; tabs showing their pages
   * anchor their quotes again. At most {@link MAX_IMPORT_RECORDS} records.
   */
  importAnnotations: { params: { records: AnnotationRecord[] }; result: ImportOutcome };
  /**
   * Merges an article the popup read from its tab and extracted into the store
   * (the build's merge), known by `url`; answers whether it changed anything.
   * Open tabs then look their names up again. Sent by the popup, which runs the
   * extraction itself so the worker never loads the pipeline.
   */
  addArticle: {
    params: { url: string; claimedUrl?: string | null; extracted: ExtractedDocument };
    result: AddSourceResult;
  };
  /** Removes an added article (Undo, or Remove on the options page); tabs look their names up again. */
  removeArticle: { params: { documentId: string }; result: RemoveSourceResult };
}

/**
 * The messages that save something the reader made (a quote, a note, a
 * correction, an import, an article): the first of them is when an
 * extension page asks the browser to keep the store (lib/messaging/send.ts
 * `whenFirstSave`).
 */
export const SAVE_MESSAGES: ReadonlySet<BackgroundMessageType> = new Set([
  'addEntityNote',
  'updateNote',
  'saveQuote',
  'savePageNote',
  'updateAnnotation',
  'restoreAnnotation',
  'correctEntity',
  'importAnnotations',
  'addArticle',
]);

/** Most records one {@link BackgroundMessages.importAnnotations} request may carry. */
export const MAX_IMPORT_RECORDS = 100_000;

/** Longest page text {@link BackgroundMessages.anchorPageAnnotations} accepts (a very long article is ~300,000). */
export const MAX_PAGE_TEXT = 5_000_000;

/** Most suggestions {@link BackgroundMessages.searchEntities} answers. */
export const MAX_ENTITY_SUGGESTIONS = 8;

/**
 * Messages from the background and the popup to the content script of a tab
 * (sent with `tabs.sendMessage` in the same envelope as {@link Request}). The
 * content script accepts them only from this extension and answers nothing,
 * except `readPage` (see lib/model/page-state.ts).
 */
export interface ContentMessages {
  /** The page settings changed; apply them at once (unmark, re-filter kinds, hover delay). */
  settingsChanged: { settings: Settings };
  /** The reader pressed the next-mention shortcut: focus the next mention on the page and open its card. */
  nextMention: NoParams;
  /**
   * Answers the page's `PageState`: address, title, the selection described as
   * W3C selectors with the entities marked inside it, and the ids of saved
   * quotes the latest anchoring could not place. Sent by the popup and by the
   * background for the context menu and the save-quote shortcut.
   */
  readPage: NoParams;
  /** This page's annotations changed (saved, edited, deleted): anchor them again. */
  annotationsChanged: NoParams;
  /**
   * A quote was saved from the context menu or the shortcut: highlight it and
   * open its card with the note field, so the reader can add a note.
   */
  quoteSaved: { annotationId: string };
  /**
   * The side panel opened this page for a saved quote: place it and scroll it
   * into view. Answers `true` once it is on screen, `false` while it cannot be
   * placed (not marked yet, or orphaned), so the panel can retry.
   */
  showAnnotation: { annotationId: string };
  /** The profile store changed (an article added or removed): look every name on the page up again. */
  profilesChanged: NoParams;
}

/** The name of a message to a content script. */
export type ContentMessageType = keyof ContentMessages;

/** A message to a content script, in its envelope. */
export type ContentRequest = {
  [T in ContentMessageType]: {
    dramatis: typeof PROTOCOL_VERSION;
    type: T;
    params: ContentMessages[T];
  };
}[ContentMessageType];

/** Builds the envelope of a message to a content script. */
export function contentRequest<T extends ContentMessageType>(
  type: T,
  params: ContentMessages[T],
): ContentRequest {
  return { dramatis: PROTOCOL_VERSION, type, params } as ContentRequest;
}

/** How a popover card was asked for: it decides where focus goes (keyboard moves focus into the card). */
export type PopoverTrigger = 'hover' | 'click' | 'keyboard';

/**
 * Popover channel, host (content script) → frame (popover.html). Relayed by the
 * background over runtime ports; see lib/messaging/popover-channel.ts.
 *
 * Both shows carry the reader's `theme` setting: the card's page has a fresh
 * origin each session (use_dynamic_url), so it cannot follow the store the way
 * the other extension pages do, while the content script already holds the
 * settings and hears every change (`settingsChanged`); it sends the show again
 * when the theme changes under an open card.
 */
export type HostToFrame =
  /**
   * Show the card of `entityId`. `mentionText` is the name as the page wrote it
   * ("Sochua's"), for a heading like "Sochua — Mu Sochua". With trigger
   * `keyboard` the frame has focus and should focus its first control.
   */
  | {
      type: 'show';
      entityId: string;
      mentionText: string;
      trigger: PopoverTrigger;
      theme: Theme;
    }
  /**
   * Show the reader's saved quote `annotationId` (its note, tags, edit and
   * delete). `justSaved`: it was saved a moment ago from the menu or shortcut,
   * so the card says so and puts the caret in the note field.
   */
  | {
      type: 'showQuote';
      annotationId: string;
      trigger: PopoverTrigger;
      justSaved: boolean;
      theme: Theme;
    }
  /** The card is closed (its iframe is hidden); drop what it showed, e.g. stop editing. */
  | { type: 'hide' }
  /**
   * Whether the page paints over, fades or distorts the card (lib/page/cover-watch.ts);
   * while `covered`, the card ignores pointer clicks.
   */
  | { type: 'cover'; covered: boolean };

/** Popover channel, frame (popover.html) → host (content script). */
export type FrameToHost =
  /** The frame connected (or reconnected): send the current state again. */
  | { type: 'ready' }
  /** The card's content size in CSS pixels after a render; the host resizes the iframe (clamped). */
  | { type: 'size'; width: number; height: number }
  /** The reader closed the card (Escape in the frame, or its close button); the host hides it and returns focus. */
  | { type: 'close'; reason: 'escape' | 'button' }
  /** Focus should go back to the page (e.g. Shift+Tab out of the first control) without closing. */
  | { type: 'focus-return' };

/** The name of a message to the background. */
export type BackgroundMessageType = keyof BackgroundMessages;

/** What message `T` carries. */
export type ParamsOf<T extends BackgroundMessageType> = BackgroundMessages[T]['params'];

/** What message `T` answers on success. */
export type ResultOf<T extends BackgroundMessageType> = BackgroundMessages[T]['result'];

/**
 * Why a request failed:
 * - `bad-request`: the message's shape is wrong (a bug in the sender);
 * - `forbidden`: the sender is not part of this extension, or may not send
 *   this message (lib/messaging/senders.ts);
 * - `failed`: the handler threw (the message says what failed);
 * - `unreachable`: the background could not be reached or did not answer.
 */
export type ErrorCode = 'bad-request' | 'forbidden' | 'failed' | 'unreachable';

/** A failure as it crosses contexts. */
export interface ProtocolError {
  code: ErrorCode;
  /** What failed, in English (logs, developers). */
  message: string;
  /** What the reader is told, as a message key and values the page translates (lib/model/user-error.ts). */
  userMessage?: UserMessage;
}

/** Every answer: a value, or an error that survived structured cloning. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

/** The envelope a request travels in. */
export interface Request<T extends BackgroundMessageType = BackgroundMessageType> {
  dramatis: typeof PROTOCOL_VERSION;
  type: T;
  params: ParamsOf<T>;
}

/** Builds the envelope of a request. */
export function request<T extends BackgroundMessageType>(type: T, params: ParamsOf<T>): Request<T> {
  return { dramatis: PROTOCOL_VERSION, type, params };
}

/** An ok result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** An error result; a {@link UserError} brings its message for the reader along. */
export function fail<T = never>(code: ErrorCode, problem: string | UserError): Result<T> {
  if (typeof problem === 'string') return { ok: false, error: { code, message: problem } };
  return { ok: false, error: { code, message: problem.message, userMessage: problem.userMessage } };
}

/**
 * Checks on each message's params. Messages arrive as untyped JSON, so the
 * background checks their shape before a handler sees them; a mapped type makes
 * a new message without a check a compile error.
 */
export const PARAMS_VALIDATORS: {
  [T in BackgroundMessageType]: (params: unknown) => params is ParamsOf<T>;
} = {
  getStoreStatus: (params): params is NoParams =>
    isPlainObject(params) && Object.keys(params).length === 0,
  matchPageText: (params): params is { text: string; confirmed: string[] } =>
    isPlainObject(params) &&
    isPageTexts(params.text) &&
    Array.isArray(params.confirmed) &&
    params.confirmed.length <= MAX_MATCH_TEXTS * 10 &&
    params.confirmed.every(isId),
  getSettings: (params): params is NoParams =>
    isPlainObject(params) && Object.keys(params).length === 0,
  updateSettings: (params): params is { patch: SettingsPatch } =>
    isPlainObject(params) && settingsPatchProblem(params.patch) === null,
  getEntityProfile: (params): params is { entityId: string } =>
    isPlainObject(params) && isId(params.entityId),
  // The note's text is checked by the handler, whose message the card shows as is.
  addEntityNote: (params): params is { entityId: string; text: string } =>
    isPlainObject(params) && isId(params.entityId) && typeof params.text === 'string',
  updateNote: (params): params is { id: string; text: string } =>
    isPlainObject(params) && isId(params.id) && typeof params.text === 'string',
  deleteNote: (params): params is { id: string } => isPlainObject(params) && isId(params.id),
  // Annotation messages: shapes here; limits (lengths, tag count) in lib/store,
  // whose messages tell the reader what to change.
  saveQuote: (params): params is QuoteInput =>
    isPageShape(params) &&
    isQuoteShape(params.quote) &&
    (params.position === null || isPositionShape(params.position)) &&
    isAnnotationExtras(params),
  savePageNote: (params): params is PageNoteInput =>
    isPageShape(params) && typeof params.note === 'string' && isAnnotationExtras(params),
  updateAnnotation: (params): params is { id: string } & AnnotationPatch =>
    isPlainObject(params) && isId(params.id) && isAnnotationExtras(params),
  deleteAnnotation: (params): params is { id: string } => isPlainObject(params) && isId(params.id),
  restoreAnnotation: (params): params is { record: AnnotationRecord } =>
    isPlainObject(params) && isRecordShape(params.record) && isId(params.record.id),
  getPageAnnotations: (params): params is { url: string; canonicalUrl?: string | null } =>
    isPageAddress(params),
  listTags: (params): params is NoParams =>
    isPlainObject(params) && Object.keys(params).length === 0,
  getAnnotation: (params): params is { id: string } => isPlainObject(params) && isId(params.id),
  anchorPageAnnotations: (
    params,
  ): params is { url: string; canonicalUrl?: string | null; text: string } =>
    isPageAddress(params) && typeof params.text === 'string' && params.text.length <= MAX_PAGE_TEXT,
  searchEntities: (params): params is { query: string } =>
    isPlainObject(params) &&
    typeof params.query === 'string' &&
    params.query.length <= MAX_KEY_LENGTH,
  correctEntity: (params): params is { entityId: string; correction: EntityCorrection } =>
    isPlainObject(params) && isId(params.entityId) && isCorrectionShape(params.correction),
  importAnnotations: (params): params is { records: AnnotationRecord[] } =>
    isPlainObject(params) &&
    Array.isArray(params.records) &&
    params.records.length <= MAX_IMPORT_RECORDS &&
    params.records.every((record) => isRecordShape(record) && isId(record.id)),
  addArticle: (
    params,
  ): params is { url: string; claimedUrl?: string | null; extracted: ExtractedDocument } =>
    isPlainObject(params) &&
    isPageAddress(params) &&
    (params.claimedUrl === undefined ||
      params.claimedUrl === null ||
      (typeof params.claimedUrl === 'string' && !isCanonicalTooLong(params.claimedUrl))) &&
    isExtractedShape(params.extracted),
  removeArticle: (params): params is { documentId: string } =>
    isPlainObject(params) && isId(params.documentId),
};

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

/** A batch of page texts, joined (page-text-codec.ts), within {@link MAX_MATCH_TEXTS} and {@link MAX_MATCH_CHARS}. */
function isPageTexts(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= MAX_MATCH_CHARS &&
    countPageTexts(value) <= MAX_MATCH_TEXTS
  );
}

/**
 * For messages whose params a person types (settings), what is wrong with bad
 * params in words the page can show; the router uses it for the `bad-request`
 * message instead of a generic one.
 */
export const PARAMS_PROBLEMS: {
  [T in BackgroundMessageType]?: (params: unknown) => string | UserError | null;
} = {
  updateSettings: (params) =>
    isPlainObject(params) ? settingsPatchError(params.patch) : 'Send { patch: {...} }.',
};

/** True when `message` is one of our envelopes (whatever its params); other messages are not ours to answer. */
export function isEnvelope(
  message: unknown,
): message is { dramatis: number; type: unknown; params: unknown } {
  return isPlainObject(message) && message.dramatis === PROTOCOL_VERSION;
}

/** True when `type` names a message to the background. */
export function isBackgroundMessageType(type: unknown): type is BackgroundMessageType {
  return typeof type === 'string' && Object.hasOwn(PARAMS_VALIDATORS, type);
}
