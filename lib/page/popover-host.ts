/**
 * The host of the profile card on the page: an element with a closed shadow
 * root holding the popover iframe (`popover.html`, an extension page). The page
 * sees one empty element outside <body>; it cannot enter the closed shadow root,
 * and the frame is cross-origin, so no profile or note can be read from the page
 * (docs/ARCHITECTURE.md, principle 2). Talks to the frame over the popover channel
 * (lib/messaging/popover-channel.ts), never with window.postMessage.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  hostPortName,
  isFrameToHost,
  MAX_CARD_SIZE,
  type FrameToHost,
  type HostToFrame,
  type PopoverTrigger,
} from '@/lib/messaging/popover-channel';
import { t } from '@/lib/i18n/i18n';
import type { Theme } from '@/lib/model/settings';
import { isCardCovered, type ShadowOpener } from './cover-watch';
import { followReference, type CardFollower } from './place-card';
import { OWN_UI_ATTRIBUTE } from './text-blocks';

/** How often an open card checks whether the page paints over it (lib/page/cover-watch.ts). */
const COVER_CHECK_MS = 100;

/** The extensions' way into closed shadow roots where the browser has one, else open roots only. */
const openShadow: ShadowOpener = (element) => {
  const dom = (browser as unknown as { dom?: { openOrClosedShadowRoot?: ShadowOpener } }).dom;
  try {
    return dom?.openOrClosedShadowRoot?.(element) ?? element.shadowRoot;
  } catch {
    return element.shadowRoot;
  }
};

/** Size of the card before the frame reports its own. */
const INITIAL_SIZE = { width: 360, height: 220 };

const SHADOW_STYLES = `
:host { all: initial; }
iframe {
  position: fixed; top: 0; left: 0; z-index: 2147483647;
  border: 0; border-radius: 10px; background: transparent; color-scheme: normal;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.28);
  visibility: hidden; pointer-events: none;
}
iframe.open { visibility: visible; pointer-events: auto; }
`;

/**
 * What is shown and where it is on the page: a mention's entity, or one of the
 * reader's saved quotes (`justSaved`: saved a moment ago, offer a note).
 */
export type CardTarget =
  | { entityId: string; mentionText: string; range: Range }
  | { annotationId: string; justSaved: boolean; range: Range };

/** What the host reports back to the page controller. */
export interface PopoverHostEvents {
  /** The reader closed the card from inside it (Escape, close button). */
  onClosedByFrame(): void;
  /** The pointer entered (true) or left (false) the card. */
  onPointerInCard(inside: boolean): void;
}

/** The card's frame on the page. */
export class PopoverHost {
  private host: HTMLElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  private port: Browser.runtime.Port | null = null;
  private shown: { target: CardTarget; trigger: PopoverTrigger } | null = null;
  private follower: CardFollower | null = null;
  /** Where focus was before a keyboard-opened card took it. */
  private focusBefore: Element | null = null;
  private size = { ...INITIAL_SIZE };
  /** The last cover report sent to the frame, and the timer that checks again. */
  private covered = false;
  private coverTimer: ReturnType<typeof setInterval> | undefined;
  /** Proves to the relay which card frame is ours (lib/messaging/popover-channel.ts, `hostPortName`). */
  private token: string | null = null;
  /** The reader's theme setting, sent with every show (the card cannot read the store itself). */
  private theme: Theme = 'system';

  /** Builds the host; nothing is added to the page until {@link preload}. */
  constructor(
    private readonly doc: Document,
    private readonly popoverUrl: string,
    private readonly events: PopoverHostEvents,
  ) {}

  /**
   * Made on first use, not with the host: the first call to the browser's
   * random source is slow, and every page builds a host while most never show a card.
   */
  private get frameToken(): string {
    return (this.token ??= randomToken());
  }

  /** Creates the hidden frame and connects the channel, so the first card opens at once. */
  preload(): void {
    this.connect();
    if (this.host?.isConnected) return;
    const host = this.doc.createElement('dramatis-popover');
    host.setAttribute(OWN_UI_ATTRIBUTE, '');
    const root = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = SHADOW_STYLES;
    const frame = this.doc.createElement('iframe');
    frame.src = `${this.popoverUrl}#${this.frameToken}`;
    // The iframe's accessible name; screen readers announce it when focus moves into the card.
    frame.title = t('cardFrameTitle');
    this.applySize(frame);
    frame.addEventListener('pointerenter', () => this.events.onPointerInCard(true));
    frame.addEventListener('pointerleave', () => this.events.onPointerInCard(false));
    root.append(style, frame);
    // Outside <body>: the article's markup, as scripts and "save page" see it, is unchanged.
    this.doc.documentElement.append(host);
    this.host = host;
    this.frame = frame;
  }

