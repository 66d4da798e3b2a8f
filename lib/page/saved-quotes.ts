/**
 * The reader's saved quotes on the page: re-found on every visit and marked
 * by boxes the page cannot read (./quote-marks.ts). The page sends its text once and
 * the background does the fuzzy matching (lib/anchor's `anchorQuote`), so this
 * file only builds the text index and turns the answered offsets into ranges:
 * approx-string-match stays out of the content script.
 */
import { QuoteMarks } from './quote-marks';
import { buildTextIndex, rangeFromOffsets } from './text-index';
import { extensionThere, reportUnlessCutOff, sendMessage } from '@/lib/messaging/send';

/** Waits after a page change before trying unplaced quotes again: late content comes in bursts. */
const RETRY_DELAY_MS = 1000;

/** A saved quote placed on the page. */
export interface PlacedQuote {
  annotationId: string;
  range: Range;
}

/** The page's address as annotations are filed under it. */
export function pageAddress(doc: Document): { url: string; canonicalUrl: string | null } {
  const link = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  return { url: doc.location.href, canonicalUrl: link?.href || null };
}

/** The saved quotes of one page. */
export class SavedQuotes {
  private placed: PlacedQuote[] = [];
  private orphaned: string[] = [];
  private readonly marks: QuoteMarks;
  private queue: Promise<void> = Promise.resolve();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  /** Builds the list; nothing is asked until {@link anchor}. */
  constructor(private readonly doc: Document) {
    this.marks = new QuoteMarks(doc);
  }

  /** Ids of saved quotes the latest anchoring could not place. */
  get orphanedIds(): string[] {
    return [...this.orphaned];
  }

  /**
   * Asks for the page's saved quotes and places them. Runs one at a time, in
   * order, so an older answer never overwrites a newer one.
   */
  anchor(): Promise<void> {
    this.queue = this.queue
      .then(() => this.place())
      .catch((error: unknown) =>
        reportUnlessCutOff(extensionThere, 'Dramatis: placing saved quotes failed:', error),
      );
    return this.queue;
  }

  /** The page changed: try again later if a quote is unplaced or lost its text. */
  pageChanged(): void {
    // Placed quotes may have moved with the change.
    this.marks.redrawSoon();
    const lost = this.placed.some(({ range }) => range.collapsed);
    if ((this.orphaned.length === 0 && !lost) || this.retryTimer !== undefined) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.anchor();
    }, RETRY_DELAY_MS);
  }

  /** The saved quote whose range holds (node, offset), if any. */
  quoteAt(node: Node, offset: number): PlacedQuote | null {
    return this.placed.find(({ range }) => range.isPointInRange(node, offset)) ?? null;
  }

  /** Where saved quote `annotationId` is, if it is placed. */
  placedQuote(annotationId: string): PlacedQuote | null {
    return this.placed.find((quote) => quote.annotationId === annotationId) ?? null;
  }

  /** Removes the marks (marking switched off). */
  clear(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.placed = [];
    this.marks.clear();
  }

  private async place(): Promise<void> {
    const address = pageAddress(this.doc);
    // Most pages have no saved quote: ask first, and send the page text only when one does.
    const saved = await sendMessage('getPageAnnotations', address);
    if (!saved.ok) throw new Error(saved.error.message);
    if (!saved.value.annotations.some((record) => record.quote !== null)) {
      this.orphaned = [];
      return this.show([]);
    }
    const index = buildTextIndex(this.doc.body);
    const answer = await sendMessage('anchorPageAnnotations', { ...address, text: index.text });
    if (!answer.ok) throw new Error(answer.error.message);
    const placed: PlacedQuote[] = [];
    const orphaned: string[] = [];
    for (const placement of answer.value.placements) {
      if ('orphaned' in placement) orphaned.push(placement.id);
      else {
        const range = rangeFromOffsets(index, placement.start, placement.end);
        placed.push({ annotationId: placement.id, range });
      }
    }
    this.orphaned = orphaned;
    this.show(placed);
  }

  private show(placed: PlacedQuote[]): void {
    this.placed = placed;
    this.marks.draw(placed.map(({ range }) => range));
  }
}
