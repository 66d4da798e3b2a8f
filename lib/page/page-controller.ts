/**
 * Dramatis on a page: marks mentions, keeps them current as the page changes,
 * opens the profile card on hover, click or the next-mention shortcut, and
 * applies the reader's settings as they change. The content script entrypoint
 * only starts this.
 */
import type { AliasHit } from '@/lib/match/types';
import { sendMessage } from '@/lib/messaging/send';
import { DEFAULT_SETTINGS, isMarkingOn, type Settings } from '@/lib/store/settings';
import { caretFromPoint, rangeContainsPoint } from './caret-from-point';
import { createHighlightApiHighlighter, hasHighlightApi, type Highlighter } from './highlights';
import { createSpanHighlighter } from './highlights-fallback';
import { CLOSE_DELAY_MS, HoverIntent } from './hover-intent';
import { nextMention } from './mention-navigation';
import { watchPageChanges, type PageChanges } from './page-changes';
import { PageScanner, type PageMention } from './page-scanner';
import { PopoverHost } from './popover-host';
import { createViewportWindow } from './viewport-window';

/** Hidden subtrees are skipped where the browser can tell cheaply; older ones scan them. */
function isHidden(element: Element): boolean {
  return typeof element.checkVisibility === 'function' && !element.checkVisibility();
}

async function lookup(keys: string[]): Promise<AliasHit[]> {
  const result = await sendMessage('lookupAliasKeys', { keys });
  if (!result.ok) throw new Error(`looking up ${keys.length} names: ${result.error.message}`);
  return result.value.hits;
}

/** The running page: everything set up while marking is on. */
interface Marking {
  scanner: PageScanner;
  highlighter: Highlighter;
  changes: PageChanges;
  hover: HoverIntent<PageMention>;
  card: PopoverHost;
  stop: () => void;
}

/** Marks mentions on `doc` and shows their cards; one per content script. */
export class PageController {
  private settings: Settings = DEFAULT_SETTINGS;
  private marking: Marking | null = null;
  private queue: Promise<void> = Promise.resolve();

  /** Builds the controller; `popoverUrl` is the extension's popover.html. */
  constructor(
    private readonly doc: Document,
    private readonly popoverUrl: string,
  ) {}

  /** Reads the settings and starts marking if they allow it on this site. */
  async start(): Promise<void> {
    const result = await sendMessage('getSettings', {});
    if (!result.ok) console.error('Dramatis: reading settings failed:', result.error.message);
    this.applySettings(result.ok ? result.value : DEFAULT_SETTINGS);
  }

  /** Applies new settings at once: switch marking off or on, re-filter kinds. */
  applySettings(settings: Settings): void {
    const previous = this.settings;
    this.settings = settings;
    const on = isMarkingOn(settings, this.doc.location.hostname);
    if (!on) return this.stopMarking();
    if (!this.marking) return this.startMarking();
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
    const next = nextMention(
      ordered,
      marking.hover.current,
      (item) => item.range.getBoundingClientRect().top,
    );
    if (!next) return;
    next.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    marking.hover.openedElsewhere(next);
    this.openCard(next, 'keyboard');
  }

  private openCard(item: PageMention, trigger: 'hover' | 'click' | 'keyboard'): void {
    const { entityId, text } = item.mention;
    this.marking?.card.show({ entityId, mentionText: text, range: item.range }, trigger);
  }

  private startMarking(): void {
    const body = this.doc.body;
    const changes = watchPageChanges(body, (roots) => this.enqueue(scanner, roots));
    const highlighter = hasHighlightApi()
      ? createViewportWindow(createHighlightApiHighlighter(this.doc, this.settings.kinds), this.doc)
      : createSpanHighlighter(this.doc, this.settings.kinds, () => changes.discardPending());
    const scanner = new PageScanner({
      lookup,
      isHidden: changes.trackHidden(isHidden),
      onChange: (added, removed) => highlighter.update(added, removed),
    });
    const card = new PopoverHost(this.doc, this.popoverUrl, {
      onClosedByFrame: () => hover.closedElsewhere(),
      onPointerInCard: (inside) => hover.pointerInCard(inside),
    });
    const hover = new HoverIntent<PageMention>(
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

    const stopPointer = this.listenToPointer(scanner, hover, card);
    this.marking = {
      scanner,
      highlighter,
      changes,
      hover,
      card,
      stop: stopPointer,
    };
    this.enqueue(scanner, [body]);
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
  }

  /** Scans run one after another, so a DOM change never races the scan before it. */
  private enqueue(scanner: PageScanner, roots: Element[]): void {
    this.queue = this.queue
      .then(() => (this.marking?.scanner === scanner ? scanner.scan(roots) : undefined))
      .catch((error: unknown) => console.error('Dramatis: scanning the page failed:', error));
  }

  /** Pointer and keyboard listeners for hover, click and Escape; returns their removal. */
  private listenToPointer(
    scanner: PageScanner,
    hover: HoverIntent<PageMention>,
    card: PopoverHost,
  ): () => void {
    const view = this.doc.defaultView!;
    const mentionAt = (x: number, y: number): PageMention | null => {
      const caret = caretFromPoint(this.doc, x, y);
      const item = caret && scanner.mentionAt(caret.node, caret.offset);
      if (!item || !this.settings.kinds[item.mention.kind]) return null;
      return rangeContainsPoint(item.range, x, y) ? item : null;
    };
    // Hit-testing once per frame is enough; pointermove can fire far more often.
    let frame = 0;
    let last = { x: 0, y: 0 };
    const onMove = (event: PointerEvent): void => {
      last = { x: event.clientX, y: event.clientY };
      if (frame) return;
      frame = view.requestAnimationFrame(() => {
        frame = 0;
        hover.pointerOver(mentionAt(last.x, last.y));
      });
    };
    const onClick = (event: MouseEvent): void => {
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
