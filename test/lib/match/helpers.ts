/**
 * A small hand-written store for matcher tests: the people and parties of the
 * Phnom Penh Post seed article, with the short forms the extractor flags.
 */
import type { EntityKind } from '@/lib/model/bundle-format';
import { buildAliasIndex, type AliasIndex, type IndexableEntity } from '@/lib/match';
import { aliasKey } from '@/lib/match/normalize';

/** An entity whose aliases are [text, ambiguous] pairs; the name itself is always an unambiguous alias. */
export function entity(
  id: string,
  kind: EntityKind,
  name: string,
  aliases: [string, boolean][] = [],
): IndexableEntity {
  const all: [string, boolean][] = [[name, false], ...aliases];
  return {
    id,
    kind,
    name,
    aliases: all.map(([text, ambiguous]) => ({ text, key: aliasKey(text), ambiguous })),
  };
}

/** The seed article's entities. */
export const SEED_ENTITIES: IndexableEntity[] = [
  entity('person:hun-sen', 'person', 'Hun Sen', [['Sen', true]]),
  entity('organization:cnrp', 'organization', 'Cambodia National Rescue Party', [['CNRP', false]]),
  entity('organization:cpp', 'organization', 'Cambodian People’s Party', [['CPP', false]]),
  entity('person:yim-phally', 'person', 'Yim Phally', [['Phally', true]]),
  entity('person:phom-than', 'person', 'Phom Than', [['Than', true]]),
  entity('person:meas-nee', 'person', 'Meas Nee', [['Nee', true]]),
  entity('person:mu-sochua', 'person', 'Mu Sochua', [['Sochua', false]]),
  entity('person:so-platong', 'person', 'So Platong', [
    ['Platong', false],
    ['So', true],
  ]),
  entity('place:phnom-penh', 'place', 'Phnom Penh'),
  entity('organization:phnom-penh-post', 'organization', 'Phnom Penh Post'),
  entity('place:siem-reap', 'place', 'Siem Reap'),
  entity('person:sok-eysan', 'person', 'Sok Eysan'),
];

/** The alias index over {@link SEED_ENTITIES}. */
export function seedIndex(): AliasIndex {
  return buildAliasIndex(SEED_ENTITIES);
}
