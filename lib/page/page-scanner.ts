/**
 * Finds the mentions on a page: walks its text blocks, asks the background
 * which candidate keys are aliases, resolves them with the page-level set of
 * confirmed entities, and turns them into DOM ranges.
 *
 * The content script holds no copy of the store (ARCHITECTURE principle 4):
 * it remembers only the answers for keys this page produced.
 */
import { findCandidates } from '@/lib/match/candidates';
import { resolveMentions } from '@/lib/match/resolve';
import type { AliasHit, Candidate, Mention } from '@/lib/match/types';
import { MAX_LOOKUP_KEYS } from '@/lib/messaging/protocol';
import { startScanTiming, type ScanTiming } from './scan-timing';
import { createSlicer, yieldToEventLoop, type Slicer } from './time-slice';
import { positionAt, walkTextBlocks, type TextBlock } from './text-blocks';

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
  /** Answers which keys are aliases (one background round trip); at most MAX_LOOKUP_KEYS keys. */
  lookup(keys: string[]): Promise<AliasHit[]>;
  /** Mentions appeared or went away; the highlighter follows. */
  onChange(added: PageMention[], removed: PageMention[]): void;
  /** Skips hidden subtrees where the check is cheap. */
  isHidden?: (element: Element) => boolean;
  /** A fresh slicer per scan; tests pass one that never yields. */
  slicer?: () => Slicer;
}

/** The page's mentions, kept current as parts of the page are scanned again. */
export class PageScanner {
  private readonly blocks = new Set<ScannedBlock>();
  private readonly blockByNode = new Map<Text, ScannedBlock>();
  /** Answers for every key this page asked about; [] for keys that are no alias. */
  private readonly answers = new Map<string, AliasHit[]>();
  /** Entities named by an unambiguous alias somewhere on the page (only grows). */
  private readonly confirmed = new Set<string>();
  private readonly lookupMap = { get: (key: string) => this.answers.get(key) };

  /** Builds a scanner; nothing is scanned until {@link scan}. */
  constructor(private readonly deps: ScannerDeps) {}

  /**
   * Scans `roots` (the body at start, changed blocks later): drops what was
   * known inside them and anything no longer on the page, then finds their
   * mentions. Time-sliced; one lookup round trip per MAX_LOOKUP_KEYS new keys.
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
    const unknown = new Set<string>();
    for (const root of roots) {
      if (!root.isConnected) continue;
      for (const block of walkTextBlocks(root, this.deps.isHidden)) {
        const candidates = findCandidates(block.text);
        for (const candidate of candidates) {
          if (!this.answers.has(candidate.key)) unknown.add(candidate.key);
        }
        fresh.push({ block, candidates, mentions: [], waiting: new Set() });
        await slicer.pause();
      }
    }
    await this.ask([...unknown], timing);

    const added: PageMention[] = [];
    for (const scanned of fresh) {
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

  private async ask(keys: string[], timing: ScanTiming): Promise<void> {
    for (let i = 0; i < keys.length; i += MAX_LOOKUP_KEYS) {
      const batch = keys.slice(i, i + MAX_LOOKUP_KEYS);
      const hits = await timing.wait(this.deps.lookup(batch));
      for (const key of batch) if (!this.answers.has(key)) this.answers.set(key, []);
      for (const hit of hits) {
        const list = this.answers.get(hit.key);
        if (list && !list.some((known) => known.entityId === hit.entityId)) list.push(hit);
      }
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
