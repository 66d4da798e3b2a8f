/**
 * Finds the mentions on a page: walks its text blocks, sends their text to the
 * background, which answers with the candidate names the store knows
 * (lib/match/page-text.ts), resolves short forms against the page-level set
 * of confirmed entities, and turns the mentions into DOM ranges.
 *
 * The content script holds no copy of the store (ARCHITECTURE principle 4):
 * it remembers only the answers for names this page contains.
 */
import { resolveMentions } from '@/lib/match/resolve';
import type { AliasHit, Candidate, Mention } from '@/lib/match/types';
import type { PageTextMatches } from '@/lib/match/page-text';
import { startScanTiming } from './scan-timing';
import { createSlicer, yieldToEventLoop, type Slicer } from './time-slice';
import { positionAt, walkTextBlocks, type TextBlock } from './text-blocks';

/**
 * Characters of page text per request to the background (about 16,000 words):
 * a long page goes in a few requests, sent while the walk goes on, so the
 * background's work overlaps the page's. A longer block is split (see {@link pieces}).
 */
export const MATCH_BATCH_CHARS = 100_000;

/** One mention on the page with its live DOM range. */
export interface PageMention {
  mention: Mention;
  range: Range;
  /** The block element the mention's text is in (what a viewport observer can watch). */
  container: Element;
}

interface ScannedBlock {
  block: TextBlock;
  candidates: Candidate[];
  mentions: PageMention[];
  /** Entities whose short forms here wait for their full name elsewhere on the page. */
  waiting: Set<string>;
}

/** What the scanner needs from its surroundings. */
export interface ScannerDeps {
  /** The known candidates in some texts (one background round trip); at most {@link MATCH_BATCH_CHARS} characters. */
  match(texts: string[]): Promise<PageTextMatches>;
  /** Mentions appeared or went away; the highlighter follows. */
  onChange(added: PageMention[], removed: PageMention[]): void;
  /** True for a block container the reader cannot see; its names are not marked until it is shown. */
  isHidden?: (element: Element) => boolean;
  /** A fresh slicer per scan; tests pass one that never yields. */
  slicer?: () => Slicer;
}

/** The page's mentions, kept current as parts of the page are scanned again. */
export class PageScanner {
  private readonly blocks = new Set<ScannedBlock>();
  private readonly blockByNode = new Map<Text, ScannedBlock>();
  /** The store's answers for every known name on this page, by alias key. */
  private readonly answers = new Map<string, AliasHit[]>();
  /** Entities named by an unambiguous alias somewhere on the page (only grows). */
  private readonly confirmed = new Set<string>();
  private readonly lookupMap = { get: (key: string) => this.answers.get(key) };
  /**
   * The walk skips `hidden` elements anyway (text-blocks.ts); passing them by
   * `isHidden` lets the page watcher remember them and rescan them when shown.
   * Other elements are not checked one by one: only blocks with names are.
   */
  private readonly hiddenByAttribute = (element: Element): boolean =>
    element.hasAttribute('hidden') && (this.deps.isHidden?.(element) ?? true);

  /** Builds a scanner; nothing is scanned until {@link scan}. */
  constructor(private readonly deps: ScannerDeps) {}

  /**
   * Scans `roots` (the body at start, changed blocks later): drops what was
   * known inside them and anything no longer on the page, then finds their
   * mentions. Time-sliced; one background round trip per {@link MATCH_BATCH_CHARS}
   * characters of text.
   */
  async scan(roots: readonly Element[]): Promise<void> {
    // Main-thread time and longest slice as User Timing, for the page benchmark (scan-timing.ts).
    const timing = startScanTiming();
    const slicer =
      this.deps.slicer?.() ??
      createSlicer(undefined, undefined, () => timing.wait(yieldToEventLoop()));
    const removed = this.dropBlocks((scanned) => {
      const first = scanned.block.segments[0]?.node;
      if (!first?.isConnected) return true;
      return roots.some((root) => root.contains(scanned.block.container));
    });

    const fresh: ScannedBlock[] = [];
    const batcher = this.batcher();
    for (const root of roots) {
      if (!root.isConnected) continue;
      for (const block of walkTextBlocks(root, this.hiddenByAttribute)) {
        const scanned: ScannedBlock = { block, candidates: [], mentions: [], waiting: new Set() };
        fresh.push(scanned);
        batcher.add(scanned);
        await slicer.pause();
      }
    }
    await timing.wait(batcher.done());

    const added: PageMention[] = [];
    for (const scanned of fresh) {
      // Only blocks with names pay for the visibility check (it may need the page's styles).
      if (scanned.candidates.length > 0 && this.deps.isHidden?.(scanned.block.container)) continue;
      this.blocks.add(scanned);
      for (const { node } of scanned.block.segments) this.blockByNode.set(node, scanned);
      added.push(...this.resolve(scanned));
      await slicer.pause();
    }
    // "Phally" before "Yim Phally": blocks waiting on an entity confirmed since are resolved again.
    for (const scanned of this.blocks) {
      if (![...scanned.waiting].some((id) => this.confirmed.has(id))) continue;
      removed.push(...scanned.mentions);
      added.push(...this.resolve(scanned));
    }
    if (added.length > 0 || removed.length > 0) this.deps.onChange(added, removed);
    timing.done(added.length);
  }

  /** Forgets everything (marking switched off); the caller clears the highlights. */
  clear(): void {
    this.blocks.clear();
    this.blockByNode.clear();
  }

