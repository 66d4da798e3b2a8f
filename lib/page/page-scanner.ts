/**
 * Finds the mentions on a page: walks its text blocks, sends their text to the
 * background, which answers with the mentions the store knows resolved against
 * the page's confirmed entities (lib/match/page-text.ts), and turns them into
 * DOM ranges.
 *
 * The content script holds no copy of the store (docs/ARCHITECTURE.md, principle 4):
 * it keeps only the page-level set of confirmed entities, which decides whether
 * an ambiguous short form ("Phally", "Nee") may link.
 */
import type { Mention } from '@/lib/match/types';
import type { PageTextAnswer, MatchedEntity } from '@/lib/match/page-text';
import {
  compactPageText,
  joinPageTexts,
  restoreOffsets,
  TEXT_SEPARATOR,
} from '@/lib/match/page-text-codec';
import { MAX_MATCH_TEXTS } from '@/lib/messaging/protocol';
import { startScanTiming, type ScanTiming } from './scan-timing';
import { createSlicer, yieldToEventLoop, type Slicer } from './time-slice';
import {
  isBlockConnected,
  positionAt,
  walkTextBlocks,
  WholeElementBlock,
  type TextBlock,
} from './text-blocks';

/**
 * Characters of page text per request to the background (about 65,000 words):
 * an ordinary article goes in one request, a very long page in a few, sent as
 * the walk reaches them. Requests of 100,000 characters, so that the
 * background's work overlapped the walk, measured slower on both counts on the
 * 50,000-word bench page (12 loads each, alternated): the content script's main
 * thread 72–74 ms median against 78–84, the scan's wall time 207–324 ms
 * against 278–421. One store query and one round trip replace three, and on
 * two cores the background no longer competes with the walk. A longer block
 * is split (see {@link pieces}).
 */
export const MATCH_BATCH_CHARS = 400_000;

/** One mention on the page with its live DOM range. */
export interface PageMention {
  readonly mention: Mention;
  readonly range: Range;
  /** The block element the mention's text is in (what a viewport observer can watch). */
  readonly container: Element;
}

interface ScannedBlock {
  block: TextBlock;
  /** The background's answer for the block (null: none); {@link mentions} once placed. */
  found: PlacedMention[] | null;
  mentions: readonly PlacedMention[];
  /** Entities whose short forms here wait for their full name elsewhere on the page. */
  waiting: Set<string> | null;
}

/** What the scanner needs from its surroundings. */
export interface ScannerDeps {
  /**
   * The mentions in some texts, resolved against the entities the page has
   * `confirmed` (one background round trip; at most {@link MATCH_BATCH_CHARS}
   * characters of page text). The texts come compacted and joined
   * (page-text-codec.ts), and the answer's offsets are in that string.
   */
  match(joined: string, confirmed: string[]): Promise<PageTextAnswer>;
  /** Mentions appeared or went away; the highlighter follows. */
  onChange(added: PageMention[], removed: PageMention[]): void;
  /** True for a block container the reader cannot see; its names are not marked until it is shown. */
  isHidden?: (element: Element) => boolean;
  /**
   * Resolves once the browser has rendered the page's current state, so that
   * {@link isHidden} reads styles already computed instead of forcing a style
   * and layout pass of a freshly loaded page in the middle of our task.
   */
  rendered?: () => Promise<void>;
  /** A fresh slicer per scan; tests pass one that never yields. */
  slicer?: () => Slicer;
}