  /** Shows the card for `target`; a keyboard trigger moves focus into it. */
  show(target: CardTarget, trigger: PopoverTrigger): void {
    this.preload();
    const frame = this.frame!;
    if (trigger === 'keyboard' && !this.shown) this.focusBefore = this.doc.activeElement;
    this.shown = { target, trigger };
    this.post(this.showMessage());
    frame.classList.add('open');
    this.follow(target.range);
    this.watchCover();
    if (trigger === 'keyboard') frame.focus();
  }

  /**
   * Follows the reader's theme setting: later cards open in it, and an open
   * card is shown again in it (the frame keeps its place on the same show).
   */
  setTheme(theme: Theme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    if (this.shown) this.post(this.showMessage());
  }

  /** Hides the card; `restoreFocus` returns focus to where it was before the card took it. */
  hide(restoreFocus = false): void {
    if (!this.shown) return;
    this.shown = null;
    this.follower?.stop();
    this.follower = null;
    clearInterval(this.coverTimer);
    this.coverTimer = undefined;
    this.frame?.classList.remove('open');
    this.post({ type: 'hide' });
    if (restoreFocus) this.returnFocus();
    this.focusBefore = null;
  }

  /** True while a card is shown. */
  get isOpen(): boolean {
    return this.shown !== null;
  }

  /** Removes the host and closes the channel (marking switched off). */
  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = null;
    this.frame = null;
    this.port?.disconnect();
    this.port = null;
  }

  private showMessage(): HostToFrame {
    const { target, trigger } = this.shown!;
    const theme = this.theme;
    if ('annotationId' in target) {
      const { annotationId, justSaved } = target;
      return { type: 'showQuote', annotationId, justSaved, trigger, theme };
    }
    const { entityId, mentionText } = target;
    return { type: 'show', entityId, mentionText, trigger, theme };
  }

  private connect(): void {
    if (this.port) return;
    const port = browser.runtime.connect({ name: hostPortName(this.frameToken) });
    port.onMessage.addListener((message: unknown) => {
      if (isFrameToHost(message)) this.receive(message);
    });
    // The background's service worker may stop; the next use reconnects.
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = null;
    });
    this.port = port;
  }

  private post(message: HostToFrame): void {
    this.connect();
    this.port?.postMessage(message);
  }

  private receive(message: FrameToHost): void {
    switch (message.type) {
      case 'ready':
        // A (re)connected frame knows nothing: tell it what to show.
        this.post(this.shown ? this.showMessage() : { type: 'hide' });
        this.post({ type: 'cover', covered: this.covered });
        break;
      case 'size':
        this.size = {
          width: Math.min(Math.ceil(message.width), MAX_CARD_SIZE.width),
          height: Math.min(Math.ceil(message.height), MAX_CARD_SIZE.height),
        };
        if (this.frame) this.applySize(this.frame);
        // A taller card may no longer fit on its side of the name.
        this.follower?.update();
        break;
      case 'close':
        this.hide(true);
        this.events.onClosedByFrame();
        break;
      case 'focus-return':
        this.returnFocus();
        break;
    }
  }

  /**
   * While the card is open, checks whether the page paints over it and tells
   * the frame when that changes, so it ignores clicks meanwhile
   * (components/card/click-guard.ts).
   */
  private watchCover(): void {
    const check = (): void => {
      const { host, frame } = this;
      const covered =
        host !== null &&
        frame !== null &&
        isCardCovered(host, frame.getBoundingClientRect(), openShadow);
      if (covered === this.covered) return;
      this.covered = covered;
      this.post({ type: 'cover', covered });
    };
    check();
    if (this.coverTimer === undefined) this.coverTimer = setInterval(check, COVER_CHECK_MS);
  }

  private returnFocus(): void {
    const before = this.focusBefore;
    if (before instanceof HTMLElement && before.isConnected) before.focus();
    else this.frame?.blur();
  }

  private applySize(frame: HTMLIFrameElement): void {
    frame.style.width = `${this.size.width}px`;
    frame.style.height = `${this.size.height}px`;
  }

  /**
   * Places the card next to the name and keeps it there while the page scrolls
   * or resizes. The name's own boxes are the reference, so the card never
   * covers it: below by default, above when there is no room, slid sideways to
   * stay in the viewport, next to the right line of a wrapped name
   * (lib/page/place-card.ts).
   */
  private follow(range: Range): void {
    this.follower?.stop();
    this.follower = followReference(range, this.frame!, () => this.size);
  }
}

/**
 * 128 random bits in hex. Not `crypto.randomUUID`: it exists only in secure
 * contexts, and the content script also runs on plain-http news sites.
 */
function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
