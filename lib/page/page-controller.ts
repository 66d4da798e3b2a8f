/**
 * Dramatis on a page: marks mentions, keeps them current as the page changes,
 * opens the profile card on hover, click or the next-mention shortcut, and
 * applies the reader's settings as they change. The content script entrypoint
 * only starts this.
 */
import type { PageTextAnswer } from '@/lib/match/page-text';
import type { PageReport } from '@/lib/model/page-state';
import { reportUnlessCutOff, sendMessage } from '@/lib/messaging/send';
import { DEFAULT_SETTINGS, isMarkingOn, type Settings } from '@/lib/model/settings';
import { caretFromPoint, rangeContainsPoint } from './caret-from-point';
import { createHighlightApiHighlighter, hasHighlightApi, type Highlighter } from './highlights';
import { createSpanHighlighter } from './highlights-fallback';
import { CLOSE_DELAY_MS, HoverIntent } from './hover-intent';
import { nextMention, selectMention } from './mention-navigation';
import { watchPageChanges, type PageChanges } from './page-changes';
import { PageScanner, type PageMention } from './page-scanner';
import { PopoverHost } from './popover-host';
import { readPage } from './read-page';
import { SavedQuotes, type PlacedQuote } from './saved-quotes';
import { createViewportWindow } from './viewport-window';

/** Hidden blocks are left unmarked where the browser can tell cheaply; older ones mark them. */
function isHidden(element: Element): boolean {
  return typeof element.checkVisibility === 'function' && !element.checkVisibility();
}

/**
 * After the next frame is rendered (the page's styles and layout are then up to
 * date), or after 100 ms where frames are paused, as in a tab in the background.
 */
function afterNextFrame(view: Window): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    view.requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

async function match(text: string, confirmed: string[]): Promise<PageTextAnswer> {
  const result = await sendMessage('matchPageText', { text, confirmed });
  if (!result.ok)
    throw new Error(`finding names in ${text.length} characters: ${result.error.message}`);
  return result.value;
}

/** What the pointer can rest on: a marked name or a saved quote. */
type HoverTarget = PageMention | PlacedQuote;

/** The running page: everything set up while marking is on. */
interface Marking {
  scanner: PageScanner;
  highlighter: Highlighter;
  changes: PageChanges;
  hover: HoverIntent<HoverTarget>;
  card: PopoverHost;
  /** Saved quotes; null where the Highlight API is missing (they are then not drawn). */
  quotes: SavedQuotes | null;
  stop: () => void;
}

/** Marks mentions on `doc` and shows their cards; one per content script. */
export class PageController {
  private settings: Settings = DEFAULT_SETTINGS;
  private marking: Marking | null = null;
  private queue: Promise<void> = Promise.resolve();
  private shutDown = false;
  /** The mention the next-mention shortcut selected last, so the next press may move it. */
  private mentionSelection: Range | null = null;

  /**
   * Builds the controller; `popoverUrl` is the extension's popover.html.
   * `isConnected` answers whether the extension is still there: after an update
   * or reload this script is cut off, and checking it is what notices (WXT's
   * context then calls {@link shutdown}).
   */
  constructor(
    private readonly doc: Document,
    private readonly popoverUrl: string,
    private readonly isConnected: () => boolean = () => true,
  ) {}

  /**
   * Stops for good: the extension was updated or reloaded, or a newer copy of
   * this script took over the page. Marks, observers, listeners and the card go
   * once, quietly; nothing of it runs again.
   */
  shutdown(): void {
    this.shutDown = true;
    this.stopMarking();
  }

  /** Reads the settings and starts marking if they allow it on this site. */
  async start(): Promise<void> {
    const result = await sendMessage('getSettings', {});
    if (!result.ok) console.error('Dramatis: reading settings failed:', result.error.message);
    this.applySettings(result.ok ? result.value : DEFAULT_SETTINGS);
  }

