/**
 * The side panel (Chrome side panel, Firefox sidebar): "Search" over
 * everything saved and "This page" for the active tab, as two tabs of one
 * segmented control. `?entity=<id>` opens the search filtered to that entity.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DramatisDB } from '@/lib/store/db';
import type { AnnotationRecord } from '@/lib/store/records';
import { useLiveSearch } from './live-search';
import { openAnnotation, type OpenOutcome } from './open-annotation';
import { SidePanelSearch } from './SidePanelSearch';
import { SidePanelThisPage } from './SidePanelThisPage';

type View = 'search' | 'page';

/** Props of {@link SidePanelApp}. */
export interface SidePanelAppProps {
  db: DramatisDB;
  /** From `?entity=`: prefill the search with `entity:"Name"`. */
  entityId?: string | null;
  /** Opens a result; tests replace it. */
  open?: (record: AnnotationRecord) => Promise<OpenOutcome>;
}

/** The query that filters to one entity, quoted so a name with spaces stays one value. */
export function entityQuery(name: string): string {
  return `entity:"${name.replace(/"/g, '')}" `;
}

/** The whole side panel. */
export function SidePanelApp({ db, entityId = null, open = openAnnotation }: SidePanelAppProps) {
  const live = useLiveSearch(db);
  const [view, setView] = useState<View>('search');
  const [initialQuery, setInitialQuery] = useState<string | null>(entityId ? null : '');
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (!entityId) return;
    void Promise.all([db.entities.get(entityId), db.corrections.get(entityId)])
      .then(([entity, correction]) => {
        const name = correction?.correction.name ?? entity?.name;
        setInitialQuery(name ? entityQuery(name) : `entity:${entityId} `);
      })
      .catch(() => setInitialQuery(`entity:${entityId} `));
  }, [db, entityId]);

  const onOpen = (record: AnnotationRecord) => {
    setStatus('Opening the page…');
    open(record).then(
      (outcome) =>
        setStatus(
          outcome === 'shown'
            ? ''
            : outcome === 'no-page'
              ? 'This note has no web page to open.'
              : 'The page is open, but the quote was not found on it any more.',
        ),
      (error: unknown) => {
        console.error('Dramatis: opening a saved quote failed:', error);
        setStatus('The page could not be opened. Try again, or open it from its address.');
      },
    );
  };

  return (
    <main>
      {/* The browser's panel header names the extension; the heading is for screen readers' page outline. */}
      <h1 class="visually-hidden">Dramatis: your saved quotes and notes</h1>
      <div class="views" role="tablist" aria-label="What to show">
        {(['search', 'page'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={view === name}
            onClick={() => setView(name)}
          >
            {name === 'search' ? 'Search' : 'This page'}
          </button>
        ))}
      </div>
      {status && <p role="status">{status}</p>}
      {view === 'search' && initialQuery !== null && (
        <SidePanelSearch live={live} initialQuery={initialQuery} onOpen={onOpen} />
      )}
      {view === 'page' && <SidePanelThisPage db={db} names={live.names} onOpen={onOpen} />}
    </main>
  );
}
