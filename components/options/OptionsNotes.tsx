/**
 * The options page's Notes: every saved quote and note, sortable by date, site
 * or title and filtered by any text, live from the store (liveQuery). Notes and
 * tags are edited in place; Delete offers Undo (the deleted record is kept and
 * put back with restoreAnnotation); several can be selected to delete or tag
 * at once. Writes go through lib/store, never straight to the tables.
 */
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { errorText, t } from '@/lib/i18n/i18n';
import { sendRequest } from '@/lib/messaging/send';
import type { DramatisDB } from '@/lib/store/db';
import type { AnnotationRecord } from '@/lib/model/records';
import { readAnnotationSnapshot, type AnnotationSnapshot } from '@/lib/store/entity-names';
import { OptionsNoteRow, splitTags } from './OptionsNoteRow';

type SortKey = 'date' | 'site' | 'title';

const SORTS: Record<SortKey, (a: AnnotationRecord, b: AnnotationRecord) => number> = {
  date: (a, b) => b.created - a.created,
  site: (a, b) => a.site.localeCompare(b.site) || b.created - a.created,
  title: (a, b) => a.title.localeCompare(b.title) || b.created - a.created,
};

/** True when every word of `filter` is somewhere in the record's text (case-insensitive). */
function passes(record: AnnotationRecord, names: ReadonlyMap<string, string>, filter: string) {
  const text = [
    record.quote?.exact ?? '',
    record.note,
    record.title,
    record.site,
    ...record.tags,
    ...record.entityIds.map((id) => names.get(id) ?? ''),
  ]
    .join(' ')
    .toLowerCase();
  return filter
    .toLowerCase()
    .split(/\s+/)
    .every((word) => text.includes(word));
}

/** The Notes section. */
export function OptionsNotes({ db }: { db: DramatisDB }) {
  const [snapshot, setSnapshot] = useState<AnnotationSnapshot | null>(null);
  const [sort, setSort] = useState<SortKey>('date');
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkTag, setBulkTag] = useState('');
  const [deleted, setDeleted] = useState<AnnotationRecord[]>([]);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const subscription = liveQuery(() => readAnnotationSnapshot(db)).subscribe({
      next: setSnapshot,
      error: (error: unknown) => setStatus(t('notesUnreadable', errorText(error))),
    });
    return () => subscription.unsubscribe();
  }, [db]);

  const rows = useMemo(() => {
    if (!snapshot) return [];
    const names = snapshot.names;
    const kept = filter.trim()
      ? snapshot.annotations.filter((record) => passes(record, names, filter.trim()))
      : snapshot.annotations;
    return [...kept].sort(SORTS[sort]);
  }, [snapshot, sort, filter]);

  const remove = async (ids: string[]) => {
    try {
      const records = await Promise.all(
        ids.map(async (id) => (await sendRequest('deleteAnnotation', { id })).deleted),
      );
      setDeleted(records.filter((record): record is AnnotationRecord => record !== null));
      setSelected(new Set());
      setStatus(ids.length === 1 ? t('deletedOne') : t('deletedMany', ids.length));
    } catch (error) {
      setStatus(errorText(error));
    }
  };
  const undo = async () => {
    try {
      await Promise.all(deleted.map((record) => sendRequest('restoreAnnotation', { record })));
      setStatus(deleted.length === 1 ? t('restoredOne') : t('restoredMany', deleted.length));
      setDeleted([]);
    } catch (error) {
      setStatus(errorText(error));
    }
  };
  const tagSelected = async () => {
    const extra = splitTags(bulkTag);
    if (extra.length === 0) return;
    try {
      const records = rows.filter((record) => selected.has(record.id));
      await Promise.all(
        records.map((record) =>
          sendRequest('updateAnnotation', { id: record.id, tags: [...record.tags, ...extra] }),
        ),
      );
      setStatus(t('taggedMany', records.length));
      setBulkTag('');
    } catch (error) {
      setStatus(errorText(error));
    }
  };

  if (!snapshot) return <section class="card" aria-busy="true" aria-label={t('notesHeading')} />;
  const names = snapshot.names;
  return (
    <section class="card notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('notesHeading')}</h2>
      <div class="notes-tools">
        <label class="field grow">
          {t('filter')}
          <input
            type="search"
            value={filter}
            placeholder={t('filterPlaceholder')}
            onInput={(event) => setFilter(event.currentTarget.value)}
          />
        </label>
        <label class="field">
          {t('sortBy')}
          <select value={sort} onChange={(event) => setSort(event.currentTarget.value as SortKey)}>
            <option value="date">{t('sortDate')}</option>
            <option value="site">{t('sortSite')}</option>
            <option value="title">{t('sortTitle')}</option>
          </select>
        </label>
      </div>
      {selected.size > 0 && (
        <div class="bulk" role="group" aria-label={t('selectedNotes')}>
          <span>{t('selectedCount', selected.size)}</span>
          <button type="button" class="danger" onClick={() => void remove([...selected])}>
            {t('deleteSelected')}
          </button>
          <input
            type="text"
            aria-label={t('tagToAdd')}
            placeholder={t('tagPlaceholder')}
            value={bulkTag}
            onInput={(event) => setBulkTag(event.currentTarget.value)}
          />
          <button type="button" onClick={() => void tagSelected()}>
            {t('tagSelected')}
          </button>
        </div>
      )}
      <p role="status" class="saved-status">
        {status}
        {deleted.length > 0 && (
          <>
            {' '}
            <button type="button" onClick={() => void undo()}>
              {t('undo')}
            </button>
          </>
        )}
      </p>
      {snapshot.annotations.length === 0 ? (
        <p class="empty-state">{t('nothingSavedNotes')}</p>
      ) : rows.length === 0 ? (
        <p class="empty-state">{t('noNoteMatches')}</p>
      ) : (
        <ul class="note-list" aria-label={t('savedQuotesAndNotes')}>
          {rows.map((record) => (
            <OptionsNoteRow
              key={record.id}
              record={record}
              names={names}
              selected={selected.has(record.id)}
              onSelect={(on) => {
                const next = new Set(selected);
                if (on) next.add(record.id);
                else next.delete(record.id);
                setSelected(next);
              }}
              onSave={async (note, tags) => {
                try {
                  await sendRequest('updateAnnotation', { id: record.id, note, tags });
                  setStatus(t('savedStatus'));
                  return null;
                } catch (error) {
                  return errorText(error);
                }
              }}
              onDelete={() => void remove([record.id])}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
