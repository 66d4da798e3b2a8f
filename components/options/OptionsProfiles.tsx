/**
 * The options page's Profiles: the profile store as a table (name, kind,
 * roles, quotes, sources), filtered by a name typed roughly (fuse.js over names
 * and aliases, short strings where it is strong: "Sochau" finds Mu Sochua) and
 * by kind, and sorted by any column. A row opens its corrections
 * (OptionsProfileEditor) right under it.
 */
import { Fragment } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/i18n';
import type { EntityKind } from '@/lib/model/bundle-format';
import { ENTITY_KINDS } from '@/lib/model/settings';
import type { DramatisDB } from '@/lib/store/db';
import { createEntitySearch } from '@/lib/store/entity-search';
import { profileRows } from '@/lib/store/entity-names';
import { type ProfileRow } from '@/lib/model/views';
import { OptionsProfileEditor } from './OptionsProfileEditor';
import { kindLabel } from '@/components/shared/RelatedEntities';

/** How many profiles the table shows at once (the store may hold 100,000). */
const LIST_LIMIT = 50;

type SortKey = 'name' | 'kind' | 'roles' | 'quotes' | 'sources';
type Direction = 'ascending' | 'descending';

/** Null: the store's order (by name) or, for a typed name, the best matches first. */
type Sort = { key: SortKey; direction: Direction } | null;

const COLUMNS: ReadonlyArray<{ key: SortKey; label: () => string; numeric: boolean }> = [
  { key: 'name', label: () => t('profileColumnName'), numeric: false },
  { key: 'kind', label: () => t('profileColumnKind'), numeric: false },
  { key: 'roles', label: () => t('profileColumnRoles'), numeric: true },
  { key: 'quotes', label: () => t('profileColumnQuotes'), numeric: true },
  { key: 'sources', label: () => t('profileColumnSources'), numeric: true },
];

/** Rows in `sort`'s order; ties keep the name order. */
export function sortProfiles(rows: readonly ProfileRow[], sort: Sort): ProfileRow[] {
  if (!sort) return [...rows];
  const { key, direction } = sort;
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: ProfileRow, b: ProfileRow) => a.name.localeCompare(b.name);
  return [...rows].sort((a, b) => {
    const order =
      key === 'name' || key === 'kind'
        ? String(a[key]).localeCompare(String(b[key]))
        : a[key] - b[key];
    return sign * order || byName(a, b);
  });
}

/** The next sort when a column's header is clicked: first its natural way, then reversed. */
function nextSort(current: Sort, key: SortKey, numeric: boolean): Sort {
  const first: Direction = numeric ? 'descending' : 'ascending';
  if (current?.key !== key) return { key, direction: first };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** The Profiles section. */
export function OptionsProfiles({ db }: { db: DramatisDB }) {
  const findEntities = useMemo(() => createEntitySearch(db), [db]);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<EntityKind | null>(null);
  const [list, setList] = useState<ProfileRow[] | null>(null);
  const [sort, setSort] = useState<Sort>(null);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const typed = query.trim();
    const read = typed
      ? findEntities(typed, LIST_LIMIT).then((found) =>
          profileRows(db, { ids: found.map((entity) => entity.id), kind, limit: LIST_LIMIT }),
        )
      : profileRows(db, { kind, limit: LIST_LIMIT });
    read.then(
      (found) => current && setList(found),
      (error: unknown) => console.error('Dramatis: listing profiles failed:', error),
    );
    return () => {
      current = false;
    };
  }, [db, findEntities, query, kind]);

  const rows = useMemo(() => sortProfiles(list ?? [], sort), [list, sort]);
  // Untyped and unsorted, the table is in name order: say so to screen readers too.
  const shownSort: Sort = sort ?? (query.trim() ? null : { key: 'name', direction: 'ascending' });

  return (
    <section class="card profiles" aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">{t('profilesHeading')}</h2>
      <p class="lead">{t('profilesHelp')}</p>
      <div class="table-tools">
        <label class="field grow">
          {t('findProfile')}
          <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <label class="field">
          {t('profileKindFilter')}
          <select
            value={kind ?? ''}
            onChange={(e) => setKind((e.currentTarget.value || null) as EntityKind | null)}
          >
            <option value="">{t('allKinds')}</option>
            {ENTITY_KINDS.map((option) => (
              <option key={option} value={option}>
                {kindLabel(option)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="table-wrap">
        <table class="data-table profile-table" aria-label={t('profilesHeading')}>
          <thead>
            <tr>
              {COLUMNS.map((column) => {
                const sorted = shownSort?.key === column.key ? shownSort.direction : undefined;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    class={column.numeric ? 'num' : undefined}
                    aria-sort={sorted}
                  >
                    <button
                      type="button"
                      class="sort-button"
                      onClick={() => setSort(nextSort(shownSort, column.key, column.numeric))}
                    >
                      {column.label()}
                      <span class={`sort-arrow ${sorted ?? ''}`} aria-hidden="true" />
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((entity) => (
              <Fragment key={entity.id}>
                <tr class={chosen === entity.id ? 'chosen' : undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      class="row-button"
                      aria-expanded={chosen === entity.id}
                      onClick={() => setChosen(chosen === entity.id ? null : entity.id)}
                    >
                      {entity.name}
                    </button>
                  </th>
                  <td>
                    <span class={`badge kind-${entity.kind}`}>{kindLabel(entity.kind)}</span>
                  </td>
                  <td class="num">{entity.roles}</td>
                  <td class="num">{entity.quotes}</td>
                  <td class="num">{entity.sources}</td>
                </tr>
                {chosen === entity.id && (
                  <tr class="editor-row">
                    <td colSpan={COLUMNS.length}>
                      <OptionsProfileEditor
                        db={db}
                        entityId={entity.id}
                        findEntities={findEntities}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {list !== null && rows.length === 0 && (
        <p class="empty-state">
          <span class="empty-title">{t('noProfileMatches')}</span>
        </p>
      )}
      {!query.trim() && rows.length === LIST_LIMIT && (
        <p class="help">{t('profilesShownFirst', LIST_LIMIT)}</p>
      )}
    </section>
  );
}