  /** The mention whose range contains (node, offset), if any. */
  mentionAt(node: Node, offset: number): PageMention | null {
    const scanned = node.nodeType === 3 ? this.blockByNode.get(node as Text) : undefined;
    if (!scanned) return null;
    for (const item of scanned.mentions) {
      if (item.range.isPointInRange(node, offset) && !item.range.collapsed) return item;
    }
    return null;
  }

  /** Every mention on the page in document order (for the next-mention shortcut). */
  mentionsInOrder(): PageMention[] {
    const all: PageMention[] = [];
    for (const scanned of this.blocks) all.push(...scanned.mentions);
    return all.sort((a, b) => a.range.compareBoundaryPoints(0 /* START_TO_START */, b.range));
  }

  /** Every mention, in no particular order. */
  allMentions(): PageMention[] {
    const all: PageMention[] = [];
    for (const scanned of this.blocks) all.push(...scanned.mentions);
    return all;
  }

  /**
   * Collects blocks into requests of up to {@link MATCH_BATCH_CHARS} characters,
   * sends each as soon as it is full, and fills in each block's candidates when
   * its answer arrives.
   */
  private batcher(): { add(scanned: ScannedBlock): void; done(): Promise<void> } {
    const replies: Promise<void>[] = [];
    let batch: { scanned: ScannedBlock; offset: number; text: string }[] = [];
    let chars = 0;
    const send = (): void => {
      if (batch.length === 0) return;
      const sent = batch;
      batch = [];
      chars = 0;
      const reply = this.deps
        .match(sent.map((piece) => piece.text))
        .then(({ candidates, hits }) => {
          this.remember(hits);
          sent.forEach(({ scanned, offset }, i) => {
            for (const candidate of candidates[i] ?? []) {
              const { start, end } = candidate;
              scanned.candidates.push({ ...candidate, start: start + offset, end: end + offset });
            }
          });
        });
      replies.push(reply);
    };
    return {
      add: (scanned) => {
        for (const piece of pieces(scanned.block.text, MATCH_BATCH_CHARS)) {
          if (chars + piece.text.length > MATCH_BATCH_CHARS) send();
          batch.push({ scanned, ...piece });
          chars += piece.text.length;
        }
      },
      done: async () => {
        send();
        await Promise.all(replies);
      },
    };
  }

  private remember(hits: readonly AliasHit[]): void {
    for (const hit of hits) {
      const list = this.answers.get(hit.key);
      if (!list) this.answers.set(hit.key, [hit]);
      else if (!list.some((known) => known.entityId === hit.entityId)) list.push(hit);
    }
  }

  private resolve(scanned: ScannedBlock): PageMention[] {
    const resolution = resolveMentions(scanned.candidates, this.lookupMap, {
      confirmedEntityIds: this.confirmed,
    });
    for (const id of resolution.confirmedEntityIds) this.confirmed.add(id);
    scanned.waiting = resolution.waitingEntityIds;
    scanned.mentions = [];
    for (const mention of resolution.mentions) {
      const range = rangeOf(scanned.block, mention);
      if (range) scanned.mentions.push({ mention, range, container: scanned.block.container });
    }
    return scanned.mentions;
  }

  private dropBlocks(drop: (scanned: ScannedBlock) => boolean): PageMention[] {
    const removed: PageMention[] = [];
    for (const scanned of this.blocks) {
      if (!drop(scanned)) continue;
      this.blocks.delete(scanned);
      for (const { node } of scanned.block.segments) {
        if (this.blockByNode.get(node) === scanned) this.blockByNode.delete(node);
      }
      removed.push(...scanned.mentions);
    }
    return removed;
  }
}

/**
 * `text` cut into pieces of at most `max` characters, each with its offset in
 * `text`. Cuts fall after a sentence's full stop in the piece's second half,
 * else before a lower-case word: names cross neither (but for an honorific's
 * stop, "Mr. Hun Sen", which only loses the "Mr."), so no name is cut in two.
 */
export function pieces(text: string, max: number): { offset: number; text: string }[] {
  if (text.length <= max) return [{ offset: 0, text }];
  const out: { offset: number; text: string }[] = [];
  let offset = 0;
  while (text.length - offset > max) {
    const window = text.slice(offset, offset + max);
    const sentence = window.lastIndexOf('. ');
    const lowerWord = lastSpaceBeforeLowerCase(window);
    const cut = sentence > max / 2 ? sentence + 2 : lowerWord > 0 ? lowerWord + 1 : max;
    out.push({ offset, text: text.slice(offset, offset + cut) });
    offset += cut;
  }
  out.push({ offset, text: text.slice(offset) });
  return out;
}

/** The index of the last white space followed by a lower-case letter in `text`, or -1. */
function lastSpaceBeforeLowerCase(text: string): number {
  for (let i = text.length - 2; i > 0; i--) {
    if (/\s/.test(text[i]!) && /\p{Ll}/u.test(text[i + 1]!)) return i;
  }
  return -1;
}

/** The live range of `mention` in `block`, or null if the text changed under it. */
function rangeOf(block: TextBlock, mention: Mention): Range | null {
  const start = positionAt(block, mention.start, 'start');
  const end = positionAt(block, mention.end, 'end');
  if (!start || !end || !start.node.isConnected || !end.node.isConnected) return null;
  try {
    const range = start.node.ownerDocument.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    return range;
  } catch {
    // The node shrank between walking and resolving; the mutation that did it rescans the block.
    return null;
  }
}
