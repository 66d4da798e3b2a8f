/** The rows of the alias-key table, the index pages' candidate names are looked up in. */
import type { Entity } from '@/lib/model/bundle-format';
import type { AliasKeyRecord } from '@/lib/model/records';

/**
 * The alias-key rows of one entity: one per distinct key. A key is ambiguous when
 * any alias spelled to it is (see {@link AliasKeyRecord.ambiguous}).
 */
export function aliasKeyRows(entity: Entity): AliasKeyRecord[] {
  const byKey = new Map<string, AliasKeyRecord>();
  for (const alias of entity.aliases) {
    // An alias whose key normalized to nothing cannot be matched on a page.
    if (alias.key === '') continue;
    const row = byKey.get(alias.key);
    if (row) {
      row.ambiguous ||= alias.ambiguous;
    } else {
      byKey.set(alias.key, {
        key: alias.key,
        entityId: entity.id,
        name: entity.name,
        kind: entity.kind,
        ambiguous: alias.ambiguous,
      });
    }
  }
  return [...byKey.values()];
}
