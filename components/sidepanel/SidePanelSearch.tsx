/**
 * The side panel's search: one search box, results as you type from the live
 * in-memory index (lib/search), with `entity:`, `tag:`, `site:` and "phrases".
 * Arrow Down moves from the box into the results, Enter in the box opens the
 * best result, and / or Ctrl+K brings the focus back to the box from anywhere.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/i18n';
import type { AnnotationRecord } from '@/lib/model/records';
import type { LiveSearch } from '@/components/hooks/live-search';
import { ResultList, type ResultRow } from './ResultList';

/** Props of {@link SidePanelSearch}. */
export interface SidePanelSearchProps {
  live: LiveSearch;
  initialQuery?: string;
  onOpen: (record: AnnotationRecord) => void;
}

/** The search box and its results. */
export function SidePanelSearch({ live, initialQuery = '', onOpen }: SidePanelSearchProps) {
  const [query, setQuery] = useState(initialQuery);
  const box = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      const ctrlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      if (ctrlK || (event.key === '/' && !typing)) {
        event.preventDefault();
        box.current?.focus();
        box.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Recomputed when the query or the index changes (`version`), never by rebuilding the index.
  const rows: ResultRow[] = useMemo(() => {
    if (!live.index) return [];
    return live.index.search(query, { limit: 100 }).flatMap((result) => {
      const record = live.records.get(result.id);
      return record ? [{ record, matches: result.matches }] : [];
    });
  }, [live.index, live.version, query]);

  const focusFirst = () => list.current?.querySelector<HTMLElement>('[role="listitem"]')?.focus();

  return (
    <section class="search" aria-label={t('searchLabel')}>
      <input
        ref={box}
        type="search"
        role="searchbox"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            focusFirst();
          } else if (event.key === 'Enter' && rows[0]) {
            event.preventDefault();
            onOpen(rows[0].record);
          }
        }}
      />
      {live.status === 'loading' && <p aria-busy="true">{t('loadingSaved')}</p>}
      {live.status === 'failed' && <p role="alert">{live.error}</p>}
      {live.status === 'ready' && live.records.size === 0 && (
        <p class="empty empty-state">{t('nothingSavedSearch')}</p>
      )}
      {live.status === 'ready' && live.records.size > 0 && (
        <>
          <p class="muted" aria-live="polite">
            {rows.length === 0 ? t('noMatch') : t('resultCount', [rows.length, live.records.size])}
          </p>
          <ResultList
            label={t('searchResults')}
            rows={rows}
            names={live.names}
            onOpen={onOpen}
            listRef={list}
            onLeaveTop={() => box.current?.focus()}
          />
        </>
      )}
    </section>
  );
}
