/**
 * One saved annotation in the side panel: the quote with the matched words
 * emphasized, the note, entity chips, site and date. The whole item is one
 * focusable `listitem`; click or Enter opens the page at the quote.
 */
import type { FieldMatch } from '@/lib/search';
import { t } from '@/lib/i18n/i18n';
import type { AnnotationRecord } from '@/lib/model/records';
import { Highlighted } from './Highlighted';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Props of {@link SearchResultItem}. */
export interface SearchResultItemProps {
  record: AnnotationRecord;
  matches: readonly FieldMatch[];
  names: ReadonlyMap<string, string>;
  /** Orphaned: the page holds the quote no more (the "This page" view says so). */
  orphaned?: boolean;
  /** In the Tab order: the list's first item, so Tab from the search box reaches the results. */
  tabbable?: boolean;
  onOpen: (record: AnnotationRecord) => void;
}

function rangesOf(matches: readonly FieldMatch[], field: FieldMatch['field'], index?: number) {
  return matches.find((match) => match.field === field && match.index === index)?.ranges;
}

/** A result of the search or of the "This page" list. */
export function SearchResultItem({
  record,
  matches,
  names,
  orphaned,
  tabbable = false,
  onOpen,
}: SearchResultItemProps) {
  const label = record.quote ? record.quote.exact.slice(0, 80) : record.note.slice(0, 80);
  return (
    <li
      role="listitem"
      class={orphaned ? 'result orphaned' : 'result'}
      tabIndex={tabbable ? 0 : -1}
      data-id={record.id}
      aria-label={t('resultLabel', [label, record.site || t('noSite')])}
      onClick={() => onOpen(record)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen(record);
        }
      }}
    >
      {orphaned && <p class="orphan-flag">{t('notFoundAnyMore')}</p>}
      {record.quote && (
        <blockquote class="result-quote">
          <Highlighted text={record.quote.exact} ranges={rangesOf(matches, 'quote')} />
        </blockquote>
      )}
      {record.note && (
        <p class="result-note">
          <Highlighted text={record.note} ranges={rangesOf(matches, 'note')} />
        </p>
      )}
      {(record.entityIds.length > 0 || record.tags.length > 0) && (
        <p class="chips">
          {record.entityIds.map((id, index) => (
            <span class="chip entity" key={id}>
              <Highlighted
                text={names.get(id) ?? id}
                ranges={rangesOf(matches, 'entities', index)}
              />
            </span>
          ))}
          {record.tags.map((tag, index) => (
            <span class="chip tag" key={tag}>
              #<Highlighted text={tag} ranges={rangesOf(matches, 'tags', index)} />
            </span>
          ))}
        </p>
      )}
      <p class="result-meta">
        <Highlighted text={record.site || t('noSite')} ranges={rangesOf(matches, 'site')} />
        {' · '}
        <time dateTime={new Date(record.created).toISOString()}>
          {dateFormat.format(record.created)}
        </time>
        {record.title && (
          <>
            {' · '}
            <Highlighted text={record.title} ranges={rangesOf(matches, 'title')} />
          </>
        )}
      </p>
    </li>
  );
}
