/**
 * The side panel (Chrome side panel, Firefox sidebar): "Search" over
 * everything saved and "This page" for the active tab, as two tabs of one
 * segmented control. `?entity=<id>` opens the search filtered to that entity.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/i18n';
import type { DramatisDB } from '@/lib/store/db';
import { displayNames } from '@/lib/store/entity-names';
import type { AnnotationRecord } from '@/lib/model/records';
import { useLiveSearch } from '@/components/hooks/live-search';
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
    void displayNames(db, [entityId])
      .then((names) => {
        const name = names.get(entityId);
        setInitialQuery(name ? entityQuery(name) : `entity:${entityId} `);
      })
      .catch(() => setInitialQuery(`entity:${entityId} `));
  }, [db, entityId]);

  const onOpen = (record: AnnotationRecord) => {
    setStatus(t('openingPage'));
    open(record).then(
      (outcome) =>
        setStatus(
          outcome === 'shown'
            ? ''
            : outcome === 'no-page'
              ? t('noPageToOpen')
              : t('quoteNotFoundOnPage'),
        ),
      (error: unknown) => {
        console.error('Dramatis: opening a saved quote failed:', error);
        setStatus(t('pageCouldNotOpen'));
      },
    );
  };

  return (
    <main>
      {/* The browser's panel header names the extension; the heading is for screen readers' page outline. */}
      <h1 class="visually-hidden">{t('sidePanelHeading')}</h1>
      <div class="views" role="tablist" aria-label={t('whatToShow')}>
        {(['search', 'page'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={view === name}
            onClick={() => setView(name)}
          >
            {name === 'search' ? t('searchView') : t('thisPageView')}
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
