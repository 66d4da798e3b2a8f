/** The card's quotes: what the person said, each with the sentence and document it is from. */
import type { ProfileQuote } from '@/lib/model/profile';
import { t } from '@/lib/i18n/i18n';
import { documentByline, SourceSentence } from '@/components/shared/SourceSentence';

/** Props of {@link QuoteList}. */
export interface QuoteListProps {
  quotes: ProfileQuote[];
  /** All quotes the store holds, to say when the card shows only some. */
  total: number;
}

/** Up to three quotes as a list; nothing when the entity said nothing quotable. */
export function QuoteList({ quotes, total }: QuoteListProps) {
  if (quotes.length === 0) return null;
  return (
    <section class="card-section" aria-labelledby="quotes-heading">
      <h3 id="quotes-heading">
        {t('quotesHeading')}
        {total > quotes.length && (
          <span class="count-note"> {t('countOfTotal', [quotes.length, total])}</span>
        )}
      </h3>
      <ul class="quotes">
        {quotes.map((quote, index) => (
          <li key={index}>
            <q>{quote.text}</q>
            {/* Publisher and date only: the title is one click away under Source, and the card stays short. */}
            {quote.source && documentByline(quote.source.document) && (
              <span class="quote-origin"> — {documentByline(quote.source.document)}</span>
            )}{' '}
            <SourceSentence source={quote.source} label={t('quoteNumber', index + 1)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
