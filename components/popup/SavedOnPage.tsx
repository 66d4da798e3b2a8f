/**
 * The popup's list of what the reader saved on the page: quotes and page
 * notes, oldest first, each with its note and tags. A quote the page no longer
 * holds (the latest anchoring could not place it) is marked as orphaned and
 * still listed with its text and note: never lost, never silently dropped.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorText, t } from '@/lib/i18n/i18n';
import { sendMessage } from '@/lib/messaging/send';
import type { AnnotationRecord } from '@/lib/model/records';

/** Props of {@link SavedOnPage}. */
export interface SavedOnPageProps {
  url: string;
  canonicalUrl: string | null;
  /** Ids of quotes the page could not place, from its content script. */
  orphanedIds: readonly string[];
  /** Changes when something was saved, to read the list again. */
  version: number;
}

/** The saved annotations of one page. */
export function SavedOnPage({ url, canonicalUrl, orphanedIds, version }: SavedOnPageProps) {
  const [records, setRecords] = useState<AnnotationRecord[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void sendMessage('getPageAnnotations', { url, canonicalUrl }).then((result) => {
      if (result.ok) setRecords(result.value.annotations);
      else setProblem(errorText(result.error));
    });
  }, [url, canonicalUrl, version]);

  if (problem) return <p class="problem">{problem}</p>;
  if (!records || records.length === 0) return null;
  return (
    <section class="saved" aria-labelledby="saved-heading">
      <h2 id="saved-heading">{t('savedOnThisPageCount', records.length)}</h2>
      <ul>
        {records.map((record) => {
          const orphaned = orphanedIds.includes(record.id);
          return (
            <li key={record.id} class={orphaned ? 'saved-item orphaned' : 'saved-item'}>
              {record.quote ? <q>{record.quote.exact}</q> : <em>{t('noteOnThisPage')}</em>}
              {orphaned && <p class="orphan-flag">{t('orphanedQuote')}</p>}
              {record.note && <p class="saved-note">{record.note}</p>}
              {record.tags.length > 0 && (
                <p class="hint">{t('tagsList', record.tags.join(', '))}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
