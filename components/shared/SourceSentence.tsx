/**
 * The "Source" disclosure under a fact: a real button that shows the sentence
 * the fact was read from, the fact's words marked, and the document it is in.
 */
import { useId, useState } from 'preact/hooks';
import type { DocumentSummary, FactSource } from '@/lib/model/profile';
import { t } from '@/lib/i18n/i18n';

/** "Phnom Penh Post, 7 Nov 2017": publisher and date as the card's byline. */
export function documentByline(document: DocumentSummary): string {
  const date = document.published ? formatPublished(document.published) : null;
  return [document.publisher, date].filter(Boolean).join(', ');
}

/** A `YYYY-MM-DD` or ISO timestamp as a short date, in the reader's locale; other strings as they are. */
export function formatPublished(published: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!day) return published;
  // Built from parts in UTC so a date is never shown as the day before in the Americas.
  const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  return date.toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** The document line of a source: title, byline and credit. */
export function SourceDocumentLine({ document }: { document: DocumentSummary }) {
  const byline = documentByline(document);
  return (
    <p class="source-doc">
      <cite>{document.title}</cite>
      {byline && <span class="source-byline"> — {byline}</span>}
      {document.attribution && <span class="source-credit">{document.attribution}</span>}
    </p>
  );
}

/** The excerpt with the fact's own words in a `<mark>`. */
export function Excerpt({ excerpt }: { excerpt: NonNullable<FactSource['excerpt']> }) {
  const { text, highlight } = excerpt;
  return (
    <blockquote class="source-sentence">
      {text.slice(0, highlight.start)}
      <mark>{text.slice(highlight.start, highlight.end)}</mark>
      {text.slice(highlight.end)}
    </blockquote>
  );
}

/** Props of {@link SourceSentence}. */
export interface SourceSentenceProps {
  source: FactSource | null;
  /** What the button's accessible name adds after "Source", e.g. "of CNRP Deputy President". */
  label: string;
}

/**
 * A "Source" button that discloses where a fact came from. Closed at first: the
 * card stays short, and the reader opens the provenance of the fact they doubt.
 */
export function SourceSentence({ source, label }: SourceSentenceProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        class="disclosure"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('sourceOf', label)}
        onClick={() => setOpen(!open)}
      >
        {t('source')}
      </button>
      {open && (
        <div id={id} class="source">
          {source === null ? (
            <p class="source-missing">{t('sourceDocumentMissing')}</p>
          ) : (
            <>
              {source.excerpt ? (
                <Excerpt excerpt={source.excerpt} />
              ) : (
                <p class="source-missing">{t('sourceSentenceMissing')}</p>
              )}
              <SourceDocumentLine document={source.document} />
            </>
          )}
        </div>
      )}
    </>
  );
}
