/**
 * The options page's Sources: every document the profile store is built from,
 * the ones that ship with Dramatis and the articles the reader added, with
 * what each contributed. An added article can be removed (after a
 * confirmation): its facts go, the profiles it touched are merged again
 * without it, and the reader's notes and corrections stay.
 */
import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DramatisDB } from '@/lib/store/db';
import { listSources, type SourceListing } from '@/lib/store/source-list';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "4 people · 2 organizations · 3 quotes" for a listing. */
export function contributionText({ profiles, quotes }: SourceListing): string {
  return [
    plural(profiles.people, 'person', 'people'),
    plural(profiles.organizations, 'organization', 'organizations'),
    plural(profiles.places, 'place', 'places'),
    plural(quotes, 'quote', 'quotes'),
  ].join(' · ');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
    <li class="source" aria-label={document.title}>
      <p class="source-title">
        {document.url ? <a href={document.url}>{document.title}</a> : document.title}
      </p>
      <p class="source-meta">
        {[document.publisher, document.published?.slice(0, 10)].filter(Boolean).join(', ')}
        {added === null ? ' — ships with Dramatis' : ` — added ${dateFormat.format(added)}`}
      </p>
      <p class="source-contribution">{contributionText(listing)}</p>
      {added !== null && !confirming && (
        <button type="button" onClick={() => setConfirming(true)}>
          Remove<span class="visually-hidden"> “{document.title}”</span>
        </button>
      )}
      {confirming && (
        <div class="confirm" role="group" aria-label="Confirm removal">
          <p>Remove “{document.title}” and everything it added? Your notes and corrections stay.</p>
          <button
            type="button"
            ref={confirmButton}
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onRemove(listing).finally(() => setBusy(false));
            }}
          >
            Remove
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
            Cancel
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
    const subscription = liveQuery(() => listSources(db)).subscribe({
      next: setSources,
      error: (error: unknown) => setStatus({ text: message(error), problem: true }),
    });
    return () => subscription.unsubscribe();
  }, [db]);

  const remove = async (listing: SourceListing) => {
    try {
      const { removeAddedArticle } = await import('@/lib/messaging/article-actions');
      await removeAddedArticle(listing.document.id, db);
      setStatus({ text: `Removed “${listing.document.title}” and what it added.`, problem: false });
    } catch (error) {
      setStatus({ text: message(error), problem: true });
    }
  };

  return (
    <section class="card" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <p class="lead">
        The articles the profiles are built from. Add one from the toolbar popup while you read it
        (“Add this article to sources”).
      </p>
      <p role="status" class={status?.problem ? 'problem' : 'saved-status'}>
        {status?.text}
      </p>
      {sources === null ? (
        <p class="sources-hint">Reading the sources…</p>
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
