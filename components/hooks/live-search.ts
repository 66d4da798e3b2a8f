/**
 * The side panel's search index, kept in memory and brought up to date from a
 * Dexie liveQuery of the annotations: each emission is diffed against the last
 * one and only the added, edited and deleted records touch the index, so typing
 * never rebuilds it and a quote saved in another window appears at once.
 */
import { liveQuery } from 'dexie';

import { useEffect, useState } from 'preact/hooks';

import { t } from '@/lib/i18n/i18n';

import { createSearchIndex, type SearchIndex } from '@/lib/search';

import type { DramatisDB } from '@/lib/store/db';

import { readAnnotationSnapshot } from '@/lib/store/entity-names';
import type { AnnotationRecord } from '@/lib/model/records';

/** What one diff did to the index. */
export interface SyncCounts {
  added: number;
  updated: number;
  removed: number;
}

/**
 * Applies the difference between `previous` and `next` to `index`. A record
 * counts as edited when its `updated` stamp changed (every store write sets it).
 */
export function syncIndex(
  index: SearchIndex,
  previous: ReadonlyMap<string, AnnotationRecord>,
  next: ReadonlyMap<string, AnnotationRecord>,
): SyncCounts {
  const counts: SyncCounts = { added: 0, updated: 0, removed: 0 };
  for (const [id, record] of next) {
    const old = previous.get(id);
    if (!old) {
      index.add(record);
      counts.added++;
    } else if (old.updated !== record.updated) {
      index.update(record);
      counts.updated++;
    }
  }
  for (const id of previous.keys()) {
    if (!next.has(id)) {
      index.remove(id);
      counts.removed++;
    }
  }
  return counts;
}

/** The live index and the records it holds; `version` changes whenever the index does. */
export interface LiveSearch {
  status: 'loading' | 'ready' | 'failed';
  index: SearchIndex | null;
  records: ReadonlyMap<string, AnnotationRecord>;
  names: ReadonlyMap<string, string>;
  version: number;
  error?: string;
}

const LOADING: LiveSearch = {
  status: 'loading',
  index: null,
  records: new Map(),
  names: new Map(),
  version: 0,
};

/** Subscribes to the store and keeps one search index up to date while the component lives. */
export function useLiveSearch(db: DramatisDB): LiveSearch {
  const [state, setState] = useState<LiveSearch>(LOADING);
  useEffect(() => {
    let index: SearchIndex | null = null;
    let records = new Map<string, AnnotationRecord>();
    // The resolver reads the latest names, so an entity renamed in options is found by its new name.
    let names = new Map<string, string>();
    let version = 0;
    const subscription = liveQuery(() => readAnnotationSnapshot(db)).subscribe({
      next: (snapshot) => {
        names = snapshot.names;
        const next = new Map(snapshot.annotations.map((record) => [record.id, record]));
        if (index === null) index = createSearchIndex(next.values(), (id) => names.get(id));
        else syncIndex(index, records, next);
        records = next;
        version++;
        setState({ status: 'ready', index, records, names, version });
      },
      error: (error: unknown) => {
        console.error('Dramatis: reading saved annotations for search failed:', error);
        setState({
          ...LOADING,
          status: 'failed',
          error: t('savedUnreadable'),
        });
      },
    });
    return () => subscription.unsubscribe();
  }, [db]);
  return state;
}
