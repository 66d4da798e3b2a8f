/**
 * A keyboard-navigable list of saved annotations: Tab reaches the first result,
 * Arrow Up/Down (and Home/End) move between results, Enter opens one. Shared
 * by the side panel's search and its "This page" view.
 */
import type { Ref } from 'preact';
import type { FieldMatch } from '@/lib/search';
import type { AnnotationRecord } from '@/lib/model/records';
import { SearchResultItem } from './SearchResultItem';

/** One row of the list. */
export interface ResultRow {
  record: AnnotationRecord;
  matches: readonly FieldMatch[];
  orphaned?: boolean;
}

/** Props of {@link ResultList}. */
export interface ResultListProps {
  label: string;
  rows: readonly ResultRow[];
  names: ReadonlyMap<string, string>;
  onOpen: (record: AnnotationRecord) => void;
  listRef?: Ref<HTMLUListElement>;
  /** Arrow Up on the first result: back to the search box. */
  onLeaveTop?: () => void;
}

/** Moves focus to the item `delta` away from the focused one (or to an end). */
function moveFocus(list: HTMLElement, key: string, onLeaveTop?: () => void): boolean {
  const items = [...list.querySelectorAll<HTMLElement>('[role="listitem"]')];
  const at = items.findIndex((item) => item === document.activeElement);
  let next = at;
  if (key === 'ArrowDown') next = Math.min(items.length - 1, at + 1);
  else if (key === 'ArrowUp') {
    if (at <= 0 && onLeaveTop) {
      onLeaveTop();
      return true;
    }
    next = Math.max(0, at - 1);
  } else if (key === 'Home') next = 0;
  else if (key === 'End') next = items.length - 1;
  else return false;
  items[next]?.focus();
  items[next]?.scrollIntoView?.({ block: 'nearest' });
  return true;
}

/** The results as `role="list"` of focusable `role="listitem"`s. */
export function ResultList({ label, rows, names, onOpen, listRef, onLeaveTop }: ResultListProps) {
  return (
    <ul
      role="list"
      aria-label={label}
      class="results"
      ref={listRef}
      onKeyDown={(event) => {
        if (moveFocus(event.currentTarget, event.key, onLeaveTop)) event.preventDefault();
      }}
    >
      {rows.map((row, index) => (
        <SearchResultItem
          key={row.record.id}
          record={row.record}
          matches={row.matches}
          names={names}
          orphaned={row.orphaned}
          tabbable={index === 0}
          onOpen={onOpen}
        />
      ))}
    </ul>
  );
}