/** The page's mentions, kept current as parts of the page are scanned again. */
export class PageScanner {
  private readonly blocks = new Set<ScannedBlock>();
  private readonly blockByNode = new Map<Text, ScannedBlock>();
  /** Blocks that are all of an element's text (text-blocks.ts, WholeElementBlock), by that element. */
  private readonly blockByContainer = new Map<Element, ScannedBlock>();
  /** Entities named by an unambiguous alias somewhere on the page (only grows). */
  private readonly confirmed = new Set<string>();
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
   * characters of text, and one more if a short form met its full name later on.
   */
  async scan(roots: readonly Element[]): Promise<void> {
    // Main-thread time and longest slice as User Timing, for the page benchmark (scan-timing.ts).
    const timing = startScanTiming();
    const slicer =
      this.deps.slicer?.() ??
      createSlicer(undefined, undefined, () => timing.wait(yieldToEventLoop()));
    const removed = this.dropBlocks((scanned) => {
      if (!isBlockConnected(scanned.block)) return true;
      return roots.some((root) => root.contains(scanned.block.container));
    });

    const fresh: ScannedBlock[] = [];
    const batcher = this.batcher(timing);
    for (const root of roots) {
      if (!root.isConnected) continue;
      for (const block of walkTextBlocks(root, this.hiddenByAttribute)) {
        // `waiting` only for the few blocks that need it: a Set per block is garbage to collect mid-scan.
        const scanned: ScannedBlock = { block, found: null, mentions: NO_MENTIONS, waiting: null };
        fresh.push(scanned);
        batcher.add(scanned);
        if (slicer.due()) await slicer.pause();
      }
    }
    await timing.wait(batcher.done());
    if (this.deps.rendered && fresh.some((scanned) => scanned.found))
      await timing.wait(this.deps.rendered());

    let added: PageMention[] = [];
    for (const scanned of fresh) {
      // A block without names is not kept, unless a short form in it waits for its full name.
      if (!scanned.found && !scanned.waiting) continue;
      // Only blocks with names pay for the visibility check (it may need the page's styles).
      if (scanned.found && this.deps.isHidden?.(scanned.block.container)) continue;
      this.blocks.add(scanned);
      this.index(scanned);
      for (const item of placeMentions(scanned)) added.push(item);
      if (slicer.due()) await slicer.pause();
    }
    added = await this.resolveWaiting(added, removed, timing);
    if (added.length > 0 || removed.length > 0) this.deps.onChange(added, removed);
    timing.done(added.length);
  }

  /** Forgets everything (marking switched off); the caller clears the highlights. */
  clear(): void {
    this.blocks.clear();
    this.blockByNode.clear();
    this.blockByContainer.clear();
  }

  /** The mention whose range contains (node, offset), if any. */
  mentionAt(node: Node, offset: number): PageMention | null {
    const scanned =
      node.nodeType !== 3
        ? undefined
        : (this.blockByNode.get(node as Text) ??
          (node.parentElement ? this.blockByContainer.get(node.parentElement) : undefined));
    if (!scanned) return null;
    for (const item of scanned.mentions) {
      if (item.range.isPointInRange(node, offset) && !item.range.collapsed) return item;
    }
    return null;
  }

  /** Every mention on the page in document order (for the next-mention shortcut). */
  mentionsInOrder(): PageMention[] {
    const all: PageMention[] = [];
    for (const scanned of this.blocks) {
      for (const item of scanned.mentions) if (!item.range.collapsed) all.push(item);
    }
    return all.sort((a, b) => a.range.compareBoundaryPoints(0 /* START_TO_START */, b.range));
  }

  /** Every mention, in no particular order. */
  allMentions(): PageMention[] {
    const all: PageMention[] = [];
    for (const scanned of this.blocks) all.push(...scanned.mentions);
    return all;
  }

  /**
   * Blocks holding a short form that waited for its full name ("Phally" in a
   * block before "Yim Phally"), now that the page confirms it: asks again for
   * their mentions and swaps them in `added` / `removed`.
   */
  private async resolveWaiting(
    added: PageMention[],
    removed: PageMention[],
    timing: ScanTiming,
  ): Promise<PageMention[]> {
    const stale: ScannedBlock[] = [];
    for (const scanned of this.blocks) {
      if (!scanned.waiting) continue;
      for (const id of scanned.waiting) {
        if (!this.confirmed.has(id)) continue;
        stale.push(scanned);
        break;
      }
    }
    if (stale.length === 0) return added;
    const batcher = this.batcher(timing);
    for (const scanned of stale) {
      scanned.found = null;
      scanned.waiting = null;
      batcher.add(scanned);
    }
    await timing.wait(batcher.done());
    const replaced = new Set<PageMention>();
    for (const scanned of stale) {
      for (const item of scanned.mentions) replaced.add(item);
      placeMentions(scanned);
    }
    // A mention placed earlier in this scan was never reported: it just goes.
    const kept = added.filter((item) => !replaced.delete(item));
    removed.push(...replaced);
    for (const scanned of stale) kept.push(...scanned.mentions);
    return kept;
  }