  /** Applies new settings at once: switch marking off or on, re-filter kinds, the card's theme. */
  applySettings(settings: Settings): void {
    if (this.shutDown) return;
    const previous = this.settings;
    this.settings = settings;
    const on = isMarkingOn(settings, this.doc.location.hostname);
    if (!on) return this.stopMarking();
    if (!this.marking) return this.startMarking();
    this.marking.card.setTheme(settings.theme);
    if (JSON.stringify(previous.kinds) !== JSON.stringify(settings.kinds)) {
      this.marking.card.hide();
      this.marking.hover.closedElsewhere();
      this.marking.highlighter.setKinds(settings.kinds, this.marking.scanner.allMentions());
    }
  }

  /** The next-mention shortcut: go to the next mention, open its card and focus it. */
  goToNextMention(): void {
    const marking = this.marking;
    if (!marking) return;
    const ordered = marking.scanner
      .mentionsInOrder()
      .filter((item) => this.settings.kinds[item.mention.kind]);
    const current = marking.hover.current;
    const next = nextMention(
      ordered,
      current && 'mention' in current ? current : null,
      (item) => item.range.getBoundingClientRect().top,
    );
    if (!next) return;
    next.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    this.mentionSelection = selectMention(
      this.doc.getSelection(),
      next.range,
      this.mentionSelection,
    );
    marking.hover.openedElsewhere(next);
    this.openCard(next, 'keyboard');
  }

  /** The popup, menu or shortcut asks what is selected (see lib/model/page-state.ts). */
  readPage(): PageReport {
    const marking = this.marking;
    return readPage(
      this.doc,
      marking?.scanner.allMentions() ?? [],
      marking?.quotes?.orphanedIds ?? [],
    );
  }

  /** The profile store changed (an article added or removed): start marking afresh, forgetting old answers. */
  profilesChanged(): void {
    if (!this.marking) return;
    this.stopMarking();
    this.startMarking();
  }

  /** This page's annotations changed: place the saved quotes again. */
  annotationsChanged(): Promise<void> {
    return this.marking?.quotes?.anchor() ?? Promise.resolve();
  }

  /** A quote was saved from the menu or shortcut: highlight it and open its card to add a note. */
  async quoteSaved(annotationId: string): Promise<void> {
    await this.annotationsChanged();
    const placed = this.marking?.quotes?.placedQuote(annotationId);
    if (!placed || !this.marking) return;
    this.marking.hover.openedElsewhere(placed);
    this.marking.card.show({ annotationId, justSaved: true, range: placed.range }, 'keyboard');
  }

  /** The side panel opened a saved quote: place the page's quotes and scroll this one into view. */
  async showAnnotation(annotationId: string): Promise<boolean> {
    await this.annotationsChanged();
    const placed = this.marking?.quotes?.placedQuote(annotationId);
    if (!placed) return false;
    placed.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    return true;
  }

  private openCard(item: HoverTarget, trigger: 'hover' | 'click' | 'keyboard'): void {
    if (!('mention' in item)) {
      const target = { annotationId: item.annotationId, justSaved: false, range: item.range };
      this.marking?.card.show(target, trigger);
      return;
    }
    const { entityId, text } = item.mention;
    this.marking?.card.show({ entityId, mentionText: text, range: item.range }, trigger);
  }

