/**
 * Who may send each message to the background.
 *
 * The browser tells the background who sent a message (`runtime.MessageSender`),
 * and page scripts cannot send runtime messages at all. But two of our own
 * senders live on pages we do not control: the content script runs next to any
 * page's scripts, and the popover frame is a web-accessible page that any site
 * can embed. So each message names the kinds of sender that need it, and the
 * router refuses it from the others: a content script talked into misbehaving
 * can match its page's text against the alias index and read its own
 * page's quotes, never change settings or
 * delete what the reader saved.
 */
import type { BackgroundMessageType } from './protocol';

/**
 * The kinds of sender:
 * - `content`: the content script in the top frame of a tab;
 * - `popover`: the card, `popover.html`, an extension page framed in a tab;
 * - `page`: the other extension pages (popup, options, side panel, welcome).
 *   They may read the store themselves (options, side panel), and every
 *   change they make goes through these messages, so they may send them all.
 */
export type SenderKind = 'content' | 'popover' | 'page';

/** Which kinds of sender each message is accepted from; a new message without an entry does not compile. */
export const ALLOWED_SENDERS: { readonly [T in BackgroundMessageType]: readonly SenderKind[] } = {
  getStoreStatus: ['page'],
  matchPageText: ['content', 'page'],
  // The card opened on its own (`popover.html?entity=`, no host to send the theme) reads it here.
  getSettings: ['content', 'popover', 'page'],
  updateSettings: ['page'],
  getEntityProfile: ['popover', 'page'],
  addEntityNote: ['popover', 'page'],
  updateNote: ['popover', 'page'],
  deleteNote: ['popover', 'page'],
  saveQuote: ['page'],
  savePageNote: ['page'],
  updateAnnotation: ['popover', 'page'],
  deleteAnnotation: ['popover', 'page'],
  restoreAnnotation: ['popover', 'page'],
  getPageAnnotations: ['content', 'page'],
  listTags: ['page'],
  getAnnotation: ['popover', 'page'],
  anchorPageAnnotations: ['content', 'page'],
  searchEntities: ['page'],
  correctEntity: ['page'],
  importAnnotations: ['page'],
  addArticle: ['page'],
  removeArticle: ['page'],
};

/** How a sender looks to the background; the fields of `runtime.MessageSender` it reads. */
export interface SenderFacts {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** What the background trusts: its own extension id and the origin of its own pages. */
export interface SenderPolicy {
  extensionId: string;
  /** `runtime.getURL('/')`, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
  /**
   * Chrome's origin for this session's web-accessible pages (`use_dynamic_url`,
   * wxt.config.ts), e.g. `chrome-extension://<uuid>/`, when it differs: the card
   * page may be loaded from it.
   */
  dynamicOrigin?: string;
}

/** The card's page, relative to the extension origin. */
const POPOVER_PAGE = 'popover.html';

/**
 * The kind of `sender`, or null when it is not part of this extension (another
 * extension, a frame the content script does not run in, a sender without a url).
 * The browser routes other extensions to `onMessageExternal`; the id is checked
 * anyway so a future `externally_connectable` cannot open the store to them.
 */
export function senderKindOf(sender: SenderFacts, policy: SenderPolicy): SenderKind | null {
  if (sender.id !== policy.extensionId || typeof sender.url !== 'string') return null;
  const origin = [policy.extensionOrigin, policy.dynamicOrigin].find(
    (candidate) => candidate && sender.url!.startsWith(candidate),
  );
  if (origin) {
    const path = sender.url.slice(origin.length);
    return /^popover\.html(?:[?#]|$)/.test(path) ? 'popover' : 'page';
  }
  // Our content script runs in top frames only (no allFrames), so anything else is not it.
  return sender.tab?.id !== undefined && sender.frameId === 0 ? 'content' : null;
}

/** Words for a sender kind, for error messages. */
const KIND_NAMES: Record<SenderKind, string> = {
  content: 'a page’s content script',
  popover: `the card (${POPOVER_PAGE})`,
  page: 'an extension page',
};

/** Why `kind` may not send `type`, or null when it may. */
export function senderProblem(type: BackgroundMessageType, kind: SenderKind): string | null {
  const allowed = ALLOWED_SENDERS[type];
  if (allowed.includes(kind)) return null;
  return `${type} is not accepted from ${KIND_NAMES[kind]}; only from ${allowed.map((k) => KIND_NAMES[k]).join(' or ')}.`;
}