  /**
   * Collects blocks into requests of up to {@link MATCH_BATCH_CHARS} characters,
   * sends each as soon as it is full, and records each block's mentions and
   * waiting entities when its answer arrives.
   */
  private batcher(timing: ScanTiming): { add(scanned: ScannedBlock): void; done(): Promise<void> } {
    const replies: Promise<void>[] = [];
    /** Each entry's `sent` is its `text` compacted (page-text-codec.ts), done as each block is walked so no one slice compacts a whole request. */
    let batch: BatchEntry[] = [];
    let chars = 0;
    const send = (): void => {
      if (batch.length === 0) return;
      const sent = batch;
      batch = [];
      chars = 0;
      const compacted = joinPageTexts(sent.map((piece) => piece.sent));
      const reply = this.deps.match(compacted, [...this.confirmed]).then((answer) =>
        // The answer is handled while the scan waits for it: timed on its own.
        timing.during(() => {
          for (const id of answer.confirmed) this.confirmed.add(id);
          receiveAnswer(sent, answer);
        }),
      );
      replies.push(reply);
    };
    return {
      add: (scanned) => {
        const { text } = scanned.block;
        // The background refuses a request of more texts than that (a page of many tiny blocks).
        if (batch.length >= MAX_MATCH_TEXTS) send();
        if (text.length <= MATCH_BATCH_CHARS && chars + text.length <= MATCH_BATCH_CHARS) {
          // Nearly every block: whole, into the current request.
          batch.push({ scanned, offset: 0, text, sent: compactPageText(text), unplaced: null });
          chars += text.length;
          return;
        }
        for (const piece of pieces(text, MATCH_BATCH_CHARS)) {
          if (chars + piece.text.length > MATCH_BATCH_CHARS || batch.length >= MAX_MATCH_TEXTS)
            send();
          batch.push({ ...piece, scanned, sent: compactPageText(piece.text), unplaced: null });
          chars += piece.text.length;
        }
      },
      done: async () => {
        send();
        await Promise.all(replies);
      },
    };
  }

  /** Lets {@link mentionAt} find `scanned` from a text node in it. */
  private index(scanned: ScannedBlock): void {
    const { block } = scanned;
    // A whole-element block is found by its element: listing its text nodes would touch each.
    if (block instanceof WholeElementBlock) this.blockByContainer.set(block.container, scanned);
    else for (const { node } of block.segments) this.blockByNode.set(node, scanned);
  }

  private unindex(scanned: ScannedBlock): void {
    const { block } = scanned;
    if (block instanceof WholeElementBlock) {
      if (this.blockByContainer.get(block.container) === scanned)
        this.blockByContainer.delete(block.container);
      return;
    }
    for (const { node } of block.segments) {
      if (this.blockByNode.get(node) === scanned) this.blockByNode.delete(node);
    }
  }

  private dropBlocks(drop: (scanned: ScannedBlock) => boolean): PageMention[] {
    const removed: PageMention[] = [];
    for (const scanned of this.blocks) {
      if (!drop(scanned)) continue;
      this.blocks.delete(scanned);
      this.unindex(scanned);
      removed.push(...scanned.mentions);
    }
    return removed;
  }
}

/** A block, or a piece of a long one, in a request to the background. */
interface BatchEntry {
  scanned: ScannedBlock;
  /** Where the piece starts in the block's text. */
  offset: number;
  text: string;
  /** `text` compacted (page-text-codec.ts). */
  sent: string;
  /** Its mentions whose offsets in `text` are not worked out yet (see {@link placeInText}). */
  unplaced: PlacedMention[] | null;
}

/**
 * Records the background's answer to the request of `sent` in its blocks.
 * The answer's offsets are in the request's string (the compacted texts
 * joined); each piece's are turned into offsets in the page's text
 * only when one of its mentions is first used ({@link placeInText}): on a long
 * page only the blocks near the viewport ever are.
 */
