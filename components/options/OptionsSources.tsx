/**
 * The options page's Sources: every document the profile store is built from,
 * the ones that ship with Dramatis and the articles the reader added, with
 * what each contributed. An added article can be removed (after a
 * confirmation): its facts go, the profiles it touched are merged again
 * without it, and the reader's notes and corrections stay.
 */
import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, t } from '@/lib/i18n/i18n';
import type { DramatisDB } from '@/lib/store/db';
import { listSourcesOutsideImports, type SourceListing } from '@/lib/store/source-list';
import { sendRequest } from '@/lib/messaging/send';
import { LinkOrText } from '@/components/shared/LinkOrText';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "4 people · 2 organizations · 3 quotes" for a listing. */
export function contributionText({ profiles, quotes }: SourceListing): string {
  const { people, organizations, places } = profiles;
  return [
    people === 1 ? t('peopleOne') : t('peopleMany', people),
    organizations === 1 ? t('organizationsOne') : t('organizationsMany', organizations),
    places === 1 ? t('placesOne') : t('placesMany', places),
    quotes === 1 ? t('quotesOne') : t('quotesMany', quotes),
  ].join(' · ');
}

/** The host of a claimed canonical, or the address itself when it has none; shown as text, never a link. */
function claimedHost(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** One source; an added one has Remove, which asks first. */
function SourceRow({
  listing,
  onRemove,
}: {
  listing: SourceListing;
  onRemove: (listing: SourceListing) => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const { document, added } = listing;
  return (
    <li class="source-item" aria-label={document.title}>
      <p class="source-title">
        <LinkOrText url={document.url}>{document.title}</LinkOrText>
      </p>
      <p class="source-meta">
        {[document.publisher, document.published?.slice(0, 10)].filter(Boolean).join(', ')}{' '}
        {added === null
          ? t('sourceShipsWithDramatis')
          : t('sourceAddedOn', dateFormat.format(added))}
      </p>
      {listing.claimedUrl !== null && (
        <p class="source-claim">{t('sourceClaimsToBe', claimedHost(listing.claimedUrl))}</p>
      )}
      <p class="source-contribution">{contributionText(listing)}</p>
      {added !== null && !confirming && (
        <button type="button" class="danger-quiet" onClick={() => setConfirming(true)}>
          {t('remove')}
          <span class="visually-hidden"> {t('quotedTitle', document.title)}</span>
        </button>
      )}
      {confirming && (
        <div class="confirm" role="group" aria-label={t('confirmRemoval')}>
          <p>{t('confirmRemoveSource', document.title)}</p>
          <button
            type="button"
            class="danger"
            ref={confirmButton}
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onRemove(listing).finally(() => setBusy(false));
            }}
          >
            {t('remove')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The section, live from the store. */
export function OptionsSources({ db }: { db: DramatisDB }) {
  const [sources, setSources] = useState<SourceListing[] | null>(null);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);
  useEffect(() => {
    let previous: SourceListing[] | null = null;
    const subscription = liveQuery(() => listSourcesOutsideImports(db, previous)).subscribe({
      next: (listings) => {
        previous = listings;
        setSources(listings);
      },
      error: (error: unknown) => setStatus({ text: errorText(error), problem: true }),
    });
    return () => subscription.unsubscribe();
  }, [db]);

  const remove = async (listing: SourceListing) => {
    try {
      await sendRequest('removeArticle', { documentId: listing.document.id });
      setStatus({ text: t('sourceRemoved', listing.document.title), problem: false });
    } catch (error) {
      setStatus({ text: errorText(error), problem: true });
    }
  };

  return (
    <section class="card" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('sourcesHeading')}</h2>
      <p class="lead">{t('sourcesLead', t('addArticle'))}</p>
      <p role="status" class={status?.problem ? 'problem' : 'saved-status'}>
        {status?.text}
      </p>
      {sources === null ? (
        <p class="sources-hint">{t('readingSources')}</p>
      ) : (
        <ul class="sources">
          {sources.map((listing) => (
            <SourceRow key={listing.document.id} listing={listing} onRemove={remove} />
          ))}
        </ul>
      )}
    </section>
  );
}