  private startMarking(): void {
    const body = this.doc.body;
    const quotes = new SavedQuotes(this.doc);
    const changes = watchPageChanges(body, (roots) => {
      // A page that changes all the time is where a cut-off script would fail over and over.
      if (!this.isConnected()) return;
      this.enqueue(scanner, roots);
      // Late-loading content may hold a quote that could not be placed before.
      quotes?.pageChanged();
    });
    const highlighter = hasHighlightApi()
      ? createViewportWindow(createHighlightApiHighlighter(this.settings.kinds), this.doc)
      : createSpanHighlighter(this.doc, this.settings.kinds, () => changes.discardPending());
    const scanner = new PageScanner({
      match,
      isHidden: changes.trackHidden(isHidden),
      rendered: () => afterNextFrame(this.doc.defaultView!),
      onChange: (added, removed) => highlighter.update(added, removed),
    });
    const card = new PopoverHost(this.doc, this.popoverUrl, {
      onClosedByFrame: () => hover.closedElsewhere(),
      onPointerInCard: (inside) => hover.pointerInCard(inside),
    });
    card.setTheme(this.settings.theme);
    const hover = new HoverIntent<HoverTarget>(
      () => ({
        delayMs: this.settings.hoverDelayMs,
        closeDelayMs: CLOSE_DELAY_MS,
        clickMode: this.settings.clickMode,
      }),
      {
        preload: () => card.preload(),
        open: (item, trigger) => this.openCard(item, trigger),
        close: () => card.hide(),
      },
    );

    const stopPointer = this.listenToPointer(scanner, quotes, hover, card);
    this.marking = { scanner, highlighter, changes, hover, card, quotes, stop: stopPointer };
    this.enqueue(scanner, [body]);
    void quotes?.anchor();
  }

  private stopMarking(): void {
    const marking = this.marking;
    if (!marking) return;
    this.marking = null;
    marking.stop();
    marking.changes.stop();
    marking.hover.closedElsewhere();
    marking.card.destroy();
    marking.highlighter.clear();
    marking.scanner.clear();
    marking.quotes?.clear();
  }

  /** Scans run one after another, so a DOM change never races the scan before it. */
  private enqueue(scanner: PageScanner, roots: Element[]): void {
    this.queue = this.queue
      .then(() => {
        if (this.marking?.scanner !== scanner || !this.isConnected()) return undefined;
        return scanner.scan(roots);
      })
      .catch((error: unknown) => {
        // Cut off mid-scan by an update: not a failure to report on every change of the page.
        reportUnlessCutOff(this.isConnected, 'Dramatis: scanning the page failed:', error);
      });
  }

  /** Pointer and keyboard listeners for hover, click and Escape; returns their removal. */
  private listenToPointer(
    scanner: PageScanner,
    quotes: SavedQuotes | null,
    hover: HoverIntent<HoverTarget>,
    card: PopoverHost,
  ): () => void {
    const view = this.doc.defaultView!;
    // A name inside a saved quote opens the name's card; the rest of the quote, the quote's.
    const mentionAt = (x: number, y: number): HoverTarget | null => {
      const caret = caretFromPoint(this.doc, x, y);
      if (!caret) return null;
      const item = scanner.mentionAt(caret.node, caret.offset);
      const shown = item && this.settings.kinds[item.mention.kind] ? item : null;
      const target = shown ?? quotes?.quoteAt(caret.node, caret.offset) ?? null;
      return target && rangeContainsPoint(target.range, x, y) ? target : null;
    };
    // Hit-testing once per frame is enough; pointermove can fire far more often.
    let frame = 0;
    let last = { x: 0, y: 0 };
    const onMove = (event: PointerEvent): void => {
      last = { x: event.clientX, y: event.clientY };
      if (frame) return;
      frame = view.requestAnimationFrame(() => {
        frame = 0;
        // Stale marks of a reloaded extension would open a card that can no longer load.
        if (!this.isConnected()) return;
        hover.pointerOver(mentionAt(last.x, last.y));
      });
    };
    const onClick = (event: MouseEvent): void => {
      if (!this.isConnected()) return;
      hover.click(mentionAt(event.clientX, event.clientY));
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || !card.isOpen) return;
      card.hide(true);
      hover.closedElsewhere();
    };
    const options = { capture: true, passive: true } as const;
    this.doc.addEventListener('pointermove', onMove, options);
    this.doc.addEventListener('click', onClick, options);
    this.doc.addEventListener('keydown', onKey, options);
    return () => {
      view.cancelAnimationFrame(frame);
      this.doc.removeEventListener('pointermove', onMove, options);
      this.doc.removeEventListener('click', onClick, options);
      this.doc.removeEventListener('keydown', onKey, options);
    };
  }
}