function receiveAnswer(sent: readonly BatchEntry[], answer: PageTextAnswer): void {
  const flat = answer.mentions;
  let i = 0;
  // Where the current piece starts in the request's string: one separator after the last.
  let pieceStart = 0;
  for (let at = 0; at + 2 < flat.length; at += 3) {
    const start = flat[at]!;
    while (i + 1 < sent.length && start >= pieceStart + sent[i]!.sent.length) {
      pieceStart += sent[i]!.sent.length + TEXT_SEPARATOR.length;
      i++;
    }
    const entity = answer.entities[flat[at + 2]!];
    const entry = sent[i]!;
    if (!entity || flat[at + 1]! > pieceStart + entry.sent.length) continue;
    const item = new PlacedMention(entry, start - pieceStart, flat[at + 1]! - pieceStart, entity);
    (entry.unplaced ??= []).push(item);
    (entry.scanned.found ??= []).push(item);
  }
  for (const { text: index, entityIds } of answer.waiting) {
    const piece = sent[index];
    if (piece) for (const id of entityIds) (piece.scanned.waiting ??= new Set()).add(id);
  }
}

/**
 * Turns the offsets of `entry`'s mentions in its compacted text into offsets
 * in its block's text, all at once (page-text-codec.ts counts occurrences from
 * the piece's start). A mention the codec cannot place keeps no text: its
 * range is collapsed.
 */
function placeInText(entry: BatchEntry): void {
  const items = entry.unplaced;
  if (!items) return;
  entry.unplaced = null;
  const flat: number[] = [];
  items.forEach((item, index) => flat.push(item.start, item.end, index));
  const placed = restoreOffsets(entry.text, entry.sent, flat);
  // Needed no more: let the compacted text go.
  entry.sent = '';
  for (const item of items) item.place(-1, -1);
  for (let at = 0; at + 2 < placed.length; at += 3)
    items[placed[at + 2]!]!.place(placed[at]! + entry.offset, placed[at + 1]! + entry.offset);
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

/**
 * A mention whose DOM range is made when first asked for: a long page has
 * thousands of mentions, and on such a page only those near the viewport are
 * drawn (viewport-window.ts), so most ranges are never needed. Creating them
 * all was a tenth of the scan's main-thread time. Its offsets in the page's
 * text and its {@link Mention} are worked out on first use too, for the same
 * reason.
 */
class PlacedMention implements PageMention {
  private range_: Range | null = null;
  private mention_: Mention | null = null;
  private placed = false;

  constructor(
    private readonly entry: BatchEntry,
    /** Offsets in the entry's compacted text until placed, then in the block's text (-1: cannot be placed). */
    public start: number,
    public end: number,
    private readonly entity: MatchedEntity,
  ) {}

  get container(): Element {
    return this.entry.scanned.block.container;
  }

  /** Sets the offsets in the block's text (see placeInText). */
  place(start: number, end: number): void {
    this.start = start;
    this.end = end;
    this.placed = true;
  }

  get mention(): Mention {
    if (!this.placed) placeInText(this.entry);
    const { start, end, entity } = this;
    this.mention_ ??= {
      start,
      end,
      text: start < 0 ? '' : this.entry.scanned.block.text.slice(start, end),
      entityId: entity.entityId,
      name: entity.name,
      kind: entity.kind,
    };
    return this.mention_;
  }

  /** The live range; collapsed (so never drawn or hit) if the text changed under it before it was made. */
  get range(): Range {
    if (!this.placed) placeInText(this.entry);
    const { block } = this.entry.scanned;
    this.range_ ??=
      (this.start >= 0 ? rangeOf(block, this.start, this.end) : null) ??
      block.container.ownerDocument.createRange();
    return this.range_;
  }
}

/** No mentions: shared by the many blocks without names, instead of an empty array each. */
const NO_MENTIONS: readonly PlacedMention[] = [];

/** The block's answer becomes its mentions. */
function placeMentions(scanned: ScannedBlock): readonly PlacedMention[] {
  scanned.mentions = scanned.found ?? NO_MENTIONS;
  return scanned.mentions;
}

/** The live range of `block`'s text from `from` to `to`, or null if the text changed under it. */
function rangeOf(block: TextBlock, from: number, to: number): Range | null {
  const start = positionAt(block, from, 'start');
  const end = positionAt(block, to, 'end');
  if (!start || !end || !start.node.isConnected || !end.node.isConnected) return null;
  try {
    const range = start.node.ownerDocument.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    return range;
  } catch {
    // The node shrank between walking and drawing; the mutation that did it rescans the block.
    return null;
  }
}
