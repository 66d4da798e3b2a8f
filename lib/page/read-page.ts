/**
 * The content script's answer to `readPage`: the page's address and title,
 * the reader's selection in page-text offsets with an excerpt around it (the
 * receiver describes it as W3C selectors, see lib/model/page-state.ts),
 * and the entities marked inside it.
 */
import { buildTextIndex, offsetsFromRange } from './text-index';
import {
  EXCERPT_MARGIN,
  type PageReport,
  type QuoteEntity,
  type SelectionExcerpt,
} from '@/lib/model/page-state';
import type { PageMention } from './page-scanner';
import { pageAddress } from './saved-quotes';

/** Describes `doc`'s page; `mentions` are the marked mentions, `orphanedIds` the unplaced saved quotes. */
export function readPage(
  doc: Document,
  mentions: readonly PageMention[],
  orphanedIds: string[],
): PageReport {
  return {
    ...pageAddress(doc),
    title: doc.title,
    selection: selectionExcerpt(doc, mentions),
    orphanedIds,
  };
}

function selectionExcerpt(
  doc: Document,
  mentions: readonly PageMention[],
): SelectionExcerpt | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const index = buildTextIndex(doc.body);
  const offsets = offsetsFromRange(index, selection.getRangeAt(0));
  if (!offsets || offsets.end === offsets.start) return null;
  const { start, end } = offsets;
  // A mention counts when it overlaps the selection, so a half-selected name is kept.
  const inside: { at: number; entity: QuoteEntity }[] = [];
  for (const { mention, range } of mentions) {
    const at = offsetsFromRange(index, range);
    if (at && at.end > start && at.start < end) {
      inside.push({ at: at.start, entity: { id: mention.entityId, name: mention.name } });
    }
  }
  inside.sort((a, b) => a.at - b.at);
  const entities = new Map(inside.map(({ entity }) => [entity.id, entity]));
  const offset = Math.max(0, start - EXCERPT_MARGIN);
  const text = index.text.slice(offset, end + EXCERPT_MARGIN);
  return { text, offset, start, end, entities: [...entities.values()] };
}
