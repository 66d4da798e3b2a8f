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
  AnnotationRecord,
  BundleOriginalRecord,
  CorrectionRecord,
  DocumentRecord,
  MetaKey,
  MetaRecord,
  SettingRecord,
} from '@/lib/model/records';
import {
  AliasKeyFilter,
  aliasKeyFilterMiddleware,
  correctionsOnlyFilter,
  emptyAliasKeyFilter,
  KEY_FILTER_TABLE,
  rebuildAliasKeyFilter,
  rebuildShardKeyFilter,
  type AliasKeyFilterRecord,
} from './alias-key-filter';
import type { KeyShardRecord, ProfileIndexRecord, ProfileShardRecord } from './profile-shards';

/** The database name used by the extension; tests pass their own. */
export const DEFAULT_DB_NAME = 'dramatis';

/**
 * The typed Dexie database.
 *
 * Versioning policy: every `version(n)` ever shipped stays in this class, in
 * order, because a reader may upgrade from any of them. A change adds
 * `version(n + 1)` with only the tables whose indexes change (and an `upgrade()`
 * when existing rows must be rewritten); never edit or delete an old version.
 * Bundled tables (profile and key shards, documents) need no data migration:
 * the next bundle import rewrites them. Reader tables (annotations,
 * corrections, settings, addedSources, bundleOriginals) must always be
 * migrated in `upgrade()`.
 */
export class DramatisDB extends Dexie {
  /** Bundle profiles, many to a row (lib/store/profile-shards.ts); read and written only through that file. */
  profileShards!: Table<ProfileShardRecord, number>;
  /** Each profile shard's alias-key rows, by shard number; the filter says which shards a key is in. */
  keyShards!: Table<KeyShardRecord, number>;
  /** Counts by kind and the first profiles by name, kept by the shards' writes. */
  profileIndex!: Table<ProfileIndexRecord, ProfileIndexRecord['id']>;
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
  /** The filter in memory, in front of `keyShards` for lookups. */
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
    // Version 4: profiles and their alias keys packed many to a row, because
    // Chromium's cost is per row (docs/ARCHITECTURE.md, Data flows). The old
    // tables go; forgetting the bundle makes the next start import it again.
    // The reader's tables stay as they are; the filter keeps their extra aliases.
    this.version(4)
      .stores({
        entities: null,
        aliasKeys: null,
        profileShards: 'n, first',
        keyShards: 'n',
        profileIndex: 'id',
      })
      .upgrade(async (tx) => {
        await tx.table('meta').bulkDelete(['bundle', 'import']);
        const corrections = await tx.table('corrections').toArray();
        await tx.table(KEY_FILTER_TABLE).clear();
        await tx.table(KEY_FILTER_TABLE).put(correctionsOnlyFilter(corrections));
      });
    // Version 5: the filter's entries carry a bit saying whether the key is
    // unambiguous in its shard (lib/store/key-locations.ts), so a short form
    // shared by thousands of profiles is read only for the page's confirmed
    // entities. Same tables; the filter is rebuilt from the stored key shards.
    this.version(5)
      .stores({})
      .upgrade((tx) =>
        rebuildShardKeyFilter(
          tx.table('keyShards'),
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
