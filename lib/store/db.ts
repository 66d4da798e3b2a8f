/**
 * The profile store: one IndexedDB database owned by the extension origin.
 *
 * Only extension contexts (background, extension pages) open it: a content
 * script's IndexedDB would be the page's, so the content script asks the
 * background instead (see lib/messaging).
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  AddedSourceRecord,
  AliasKeyRecord,
  AnnotationRecord,
  BundleOriginalRecord,
  CorrectionRecord,
  DocumentRecord,
  EntityRecord,
  MetaKey,
  MetaRecord,
  SettingRecord,
} from '@/lib/model/records';
import {
  AliasKeyFilter,
  aliasKeyFilterMiddleware,
  emptyAliasKeyFilter,
  KEY_FILTER_TABLE,
  rebuildAliasKeyFilter,
  type AliasKeyFilterRecord,
} from './alias-key-filter';

/** The database name used by the extension; tests pass their own. */
export const DEFAULT_DB_NAME = 'dramatis';

/**
 * The typed Dexie database.
 *
 * Versioning policy: every `version(n)` ever shipped stays in this class, in
 * order, because a reader may upgrade from any of them. A change adds
 * `version(n + 1)` with only the tables whose indexes change (and an `upgrade()`
 * when existing rows must be rewritten); never edit or delete an old version.
 * Bundled tables (entities, aliasKeys, documents) need no data migration: the
 * next bundle import rewrites them. Reader tables (annotations, corrections,
 * settings) must always be migrated in `upgrade()`.
 */
export class DramatisDB extends Dexie {
  /** Bundle profiles; indexed by kind for counts and by name for listing. */
  entities!: EntityTable<EntityRecord, 'id'>;
  /** Alias key → entity rows; `where('key').anyOf(keys)` answers a page's candidates. */
  aliasKeys!: Table<AliasKeyRecord, [string, string]>;
  /** Bundle source documents, for provenance. */
  documents!: EntityTable<DocumentRecord, 'id'>;
  /** The reader's saved quotes and notes. */
  annotations!: EntityTable<AnnotationRecord, 'id'>;
  /** The reader's corrections to bundled profiles, one row per entity. */
  corrections!: EntityTable<CorrectionRecord, 'entityId'>;
  /** Reader settings as key/value rows. */
  settings!: EntityTable<SettingRecord, 'key'>;
  /** Bookkeeping: the imported bundle and the state of the last import. */
  meta!: Table<MetaRecord, MetaKey>;
  /** Articles the reader added while reading, with their extraction (lib/store/added-sources.ts). */
  addedSources!: EntityTable<AddedSourceRecord, 'id'>;
  /** The bundle's version of each entity that added articles changed, so removing them restores it exactly. */
  bundleOriginals!: EntityTable<BundleOriginalRecord, 'id'>;
  /** The stored alias-key filter (lib/store/alias-key-filter.ts); written only by its middleware. */
  aliasKeyFilter!: Table<AliasKeyFilterRecord, string>;
  /** The filter in memory, in front of `aliasKeys` for lookups. */
  readonly keyFilter: AliasKeyFilter;

  /** Opens (lazily, on first query) the database called `name`. */
  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    // Version 1. Primary key first, then indexes; `*` marks multiEntry, `&` unique,
    // `[a+b]` compound. aliasKeys' compound primary key makes (key, entity) unique
    // while the separate `key` index serves anyOf() lookups.
    this.version(1).stores({
      entities: 'id, kind, name',
      aliasKeys: '[key+entityId], key, entityId',
      documents: 'id',
      annotations: 'id, url, site, created, updated, *tags, *entityIds',
      corrections: 'entityId, updated',
      settings: 'key',
      meta: 'key',
    });
    // Version 2: articles added while reading. New tables only, so no upgrade().
    this.version(2).stores({
      addedSources: 'id, &url, added',
      bundleOriginals: 'id',
    });
    // Version 3: the alias-key filter, built once from the rows already stored.
    this.version(3)
      .stores({ [KEY_FILTER_TABLE]: 'id' })
      .upgrade((tx) =>
        rebuildAliasKeyFilter(
          tx.table('aliasKeys'),
          tx.table('corrections'),
          tx.table(KEY_FILTER_TABLE),
        ),
      );
    // A new store starts with an empty filter (its tables are empty).
    this.on('populate', (tx) => tx.table(KEY_FILTER_TABLE).put(emptyAliasKeyFilter()));
    this.keyFilter = new AliasKeyFilter(() => this.aliasKeyFilter);
    this.use(aliasKeyFilterMiddleware(this.keyFilter));
  }
}
