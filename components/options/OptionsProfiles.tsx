/**
 * The options page's Profiles: browse the profile store and find an entity by
 * a name typed roughly (fuse.js over names and aliases, short strings where it
 * is strong: "Sochau" finds Mu Sochua), then correct it (OptionsProfileEditor).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/i18n';
import type { DramatisDB } from '@/lib/store/db';
import { createEntitySearch } from '@/lib/store/entity-search';
import { firstProfiles } from '@/lib/store/entity-names';
import { type EntitySuggestion } from '@/lib/model/views';
import { OptionsProfileEditor } from './OptionsProfileEditor';
import { kindLabel } from '@/components/shared/RelatedEntities';

/** How many profiles the list shows at once (the store may hold 100,000). */
const LIST_LIMIT = 50;

/** The Profiles section. */
export function OptionsProfiles({ db }: { db: DramatisDB }) {
  const findEntities = useMemo(() => createEntitySearch(db), [db]);
  const [query, setQuery] = useState('');
  const [list, setList] = useState<EntitySuggestion[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const read = query.trim() ? findEntities(query, LIST_LIMIT) : firstProfiles(db, LIST_LIMIT);
    read.then(
      (found) => current && setList(found),
      (error: unknown) => console.error('Dramatis: listing profiles failed:', error),
    );
    return () => {
      current = false;
    };
  }, [db, findEntities, query]);

  return (
    <section class="card profiles" aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">{t('profilesHeading')}</h2>
      <p class="help">{t('profilesHelp')}</p>
      <label>
        {t('findProfile')}
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      <div class="profiles-layout">
        <ul class="profile-list" aria-label={t('profilesHeading')}>
          {list.map((entity) => (
            <li key={entity.id}>
              <button
                type="button"
                aria-pressed={chosen === entity.id}
                onClick={() => setChosen(entity.id)}
              >
                {entity.name} <span class="help">{kindLabel(entity.kind)}</span>
              </button>
            </li>
          ))}
          {list.length === 0 && <li class="help">{t('noProfileMatches')}</li>}
        </ul>
        {chosen && <OptionsProfileEditor db={db} entityId={chosen} findEntities={findEntities} />}
      </div>
    </section>
  );
}
